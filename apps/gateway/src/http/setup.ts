import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { CORRELATION_HEADER, ROOT_LOGGER, logRequest, recordHttpRequest, sanitizeCorrelationId } from '@govdisc/service-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { AuditLog } from '../audit/audit-log.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { TokenVerifier } from '../auth/token-verifier.js';
import type { AppConfig } from '../config/env.js';
import { Idempotency } from '../idempotency/idempotency.js';
import { UserDirectory } from '../identity/user-directory.js';
import { ROUTES } from '../routes/index.js';
import { RpcClient } from '@govdisc/service-kit';
import { openApiDocument } from './openapi.js';
import { API_PREFIX } from './api-prefix.js';
import { routeHandler } from './route-pipeline.js';
import { corsOptions } from './cors.js';
import { helmetHeaders } from './security-headers.js';

/** The embedded issuer's token endpoint takes a small form; nothing else is urlencoded. */
const FORM_LIMIT = 16 * 1024;

/**
 * The HTTP server: Fastify, with one spelling per route (case-sensitive, no slash folding), request
 * ids from X-Request-Id (sanitised) or fresh, X-Forwarded-For believed only from TRUST_PROXY (else
 * any client could pick the address its rate limit and sign-in lockout are counted under).
 */
export function gatewayHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    trustProxy: config.TRUST_PROXY.length ? config.TRUST_PROXY : false,
    bodyLimit: bytesOf(config.BODY_LIMIT),
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false, maxParamLength: 1_000 },
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID(),
  });
}

/** HTTP hardening, the route table and the docs; shared by main.ts and the tests. */
export async function configureGateway(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(fastify);
  const apiCsp = API_CSP;
  const docsCsp = docsCspOf(config);
  const hardening = helmetHeaders();
  // Every answer, errors and 404s included, says its request id, its Content-Security-Policy and helmet's headers.
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header(CORRELATION_HEADER, req.id);
    reply.header('Content-Security-Policy', isDocs(req.url) ? docsCsp : apiCsp);
    reply.headers(hardening);
    done();
  });
  const access = app.get<Parameters<typeof logRequest>[0]>(ROOT_LOGGER);
  fastify.addHook('onResponse', (req, reply, done) => {
    logRequest(access, { id: req.id, method: req.method, url: req.url, statusCode: reply.statusCode, ms: reply.elapsedTime });
    // Per route (its template: bounded, no personal data), method and status: rate, errors and duration.
    recordHttpRequest(req.routeOptions.url ?? 'unmatched', req.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const cors = corsOptions(config.CORS_ORIGINS);
  if (cors) app.enableCors(cors);

  const deps = {
    tokens: app.get(TokenVerifier),
    limiter: app.get(RateLimiter),
    idempotency: app.get(Idempotency),
    auditLog: app.get(AuditLog),
    routeDeps: {
      rpc: app.get(RpcClient),
      auditLog: app.get(AuditLog),
      userDirectory: app.get(UserDirectory),
      healthTimeoutMs: config.HEALTH_TIMEOUT_MS,
    },
  };
  for (const row of ROUTES) fastify.route({ method: row.method, url: `/${API_PREFIX}${row.path}`, handler: routeHandler(row, deps) });

  const tokenUrl = `${config.publicIssuerBaseUrl}/realms/${config.KEYCLOAK_REALM}/protocol/openid-connect/token`;
  const document = openApiDocument(ROUTES, { tokenUrl });
  SwaggerModule.setup('docs', app, document as never, {
    jsonDocumentUrl: 'docs/openapi.json',
    swaggerOptions: { persistAuthorization: true, initOAuth: { clientId: 'govdisc-web' } },
  });
  new Logger('Gateway').log(`${ROUTES.length} routes from the route table`);
}

/**
 * JSON as Express parsed it (an empty body is no body; `__proto__` stays a plain key the contracts
 * refuse), the issuer's form, and any other content type read (within the limit) and ignored.
 */
function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req: FastifyRequest, text: string | Buffer, done) => {
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new DomainError(ErrorCode.VALIDATION_FAILED, undefined, { reason: 'request body is not valid JSON' }), undefined);
    }
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, text, done) => {
    done(null, { ...parseForm(text as string) });
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _raw, done) => done(null, undefined));
}

function bytesOf(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit)!;
  return Number(match[1]) * (match[2] === 'mb' ? 1024 * 1024 : 1024);
}

const isDocs = (url: string) => url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');

/** The JSON API needs nothing from a browser; the docs page (swagger-ui) needs its own scripts, inline styles and the issuer's token URL. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function docsCspOf(config: AppConfig): string {
  const issuerOrigin = new URL(config.publicIssuerBaseUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${issuerOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
