import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { HELMET_OPTIONS, helmetHeaders } from './security-headers.js';

describe('helmet headers worked out once', () => {
  it('are the hardening headers helmet sets (CSP is the gateway own)', async () => {
    const headers = helmetHeaders();
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(Object.keys(headers)).not.toContain('content-security-policy');
    expect(Object.keys(headers)).not.toContain('content-type');
  });

  it('give an answer the same headers as the plugin on every request', async () => {
    const hardening = helmetHeaders();
    const answer = async (withPlugin: boolean) => {
      const app = Fastify({ logger: false });
      if (withPlugin) await app.register(helmet, { ...HELMET_OPTIONS, global: true });
      else app.addHook('onRequest', (_req, reply, done) => (reply.headers(hardening), done()));
      app.get('/x', (_req, reply) => reply.code(404).send({ a: 1 }));
      const res = await fetch(`${await app.listen({ port: 0, host: '127.0.0.1' })}/x`);
      await res.text();
      await app.close();
      const { date: _date, ...rest } = Object.fromEntries(res.headers);
      return rest;
    };
    expect(await answer(false)).toEqual(await answer(true));
  });
});
