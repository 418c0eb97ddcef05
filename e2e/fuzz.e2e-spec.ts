import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { bearer, tokenFor } from './auth.js';
import { type Stack, startStack } from './stack.js';

// 10,000 random and malformed requests against every route: the gateway must never answer 5xx,
// never crash, and keep its memory flat. Rate limits are lifted so every request reaches routing.
const TOTAL = 10_000;
const CONCURRENCY = 16;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000' } });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const nasty = fc.oneof(
  fc.constantFrom('../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%00', '%C0%AF', '%FF%FE', '%E4%B8', 'null', '-1', '1e309', "' OR 1=1 --", '<script>'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.uuid(),
  fc.constant('a'.repeat(5000)),
);

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), body: fc.oneof(fc.string(), fc.array(fc.string())) }),
  fc.record({ applicantName: fc.string(), contact: fc.string(), description: fc.string(), channel: fc.string() }),
);

const body = fc.oneof(
  jsonValue.map((v) => Buffer.from(JSON.stringify(v))),
  fc.constant(Buffer.from('{"title": "unterminated')),
  fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), // invalid UTF-8 inside JSON
  fc.integer({ min: 1, max: 3000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))), // deep nesting
  fc.constant(Buffer.from(JSON.stringify({ title: '很'.repeat(300_000) }))), // > body limit
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
);

function fuzzRequests(templates: string[], token: string): FuzzRequest[] {
  const arb = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    template: fc.constantFrom(...templates, '/api/v1/../../etc/passwd', '/api/v1/%2e%2e/%2e%2e', '/api/v1/policies/%00', '/nope'),
    param: nasty,
    query: fc.oneof(fc.constant(''), fc.dictionary(fc.constantFrom('page', 'pageSize', 'status', 'from', 'days', 'x'), nasty).map((q) => '?' + Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&'))),
    auth: fc.oneof(fc.constant(undefined), fc.constant(`Bearer ${token}`), fc.constant('Bearer abc.def.ghi'), fc.string({ maxLength: 50 }).map((s) => `Bearer ${encodeURIComponent(s)}`)),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=gbk'),
    body: fc.option(body, { nil: undefined }),
  });
  return fc.sample(arb, { numRuns: TOTAL, seed: 20261127 }).map((r) => ({
    method: r.method,
    // Raw bytes a client could not put on the wire are percent-encoded; everything else stays hostile.
    path: (r.template.replace(/\{[^}]+\}/g, r.param) + r.query).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)),
    headers: { 'content-type': r.contentType, ...(r.auth ? { authorization: r.auth } : {}) },
    body: r.method === 'GET' ? undefined : r.body,
  }));
}

const clientErrors = new Map<string, number>();

function send(base: URL, agent: Agent, req: FuzzRequest): Promise<number> {
  return new Promise((resolve) => {
    const r = request(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    // The connection failed before an answer (the server may close a socket after rejecting a request).
    r.on('error', (error: NodeJS.ErrnoException) => {
      clientErrors.set(error.code ?? error.message, (clientErrors.get(error.code ?? error.message) ?? 0) + 1);
      resolve(-1);
    });
    r.setTimeout(10_000, () => r.destroy());
    r.end(req.body);
  });
}

test(`${TOTAL} random and malformed requests: no 5xx, no crash, flat memory`, async () => {
  const spec = (await (await fetch(`${stack.gatewayUrl}/docs/openapi.json`)).json()) as any;
  const templates = Object.keys(spec.paths);
  const token = await tokenFor(stack.issuerUrl, 'admin1');
  expect(bearer(token).authorization).toMatch(/^Bearer /);
  const requests = fuzzRequests(templates, token);
  const base = new URL(stack.gatewayUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const freshAgent = new Agent({ keepAlive: false });
  const histogram = new Map<number, number>();
  const serverErrors: string[] = [];
  let next = 0;
  const rss = new Map<number, number>();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const i = next++;
        // A reset keep-alive socket (the server closes one after refusing a body) says nothing about
        // this request: resend it once on its own connection to get the server's real answer.
        let status = await send(base, agent, requests[i]);
        if (status === -1) status = await send(base, freshAgent, requests[i]);
        histogram.set(status, (histogram.get(status) ?? 0) + 1);
        if (status >= 500) serverErrors.push(`${status} ${requests[i].method} ${requests[i].path.slice(0, 120)}`);
        if (i === 2_000 || i === 6_000) rss.set(i, stack.apps.gateway.rssMb());
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  freshAgent.destroy();
  rss.set(TOTAL, stack.apps.gateway.rssMb());
  const [at2k, at6k, atEnd] = [rss.get(2_000)!, rss.get(6_000)!, rss.get(TOTAL)!];
  const sorted = [...histogram].sort(([a], [b]) => a - b);
  console.log(
    `fuzz: ${TOTAL} requests in ${seconds.toFixed(1)} s = ${(TOTAL / seconds).toFixed(0)} req/s; ` +
      `status histogram ${sorted.map(([s, n]) => `${s}:${n}`).join(' ')}; gateway RSS ${at2k.toFixed(0)} → ${at6k.toFixed(0)} → ${atEnd.toFixed(0)} MB at 2k/6k/10k requests; ` +
      `connection errors ${JSON.stringify(Object.fromEntries(clientErrors))}`,
  );
  expect(serverErrors.slice(0, 20)).toEqual([]);
  expect(histogram.get(-1) ?? 0).toBeLessThan(TOTAL * 0.01);
  expect(stack.apps.gateway.running).toBe(true);
  expect((await fetch(`${stack.gatewayUrl}/api/v1/health`)).status).toBe(200);
  // Flat memory: V8 grows its heap for a while, then plateaus; a leak keeps growing with every request.
  expect(atEnd - at6k).toBeLessThan(80);
  expect(atEnd).toBeLessThan(600);
  expect([...histogram.keys()].filter((s) => s >= 200 && s < 500).length).toBeGreaterThan(3);
}, 300_000);
