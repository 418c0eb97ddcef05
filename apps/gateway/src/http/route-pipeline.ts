import { Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, PUBLIC, accessAllows } from '@govdisc/contracts';
import { runWithCorrelation } from '@govdisc/service-kit';
import { SpanKind, extractTraceContext, inSpan, markFailedWith, tracingEnabled } from '@govdisc/telemetry';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditLog } from '../audit/audit-log.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import { type Idempotency, scopedIdempotencyKey } from '../idempotency/idempotency.js';
import { HttpAnswer, type RouteDeps, type RouteInput, type TaggedRoute, invokerOf, successStatusOf } from '../routes/route-table.js';
import { API_PREFIX } from './api-prefix.js';
import { routeNotFoundMessage, sendError } from './error-body.js';

/** What every route's pipeline shares. */
export interface PipelineDeps {
  tokens: { verify(bearer: string): Promise<Actor> };
  limiter: RateLimiter;
  idempotency: Idempotency;
  auditLog: AuditLog;
  routeDeps: RouteDeps;
}

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/;
const logger = new Logger('RoutePipeline');

/**
 * One row's request handler, composed once from plain functions: spelling check → caller (a token is
 * verified only when one is sent) → access → rate limit → idempotency (POST/PATCH with the header) →
 * the row's RPC → answer → audit (staff writes). No Nest guard, interceptor or observable per request.
 */
export function routeHandler(row: TaggedRoute, deps: PipelineDeps): Handler {
  const invoke = invokerOf(row);
  const status = successStatusOf(row);
  const spelling = canonicalSpelling(`/${API_PREFIX}${row.path}`);
  const routeId = `${row.method} ${row.path}`;
  const submit = row.rateLimit === 'submit';
  const audited = WRITES.has(row.method);
  const idempotent = row.method === 'POST' || row.method === 'PATCH';
  const contentType = row.text?.contentType ?? 'application/json; charset=utf-8';
  const { routeDeps } = deps;

  const handle: Handler = async (req, reply) => {
    let actor: Actor | null = null;
    let admitted = false; // past access and rate limit: only then is a staff write audited
    try {
      if (!spelling(req.url)) throw new DomainError(ErrorCode.ROUTE_NOT_FOUND, routeNotFoundMessage(req));
      const header = req.headers.authorization;
      if (header !== undefined) actor = await deps.tokens.verify(bearerOf(header));
      if (row.access !== PUBLIC && !accessAllows(row.access, actor)) {
        if (!actor) throw new DomainError(ErrorCode.AUTH_REQUIRED);
        throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: row.access });
      }
      const client = actor ? `sub:${actor.sub}` : `ip:${req.ip}`;
      deps.limiter.take(routeId, submit, client, reply);
      admitted = true;
      const input: RouteInput = {
        params: req.params as Record<string, string>,
        query: req.query as Record<string, unknown>,
        body: req.body,
        actor,
      };
      const run = (idempotencyKey?: string) =>
        runWithCorrelation(req.id, () => invoke(idempotencyKey ? { ...input, idempotencyKey } : input, routeDeps));
      const key = idempotent ? req.headers['idempotency-key'] : undefined;
      let result: unknown;
      if (key === undefined) result = await run();
      else {
        const scope = `${client}|${req.method} ${pathOf(req.url)}`;
        // The service gets the key too (scoped, so callers cannot meet): the gateway's record is released when the
        // RPC times out, yet the service may still commit; with the key it answers the retry with what it stored.
        const work = () => run(scopedIdempotencyKey(scope, String(key)));
        const outcome = await deps.idempotency.run({ scope, key, body: req.body, status, work });
        if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
        result = outcome.body;
      }
      send(reply, result, status, contentType);
    } catch (error) {
      sendError(reply, error, { id: req.id, method: req.method, url: req.url }, logger);
    }
    if (audited && admitted && AuditLog.covers(actor)) {
      deps.auditLog.record({
        actor,
        routeKey: row.key,
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        requestId: req.id,
        ip: req.ip ?? 'unknown',
        userAgent: req.headers['user-agent'],
      });
    }
    return reply;
  };
  return tracingEnabled() ? traced(`${row.method} /${API_PREFIX}${row.path}`, handle) : handle;
}

/**
 * The request in a server span named after its route (`GET /api/v1/policies/search`): the root of the trace that
 * follows it through NATS to the services, or a child of the caller's span when it sent a `traceparent`.
 */
function traced(route: string, handle: Handler): Handler {
  const [method, template] = route.split(' ') as [string, string];
  return (req, reply) => {
    const parent = extractTraceContext((key) => req.headers[key]);
    // The route's template, never the URL: paths carry tracking codes and request numbers (redact-url.ts).
    const attributes = { 'http.request.method': method, 'http.route': template };
    return inSpan(route, { kind: SpanKind.SERVER, parent, attributes }, async (span) => {
      const sent = await handle(req, reply);
      span?.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) markFailedWith(span, String(reply.statusCode));
      return sent;
    });
  };
}

function send(reply: FastifyReply, result: unknown, status: number, contentType: string): void {
  if (result instanceof HttpAnswer) {
    reply.code(result.status).type('application/json; charset=utf-8').send(JSON.stringify(result.body));
  } else if (result === undefined || result === null) {
    reply.code(status).send();
  } else {
    reply
      .code(status)
      .type(contentType)
      .send(typeof result === 'string' || Buffer.isBuffer(result) ? result : JSON.stringify(result));
  }
}

function bearerOf(header: string): string {
  const match = BEARER.exec(header);
  if (!match) throw new DomainError(ErrorCode.AUTH_INVALID_TOKEN, undefined, { reason: 'malformed Authorization header' });
  return match[1]!;
}

const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/**
 * One spelling per route: the router decodes percent-escapes before matching, so `/%61pi/v1/…` or
 * `/api/v1/disclosure%2Drequests` would reach the row. Only the exact literal segments count (path
 * parameters may be encoded); a URL without `%` or dot segments needs no closer look.
 */
export function canonicalSpelling(template: string): (url: string) => boolean {
  const segments = template.split('/').map((s) => (s.startsWith(':') ? null : s));
  return (url) => {
    const path = pathOf(url);
    if (!path.includes('%') && !path.includes('/.') && !path.includes('//')) return true;
    const parts = path.split('/');
    if (parts.length !== segments.length) return false;
    for (let i = 0; i < parts.length; i++) {
      const literal = segments[i];
      if (literal === null ? parts[i] === '' || parts[i] === '.' || parts[i] === '..' : parts[i] !== literal) return false;
    }
    return true;
  };
}
