import createClient from 'openapi-fetch';
import { headers } from 'next/headers';
import type { paths } from '../api/schema';

/** The gateway's base URL (GATEWAY_URL), e.g. http://127.0.0.1:3000; the paths carry /api/v1. */
export function gatewayUrl(): string {
  return (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/**
 * The typed client over the gateway's OpenAPI document (src/api/schema.d.ts, generated). Server-side
 * only: the browser never talks to the gateway. The citizen's address goes along as X-Forwarded-For
 * so the gateway's per-client rate limits count people, not this server (when it trusts us: TRUST_PROXY).
 */
export async function api() {
  const incoming = await headers();
  const forwarded = incoming.get('x-forwarded-for');
  return createClient<paths>({
    baseUrl: gatewayUrl(),
    headers: { 'accept-language': 'zh-CN', ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
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
