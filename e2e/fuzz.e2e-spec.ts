import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { DEMO_USERS, tokenFor } from './auth.js';
import { type BaseRequest, type Category, type FuzzRequest, mutations } from './fuzz-mutations.js';
import { type Fixtures, SEEDS, createFixtures, pathParam, userFor } from './fuzz-seeds.js';
import { type Stack, api, serviceApps, startStack } from './stack.js';

// Every route of the OpenAPI document, fuzzed from a valid request: a seed body/query from
// e2e/fuzz-seeds.ts, real ids of fixtures created first, a token of a role the route's x-access row
// allows; fast-check mutates it (ill-formed Unicode in values and keys, boundary numbers, extra and
// missing keys, wrong types, huge and nested values, raw bytes, path case/encoding, duplicate query
// keys, auth probes). Targets: ≥ 20,000 requests, ≥ 80 % of handler requests past routing and
// authentication (not 401/404), no 5xx, every background queue drained, health 200, flat memory.
// Rate limits are lifted so every request reaches routing.
const LANES = 12;
// FUZZ_RUNS_PER_LANE shortens a local run while debugging; the targets below then fail on the count.
const PER_LANE = Number(process.env.FUZZ_RUNS_PER_LANE ?? 1_750);
const TOTAL = LANES * PER_LANE;
const SEED = 20261205;
let stack: Stack;
let spec: any;
let fixtures: Fixtures;

beforeAll(async () => {
  stack = await startStack({ gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000' } });
  spec = await (await fetch(`${stack.gatewayUrl}/docs/openapi.json`)).json();
  fixtures = await createFixtures(stack);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

interface Operation {
  route: string;
  method: string;
  template: string;
  allowed: unknown;
  pathParams: string[];
  hasBody: boolean;
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries<Record<string, any>>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      ops.push({
        route: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        allowed: op['x-access']?.allowed,
        pathParams: (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name),
        hasBody: Boolean(op.requestBody),
      });
    }
  }
  return ops;
}

const ROLE_OF_USER = Object.fromEntries(Object.entries(DEMO_USERS).map(([role, user]) => [user, role]));

async function baseRequests(): Promise<BaseRequest[]> {
  const bases: BaseRequest[] = [];
  for (const op of operations()) {
    const seed = SEEDS[op.route];
    if (!seed) continue; // reported by the coverage test
    const user = userFor(op.allowed);
    const allowedRoles = Array.isArray(op.allowed) ? (op.allowed as string[]) : [];
    const outsider = Object.values(DEMO_USERS).find((u) => allowedRoles.length > 0 && !allowedRoles.includes(ROLE_OF_USER[u]!));
    bases.push({
      route: op.route,
      method: op.method,
      template: op.template,
      params: Object.fromEntries(op.pathParams.map((name) => [name, pathParam(name, op.route, fixtures)])),
      query: seed.query?.(fixtures) ?? {},
      body: seed.body?.(fixtures) ?? (op.hasBody ? {} : undefined),
      token: await tokenFor(stack.issuerUrl, user ?? DEMO_USERS.citizen),
      isPublic: user === null,
      wrongRoleToken: outsider ? await tokenFor(stack.issuerUrl, outsider) : undefined,
      weight: seed.weight ?? 1,
    });
  }
  return bases;
}

const clientErrors = new Map<string, number>();

function sendOnce(agent: Agent, req: FuzzRequest): Promise<{ status: number; body: string }> {
  const base = new URL(stack.gatewayUrl);
  return new Promise((resolve) => {
    const r = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.length < 4 && chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 2_000) }));
    });
    // The connection failed before an answer (the server may close a socket after refusing a body).
    r.on('error', (error: NodeJS.ErrnoException) => {
      clientErrors.set(error.code ?? error.message, (clientErrors.get(error.code ?? error.message) ?? 0) + 1);
      resolve({ status: -1, body: '' });
    });
    r.setTimeout(30_000, () => r.destroy());
    r.end(req.body);
  });
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: LANES });
const fresh = new Agent({ keepAlive: false });

