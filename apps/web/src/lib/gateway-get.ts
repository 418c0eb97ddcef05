import { Agent as HttpAgent, type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Where a GET goes and the caller's headers (gatewayHeaders: language, forwarded address, token). */
export interface GatewayTarget {
  baseUrl: string;
  headers: Record<string, string>;
}

/** Kept-alive sockets to the gateway, one pool per process (the portal calls one gateway). */
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/**
 * GET a JSON answer from the gateway over node:http with kept-alive sockets, as openapi-fetch's GET answers it: the
 * parsed body for a 2xx, null for any other status; a transport failure or a body that is not JSON throws. For the
 * hottest page (the policy page, ADR 0039): undici's `fetch` (Request, Headers, Response and a web stream per call)
 * cost the portal more CPU than the call itself. A request on a kept-alive socket the gateway closed meanwhile is
 * sent once more on a new one (a GET changes nothing).
 */
export function getJson<T>(target: GatewayTarget, path: string): Promise<T | null> {
  return send<T>(new URL(target.baseUrl + path), target.headers).catch((error: unknown) => {
    if ((error as { retry?: boolean }).retry) return send<T>(new URL(target.baseUrl + path), target.headers);
    throw error;
  });
}

function send<T>(url: URL, headers: Record<string, string>): Promise<T | null> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const onAnswer = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return resolve(null);
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    };
    const options = { method: 'GET', agent: https ? agents.https : agents.http, headers: { accept: 'application/json', ...headers } };
    const req: ClientRequest = https ? httpsRequest(url, options, onAnswer) : httpRequest(url, options, onAnswer);
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? Object.assign(error, { retry: true }) : error),
    );
    req.end();
  });
}
