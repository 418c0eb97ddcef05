import { cookies, headers } from 'next/headers';
import { gatewayClient } from '@govdisc/api-client';
import { webAuth } from './auth';
import { gatewayUrl } from './site';

export { gatewayUrl } from './site';
export { asApiError, type ApiError, type GetOk, type PostOk } from '@govdisc/api-client';

/**
 * The gateway's typed client (packages/api-client), server-side only. The citizen's address goes along
 * as X-Forwarded-For (the gateway's rate limits count people when it trusts us: TRUST_PROXY); when
 * someone is signed in, their access token goes along (refreshed when due).
 */
export async function api() {
  const forwarded = (await headers()).get('x-forwarded-for');
  const token = await webAuth().accessToken(await cookies());
  return gatewayClient({ baseUrl: gatewayUrl(), token, forwardedFor: forwarded });
}

/** A client for places without a request (sitemap). */
export function plainApi() {
  return gatewayClient({ baseUrl: gatewayUrl() });
}