/** A reset keep-alive socket says nothing about this request: resend it once on its own connection. */
async function send(req: FuzzRequest): Promise<{ status: number; body: string }> {
  const first = await sendOnce(keepAlive, req);
  return first.status === -1 ? sendOnce(fresh, req) : first;
}

function printable(req: FuzzRequest): string {
  const { authorization, ...headers } = req.headers;
  const body = req.body ? JSON.stringify(req.body.toString('utf8').slice(0, 600)) : '(none)';
  return `${req.method} ${req.path.slice(0, 300)}\n  headers ${JSON.stringify({ ...headers, ...(authorization ? { authorization: 'Bearer <token of the seed role>' } : {}) })}\n  body ${body}`;
}

/** Every background queue of every service, read from its own /metrics on its internal port. */
async function queueGauges(): Promise<Array<{ app: string; metric: string; labels: string; value: number }>> {
  const out = [];
  for (const app of serviceApps) {
    const text = await (await fetch(stack.apps[app].readyUrl.replace('/ready', '/metrics'))).text();
    for (const m of text.matchAll(/^(govdisc_background_queue_(?:pending|parked))\{([^}]*)\} (\S+)$/gm))
      out.push({ app, metric: m[1]!, labels: m[2]!, value: Number(m[3]) });
  }
  return out;
}

