import type { IncomingMessage } from 'node:http';
import { type GatewayClient, gatewayClient, gatewayHeaders } from '@govdisc/api-client';
import type { CookieJar } from '@govdisc/web-auth';
import type { GatewayTarget } from './gateway-get';
import { webAuth } from './portal-auth';
import { gatewayUrl, one } from './site';

/**
 * The gateway's client for a Pages Router request, like lib/api.ts for the App Router: the citizen's address along
 * (serve.mjs appended the peer), their token when signed in. A function, so a page asks for the token only when it
 * calls the gateway.
 */
export function pagesApi(req: IncomingMessage, jar: CookieJar): () => Promise<GatewayClient> {
  return async () => gatewayClient(await pagesGateway(req, jar)());
}

/** The same caller as pagesApi for a plain GET (lib/gateway-get): base URL and headers, the token asked when called. */
export function pagesGateway(req: IncomingMessage, jar: CookieJar): () => Promise<GatewayTarget> {
  return async () => {
    const caller = { token: await webAuth().accessToken(jar), forwardedFor: one(req.headers['x-forwarded-for']) || null };
    return { baseUrl: gatewayUrl(), ...caller, headers: gatewayHeaders(caller) };
  };
}
