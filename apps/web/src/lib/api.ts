import createClient from 'openapi-fetch';
import { cookies, headers } from 'next/headers';
import type { paths } from '../api/schema';
import { webAuth } from './auth';
import { gatewayUrl } from './site';

export { gatewayUrl } from './site';

/**
 * The typed client over the gateway's OpenAPI document (src/api/schema.d.ts, generated). Server-side
 * only: the browser never talks to the gateway. The citizen's address goes along as X-Forwarded-For
 * so the gateway's per-client rate limits count people, not this server (when it trusts us: TRUST_PROXY).
 * When someone is signed in, their access token goes along (from the server-side session, refreshed
 * when due), so the gateway acts on their behalf.
 */
export async function api() {
  const incoming = await headers();
  const forwarded = incoming.get('x-forwarded-for');
  const token = await webAuth().accessToken(await cookies());
  return createClient<paths>({
    baseUrl: gatewayUrl(),
    headers: {
      'accept-language': 'zh-CN',
      ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
}

/** A client for places without a request (sitemap). */
export function plainApi() {
  return createClient<paths>({ baseUrl: gatewayUrl(), headers: { 'accept-language': 'zh-CN' } });
}

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a path's GET 200 answer. */
export type GetOk<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? JsonOf<R> : never;
/** The JSON body of a path's POST 200/201 answer. */
export type PostOk<P extends keyof paths> = paths[P] extends { post: { responses: infer Rs } }
  ? Rs extends { 201: infer R }
    ? JsonOf<R>
    : Rs extends { 200: infer R }
      ? JsonOf<R>
      : never
  : never;

/** The gateway's error body: { code, message, details?, requestId }. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

export function asApiError(error: unknown): ApiError | null {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) return error as ApiError;
  return null;
}
