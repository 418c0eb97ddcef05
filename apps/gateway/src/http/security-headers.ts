import helmet from '@fastify/helmet';
import Fastify from 'fastify';

/** helmet's options here: the Content-Security-Policy is the gateway's own (per path: the API's or the docs page's). */
export const HELMET_OPTIONS = { contentSecurityPolicy: false } as const;

/**
 * The headers helmet adds to every answer (X-Content-Type-Options, X-Frame-Options, Strict-Transport-Security, …),
 * worked out once at start by answering one request with and one without @fastify/helmet. The plugin itself builds
 * helmet's middleware anew from the options on every request (and an async hook per request to decorate the reply):
 * about 5% of the gateway's CPU per no-op request (bench/gateway-overhead.mjs --cpu-prof gateway). These headers
 * depend on the options only, so they are the same on every answer.
 */
export async function helmetHeaders(): Promise<Record<string, string>> {
  const [plain, withHelmet] = await Promise.all([answerHeaders(false), answerHeaders(true)]);
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(withHelmet)) if (plain[name] === undefined) added[name] = value;
  return added;
}

/** One real answer's headers (on loopback: Fastify's inject loads modules that jest's ESM mode cannot). */
async function answerHeaders(withHelmet: boolean): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    if (withHelmet) await probe.register(helmet, { ...HELMET_OPTIONS, global: true });
    probe.get('/', (_req, reply) => reply.send('ok'));
    const res = await fetch(await probe.listen({ port: 0, host: '127.0.0.1' }));
    await res.text();
    return Object.fromEntries(res.headers);
  } finally {
    await probe.close();
  }
}
