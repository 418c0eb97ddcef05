import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** helmet's options here: the Content-Security-Policy is the gateway's own (per path: the API's or the docs page's). */
export const HELMET_OPTIONS = { contentSecurityPolicy: false } as const;

/**
 * The headers helmet adds to every answer (X-Content-Type-Options, X-Frame-Options, Strict-Transport-Security, …),
 * worked out once at start by running helmet's middleware on a response that only records what it sets. The plugin
 * (@fastify/helmet) builds that middleware anew from the options on every request (and an async hook per request to
 * decorate the reply): about 5% of the gateway's CPU per no-op request (bench/gateway-overhead.mjs --cpu-prof
 * gateway). These headers depend on the options only; a small test compares an answer with the plugin's.
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error as Error; // helmet passes only Errors
  });
  return headers;
}
