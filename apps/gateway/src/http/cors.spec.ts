import { FastifyAdapter } from '@nestjs/platform-fastify';
import { corsOptions } from './cors.js';

/** The answer to GET /x from `origin` with CORS enabled as the gateway does (Nest's enableCors), or not at all. */
async function answerFrom(origins: string[], origin: string) {
  const adapter = new FastifyAdapter({ logger: false });
  const options = corsOptions(origins);
  if (options) adapter.enableCors(options);
  const app = adapter.getInstance();
  app.get('/x', (_req, reply) => reply.send({ ok: true }));
  const res = await fetch(`${await app.listen({ port: 0, host: '127.0.0.1' })}/x`, { headers: { origin } });
  await res.text();
  await app.close();
  return Object.fromEntries(res.headers) as Record<string, string | undefined>;
}

describe('CORS', () => {
  it('is left out when no origin is allowed: nothing granted, no hook per request', async () => {
    expect(corsOptions([])).toBeNull();
    const headers = await answerFrom([], 'https://evil.example');
    expect(headers['access-control-allow-origin']).toBeUndefined();
    expect(headers.vary).toBeUndefined();
  });

  it('grants exactly the configured origins', async () => {
    const origins = ['https://portal.example'];
    expect((await answerFrom(origins, 'https://portal.example'))['access-control-allow-origin']).toBe('https://portal.example');
    expect((await answerFrom(origins, 'https://evil.example'))['access-control-allow-origin']).toBeUndefined();
  });
});
