import { type Access, type Actor, type RpcContract, parseOrThrow, type z } from '@govdisc/contracts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Contract = RpcContract<z.ZodType, z.ZodType>;

/** What a route's handler gets from the HTTP request (path parameters, query, JSON body) and the caller. */
export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  actor: Actor | null;
  /** The request's Idempotency-Key scoped to its caller and route (scopedIdempotencyKey), passed on to the service. */
  idempotencyKey?: string;
}

/** The RPC client as a route sees it (the real one, or a recording stand-in in the route-access test). */
export interface RpcCaller {
  call<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    payload: unknown,
    opts?: { actor?: Actor | null; timeoutMs?: number; idempotencyKey?: string },
  ): Promise<z.output<Res>>;
  /** The response's JSON bytes as the service sent them (RpcClient.callRaw); a stand-in without it gets call() instead. */
  callRaw?<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    payload: unknown,
    opts?: { actor?: Actor | null; timeoutMs?: number; idempotencyKey?: string },
  ): Promise<Buffer>;
}

/** What custom handlers may use besides the RPC client. */
export interface RouteDeps {
  rpc: RpcCaller;
  /** The gateway's own audit log (the one route that reads no service). */
  auditLog: { list(query: { page: number; pageSize: number; actorSub?: string }): Promise<unknown> };
  /** Users and their realm roles as the identity provider reports them (Keycloak, or the embedded issuer's realm). */
  userDirectory: { list(query: { page: number; pageSize: number; q?: string }): Promise<unknown> };
  healthTimeoutMs: number;
}

/** A handler's answer with a status of its own (e.g. platform health: 503 when a service is down). */
export class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/**
 * One public route. Everything about it is here: the registered route, the access check, the
 * rate-limit class, idempotency, audit and the OpenAPI operation are all derived from this row.
 */
export interface RouteRow {
  /** The access-matrix name (shown as `x-access.key`, recorded in the audit log); rows may share one. */
  key: string;
  method: HttpMethod;
  /** Under /api/v1, Fastify syntax: `/policies/:documentId`. */
  path: string;
  summary: string;
  /** Who may call it: a role set from contracts' roles.ts, PUBLIC or AUTHENTICATED; equals every called RPC's `access`. */
  access: Access;
  /** The RPC the route calls. Its request gets the path parameters merged into the query or body (`input`). */
  rpc?: Contract;
  /** Where the RPC input comes from besides the path parameters (default: none). */
  input?: 'query' | 'body';
  /**
   * The public input schema, when it is narrower than the RPC's request (internal fields such as
   * `recordQuery`): the gateway validates the query/body against it first, and OpenAPI shows it.
   */
  publicInput?: z.ZodType;
  /** The public output schema, when it differs from the RPC's response (OpenAPI). */
  output?: z.ZodType;
  /** Success status (default: 201 for POST, else 200). */
  status?: number;
  /** Extra per-client window on top of the default one (submission routes: bounded guessing). */
  rateLimit?: 'submit';
  /** RPC timeout for slow work (imports): default RPC_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Request body example for /docs. */
  example?: unknown;
  /**
   * Send the service's response on as the bytes it came in (RpcClient.callRaw), not decoded, checked against the
   * contract a second time and encoded again: for a large reply on a hot path (policy search). The service has checked
   * it against the same contract before sending it (docs/adr/0031-gateway-passes-search-replies-through.md).
   */
  passThrough?: true;
  /** Answer with another content type than JSON: the RPC result is turned into the body by `reply`. */
  text?: { contentType: string; reply: (result: never) => string };
  /** A route that is more than one RPC call (platform health, ping, the audit log); it validates its own input. */
  handle?: (input: RouteInput, deps: RouteDeps) => Promise<unknown>;
  /** Documented RPC subjects of a custom handler. */
  describe?: string;
}

/** Rows of one area (tag in /docs). */
export function routes(tag: string, rows: RouteRow[]): Array<RouteRow & { tag: string }> {
  return rows.map((row) => ({ ...row, tag }));
}

export type TaggedRoute = RouteRow & { tag: string };

export const pathParamsOf = (path: string): string[] => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

export const successStatusOf = (row: RouteRow): number => row.status ?? (row.method === 'POST' ? 201 : 200);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The RPC input of a standard row: the query or body with the path parameters merged in (they win).
 * A body that is not an object goes on as it is, so the contract refuses it by name.
 */
export function rpcInputOf(row: RouteRow, input: RouteInput, hasParams: boolean): unknown {
  const source = row.input === 'query' ? input.query : row.input === 'body' ? input.body : undefined;
  if (!hasParams) return source ?? {};
  if (source === undefined) return { ...input.params };
  return isObject(source) ? { ...source, ...input.params } : source;
}

/** What a row does once the caller is let through: its custom handler, or its one RPC call. */
export function invokerOf(row: RouteRow): (input: RouteInput, deps: RouteDeps) => Promise<unknown> {
  if (row.handle) return row.handle; // validates its own input
  const rpc = row.rpc;
  if (!rpc) throw new Error(`route ${row.method} ${row.path} has neither an rpc nor a handler`);
  const hasParams = pathParamsOf(row.path).length > 0;
  const timeoutMs = row.timeoutMs;
  const text = row.text;
  const publicInput = row.publicInput;
  const passThrough = row.passThrough === true && !text;
  return async (input, deps) => {
    // The public schema refuses what only services may send (e.g. recordQuery), with the usual 400.
    if (publicInput) parseOrThrow(publicInput, row.input === 'query' ? input.query : input.body);
    const opts = { actor: input.actor, timeoutMs, idempotencyKey: input.idempotencyKey };
    if (passThrough && deps.rpc.callRaw) return deps.rpc.callRaw(rpc, rpcInputOf(row, input, hasParams), opts);
    const result = await deps.rpc.call(rpc, rpcInputOf(row, input, hasParams), opts);
    return text ? text.reply(result as never) : result;
  };
}