async function expectQueuesDrained(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let gauges = await queueGauges();
  while (gauges.some((g) => g.metric.endsWith('pending') && g.value > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    gauges = await queueGauges();
  }
  const notDrained = gauges.filter((g) => g.value > 0).map((g) => `${g.app} ${g.metric}{${g.labels}} ${g.value}`);
  if (notDrained.length) {
    for (const app of serviceApps)
      console.log(`${app} /metrics/queues: ${await (await fetch(stack.apps[app].readyUrl.replace('/ready', '/metrics/queues'))).text()}`);
  }
  expect(notDrained).toEqual([]);
  // Every queue kind reported, so "drained" is not vacuous.
  expect(new Set(gauges.map((g) => /kind="([^"]+)"/.exec(g.labels)?.[1]))).toEqual(new Set(['write-behind', 'outbox', 'consumer']));
}

test('every route in the OpenAPI document has a fuzz seed (a new route must get one)', () => {
  const missing = operations()
    .map((op) => op.route)
    .filter((route) => !SEEDS[route]);
  expect(missing).toEqual([]);
});

test('a lone surrogate in any value or key of a write route is a 400 with ILL_FORMED_UNICODE; background queues keep flowing', async () => {
  const bases = (await baseRequests()).filter((b) => b.body !== undefined && b.method !== 'GET');
  expect(bases.length).toBeGreaterThanOrEqual(15);
  const failures: string[] = [];
  for (const b of bases) {
    const path = b.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(b.params[name]!)).replace('/api/v1', '');
    const bodyWithValue = replaceFirstString(b.body, 'a\ud800') ?? { ...(b.body as object), note: 'a\ud800' };
    for (const [what, body] of [
      ['value', bodyWithValue],
      ['key', { ...(b.body as object), ['k\udc00']: 'x' }],
    ] as const) {
      const res = await api(stack, b.method, path, JSON.stringify(body), { authorization: `Bearer ${b.token}` });
      const issue = res.json?.details?.issues?.[0];
      if (res.status !== 400 || issue?.code !== 'ILL_FORMED_UNICODE')
        failures.push(`${b.route} (${what}): ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
  }
  expect(failures).toEqual([]);

  // The two routes that fed write-behind buffers still record what is asked and clicked.
  const question = `江东市月球基地落户补贴怎么申请${Date.now()}`;
  expect((await api(stack, 'POST', '/qa/ask', { question })).status).toBe(200);
  expect((await api(stack, 'POST', '/policies/search/clicks', { query: '公积金', documentId: fixtures.policyId })).status).toBeLessThan(
    300,
  );
  await expectQueuesDrained(20_000);
  const editor = { authorization: `Bearer ${await tokenFor(stack.issuerUrl, DEMO_USERS.editor)}` };
  const unanswered = await api(stack, 'GET', '/qa/unanswered?page=1&pageSize=100', undefined, editor);
  expect(JSON.stringify(unanswered.json)).toContain(question.slice(0, 10));
}, 120_000);

// Minimal reproductions of 5xx the fuzz test found, kept as plain regressions.
test.each([
  [
    "import line beyond the job's integer column",
    'POST',
    '/policies/import/batches',
    {
      items: [
        { line: 9007199254740991, record: { id: 'jd-fuzz-import', title: '江东市就业补贴办法', body: '第一条 为稳定就业，制定本办法。' } },
      ],
    },
  ],
])('fuzz finding: %s → 400, not 500', async (_name, method, path, body) => {
  const editor = { authorization: `Bearer ${await tokenFor(stack.issuerUrl, DEMO_USERS.editor)}` };
  const res = await api(stack, method, path, body, editor);
  expect([res.status, res.json.code]).toEqual([400, 'VALIDATION_FAILED']);
});

function replaceFirstString(value: unknown, next: string): unknown {
  if (typeof value === 'string') return next;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = replaceFirstString(value[i], next);
      if (r !== undefined) return value.map((v, j) => (j === i ? r : v));
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const r = replaceFirstString(v, next);
      if (r !== undefined) return { ...value, [k]: r };
    }
  }
  return undefined;
}

interface Outcome {
  req: FuzzRequest;
  status: number;
  lane: number;
  run: number;
}

test(`${TOTAL} mutated requests from valid seeds on every route: handler reach ≥ 80 %, no 5xx, queues drained, flat memory`, async () => {
  const bases = await baseRequests();
  const requestArb = fc.oneof(...bases.map((b) => ({ arbitrary: mutations(b), weight: Math.max(1, Math.round(b.weight * 20)) })));
  const histogram = new Map<Category, Map<number, number>>();
  const perRoute = new Map<string, { n: number; reached: number }>();
  const serverErrors: Outcome[] = [];
  const serverErrorKinds = new Map<string, number>();
  let serverErrorCount = 0;
  const runnerHeap: number[] = [];
  const rss: number[] = [];
  let done = 0;
  // Another spelling of a route (case, an encoded letter, // or /./) must never be served: it would
  // route past the limits and guards keyed on the canonical path (issue 11, finding 1). A trailing
  // slash and encoded path parameters name the same resource and may succeed; ops paths (/health,
  // /ready) have no /api/v1/ for the variants to change.
  const SPELLING_VARIANT = /^path (upper|upper-segment|encoded-letter|double-slash|dot-segment)$/;
  const spellingBypasses = new Set<string>();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      let run = 0;
      const details = await fc.check(
        fc.asyncProperty(requestArb, async (req) => {
          const { status } = await send(req);
          const byStatus = histogram.get(req.category) ?? new Map<number, number>();
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          histogram.set(req.category, byStatus);
          if (
            req.category === 'path-variant' &&
            status >= 200 &&
            status < 300 &&
            SPELLING_VARIANT.test(req.mutation) &&
            req.path.toLowerCase().includes('/api/')
          ) {
            spellingBypasses.add(`${status} ${req.method} ${req.path.slice(0, 120)} (${req.mutation})`);
          }
          if (req.category === 'handler') {
            const r = perRoute.get(req.route) ?? { n: 0, reached: 0 };
            r.n++;
            if (status !== 401 && status !== 404) r.reached++;
            perRoute.set(req.route, r);
          }
          if (status >= 500) {
            serverErrorCount++;
            const key = `${status} ${req.route} (${req.mutation})`;
            serverErrorKinds.set(key, (serverErrorKinds.get(key) ?? 0) + 1);
            // Requests may hold megabytes: keep the first few to replay, count the rest.
            if (serverErrors.length < 20) serverErrors.push({ req, status, lane, run });
          }
          run++;
          if (++done % Math.floor(TOTAL / 5) === 0) {
            rss.push(stack.apps.gateway.rssMb());
            runnerHeap.push(process.memoryUsage().heapUsed / 2 ** 20);
          }
          return true;
        }),
        { seed: SEED + lane, numRuns: PER_LANE },
      );
      expect(details.failed).toBe(false);
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  rss.push(stack.apps.gateway.rssMb());

  const count = (category: Category, pred: (s: number) => boolean = () => true) =>
    [...(histogram.get(category) ?? new Map<number, number>())].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
  const handlerTotal = count('handler');
  const reached = count('handler', (s) => s !== 401 && s !== 404);
  const fmt = (category: Category) =>
    [...(histogram.get(category) ?? new Map())]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
  const weakRoutes = [...perRoute].filter(([, r]) => r.reached / r.n < 0.5).map(([route, r]) => `${route} ${r.reached}/${r.n}`);
  console.log(
    [
      `fuzz: ${done} requests over ${bases.length} routes in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(0)} req/s`,
      `handler requests: ${handlerTotal}, past routing and authentication (not 401/404): ${reached} = ${((100 * reached) / handlerTotal).toFixed(1)} %; status ${fmt('handler')}`,
      `path variants (case, encoding, ids naming nothing; 4xx expected): ${count('path-variant')}; status ${fmt('path-variant')}`,
      `auth probes (no/garbage/wrong-role token; 401/403 expected): ${count('auth')}; status ${fmt('auth')}`,
      `routes mostly refused before their handler: ${weakRoutes.join(', ') || 'none'}`,
      `gateway RSS at each fifth: ${rss.map((m) => m.toFixed(0)).join(' → ')} MB (test runner heap ${runnerHeap.map((m) => m.toFixed(0)).join(' → ')} MB); connection errors ${JSON.stringify(Object.fromEntries(clientErrors))}`,
    ].join('\n'),
  );

  // A 5xx: replay it through fast-check (same lane seed, its run as the path) to shrink it to a minimal reproduction.
  const seen = new Set<string>();
  for (const failure of serverErrors) {
    if (seen.has(failure.req.route) || seen.size >= 3) continue;
    seen.add(failure.req.route);
    const replay = await fc.check(
      fc.asyncProperty(requestArb, async (req) => (await send(req)).status < 500),
      { seed: SEED + failure.lane, path: String(failure.run), numRuns: 1 },
    );
    const minimal = replay.counterexample?.[0] ?? failure.req;
    const answer = await send(minimal);
    console.log(
      `5xx on ${failure.req.route} (${failure.req.mutation}): minimal reproduction after ${replay.numShrinks} shrinks, answered ${answer.status} ${answer.body.slice(0, 300)}\n  ${printable(minimal)}`,
    );
  }

  expect(done).toBeGreaterThanOrEqual(20_000);
  expect([...serverErrorKinds].slice(0, 30).map(([k, n]) => `${n} × ${k}`)).toEqual([]);
  expect(serverErrorCount).toBe(0);
  expect(reached / handlerTotal).toBeGreaterThanOrEqual(0.8);
  expect(count('handler', (s) => s === -1) + count('path-variant', (s) => s === -1) + count('auth', (s) => s === -1)).toBeLessThan(
    done * 0.01,
  );
  // Probes are refused, never served: a path variant or a probe that got 2xx would bypass routing or the guard.
  expect(count('auth', (s) => s >= 200 && s < 300)).toBe(0);
  expect([...spellingBypasses].slice(0, 10)).toEqual([]);
  await expectQueuesDrained();
  expect(stack.apps.gateway.running).toBe(true);
  expect((await fetch(`${stack.gatewayUrl}/api/v1/health`)).status).toBe(200);
  // Flat memory: V8 grows its heap for a while, then plateaus; a leak keeps growing with every request.
  expect(rss[rss.length - 1]! - rss[2]!).toBeLessThan(80);
  expect(rss[rss.length - 1]!).toBeLessThan(600);
  keepAlive.destroy();
  fresh.destroy();
}, 600_000);
