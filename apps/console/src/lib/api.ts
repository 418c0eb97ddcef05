import { cookies, headers } from 'next/headers';
import { gatewayClient } from '@govdisc/api-client';
import { webAuth } from './auth';
import { gatewayUrl } from './site';

export { asApiError, type ApiError, type GetOk, type PostOk } from '@govdisc/api-client';

/** The gateway's typed client with the signed-in person's token (server-side only; the gateway checks roles). */
export async function api() {
  const forwarded = (await headers()).get('x-forwarded-for');
  const token = await webAuth().accessToken(await cookies());
  return gatewayClient({ baseUrl: gatewayUrl(), token, forwardedFor: forwarded });
}
