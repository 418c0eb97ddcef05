import { PUBLIC, submitDisclosureRequest } from '@govdisc/contracts';
import type { AuditLog } from '../audit/audit-log.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import type { Idempotency } from '../idempotency/idempotency.js';
import type { TaggedRoute } from '../routes/route-table.js';
import { canonicalSpelling, routeHandler } from './route-pipeline.js';

test('a route answers only to its one spelling; encoded path parameters are the same resource', () => {
  const matches = canonicalSpelling('/api/v1/disclosure-requests/track/:trackingCode');
  expect(matches('/api/v1/disclosure-requests/track/ABC?x=1')).toBe(true);
  expect(matches('/api/v1/disclosure-requests/track/A%42C')).toBe(true);
  for (const variant of [
    '/api/v1/disclosure%2Drequests/track/ABC',
    '/%61pi/v1/disclosure-requests/track/ABC',
    '/api/v1/./disclosure-requests/track/ABC',
    '/api/v1/disclosure-requests/track/./ABC',
    '//api/v1/disclosure-requests/track/ABC',
    '/api/v1/disclosure-requests/track/..',
  ]) {
    expect({ variant, matches: matches(variant) }).toEqual({ variant, matches: false });
  }
});

describe("the service gets the caller's Idempotency-Key, scoped: a retry after a 504 is answered with what it stored", () => {
  const row: TaggedRoute = {
    key: 'disclosure.submit',
    method: 'POST',
    path: '/disclosure-requests',
    access: PUBLIC,
    rpc: submitDisclosureRequest,
    input: 'body',
    summary: 'Submit a disclosure request',
    tag: 't',
  };
  const sent: Array<string | undefined> = [];
  const handler = routeHandler(row, {
    tokens: { verify: () => Promise.reject(new Error('no tokens here')) },
    limiter: { take: () => undefined } as unknown as RateLimiter,
    // Runs the work every time, as the gateway does once it released a key after a timeout.
    idempotency: {
      run: async (o: { work: () => Promise<unknown> }) => ({ replayed: false, body: await o.work() }),
    } as unknown as Idempotency,
    auditLog: {} as AuditLog,
    routeDeps: {
      rpc: {
        call: async (_c: unknown, _p: unknown, opts?: { idempotencyKey?: string }) => (sent.push(opts?.idempotencyKey), { ok: true }),
      } as never,
      auditLog: { list: () => Promise.resolve([]) },
      userDirectory: { list: () => Promise.resolve([]) },
      healthTimeoutMs: 1000,
    },
  });
  const post = (ip: string, key?: string) => {
    const reply = { header: () => reply, code: () => reply, type: () => reply, send: () => reply, statusCode: 201 };
    const headers = key ? { 'idempotency-key': key } : {};
    return handler(
      { url: '/api/v1/disclosure-requests', method: 'POST', headers, params: {}, query: {}, body: {}, id: 'r', ip } as never,
      reply as never,
    );
  };

  test('the same caller and key give the same scoped key; another caller or key another one; no key, none', async () => {
    sent.length = 0;
    await post('10.0.0.1', 'key-00000001');
    await post('10.0.0.1', 'key-00000001');
    await post('10.0.0.2', 'key-00000001');
    await post('10.0.0.1', 'key-00000002');
    await post('10.0.0.1');
    const [a, again, otherCaller, otherKey, none] = sent;
    expect(a).toMatch(/^gw1:[0-9a-f]{64}$/);
    expect(again).toBe(a);
    expect(new Set([a, otherCaller, otherKey]).size).toBe(3);
    expect(none).toBeUndefined();
    expect(a).not.toContain('key-00000001'); // neither the key nor the address is stored as sent
  });
});
