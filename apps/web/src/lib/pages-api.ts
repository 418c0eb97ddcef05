import type { IncomingMessage } from 'node:http';
import { type GatewayClient, gatewayClient } from '@govdisc/api-client';
import type { CookieJar } from '@govdisc/web-auth';
import { webAuth } from './portal-auth';
import { gatewayUrl, one } from './site';

/**
 * The gateway's client for a Pages Router request, like lib/api.ts for the App Router: the citizen's address along
 * (serve.mjs appended the peer), their token when signed in. A function, so a page asks for the token only when it
 * calls the gateway.
 */
export function pagesApi(req: IncomingMessage, jar: CookieJar): () => Promise<GatewayClient> {
  return async () =>
    gatewayClient({
      baseUrl: gatewayUrl(),
      token: await webAuth().accessToken(jar),
      forwardedFor: one(req.headers['x-forwarded-for']) || null,
    });
}
