import { AppProcess, eventually, freePort, queryRows } from '@govdisc/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { bearer, tokenFor } from './auth.js';
import { type CollectedSpan, startOtlpCollector } from './otlp-collector.js';
import { publishedPair, publishedPolicy } from './publishing.js';
import { type Stack, api, entryOf, repoRoot, serviceApps, startStack } from './stack.js';

let stack: Stack;
let staff: Record<string, string>;
let editor: Record<string, string>;
let reviewer: Record<string, string>;
let collector: Awaited<ReturnType<typeof startOtlpCollector>>;

beforeAll(async () => {
  // Every app exports its traces to a collector of this test (OTLP/HTTP JSON), in batches every 100 ms.
  collector = await startOtlpCollector();
  const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
  stack = await startStack({
    appEnv: () => Object.fromEntries([...serviceApps, 'gateway'].map((app) => [app, tracing])),
  });
  console.log(`e2e stack (6 apps, private NATS, fresh database) ready in ${(stack.startupMs / 1000).toFixed(1)} s`);
  staff = bearer(await tokenFor(stack.issuerUrl, 'admin1'));
  editor = bearer(await tokenFor(stack.issuerUrl, 'editor1'));
  reviewer = bearer(await tokenFor(stack.issuerUrl, 'reviewer1'));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await collector?.stop();
});

const countDocuments = async () =>
  Number((await queryRows<{ n: string }>(stack.databaseUrl, 'SELECT count(*) AS n FROM policy.policy_document'))[0]!.n);

async function createAndPublish(title: string) {
  return publishedPolicy(stack, { editor, reviewer }, { title, body: `第一条 ${title}的内容。`, agency: '江东市人民政府' });
}

async function notificationsTitled(title: string) {
  const res = await api(stack, 'GET', '/notifications?pageSize=100', undefined, staff);
  expect(res.status).toBe(200);
  return (res.json.items as Array<{ title: string }>).filter((n) => n.title.includes(title));
}

test('the gateway reports every service up, serves the OpenAPI UI, and every app exposes metrics', async () => {
  const health = await api(stack, 'GET', '/health');
  expect(health.status).toBe(200);
  expect(Object.keys(health.json.services).sort()).toEqual([...serviceApps].sort());
  for (const s of Object.values<{ status: string }>(health.json.services)) expect(s.status).toBe('up');
  for (const app of serviceApps) {
    const pong = await api(stack, 'GET', `/health/${app}/ping`);
    expect(pong.status).toBe(200);
    expect(pong.json.service).toBe(app);
  }
  const unknown = await api(stack, 'GET', '/health/no-such-svc/ping');
  expect(unknown.status).toBe(404);
  expect(unknown.json.code).toBe('NOT_FOUND');

  const docs = await fetch(`${stack.gatewayUrl}/docs`);
  expect(docs.status).toBe(200);
  expect(await docs.text()).toContain('swagger');
  const spec = (await (await fetch(`${stack.gatewayUrl}/docs/openapi.json`)).json()) as any;
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/policies', '/api/v1/health']));

  // The services' ports are internal; the gateway's is public, so its metrics live on METRICS_PORT.
  const metricsUrls = [...serviceApps.map((a) => stack.apps[a].readyUrl.replace('/ready', '/metrics')), stack.gatewayMetricsUrl];
  const exported = new Set<string>();
  for (const url of metricsUrls) {
    const metrics = await fetch(url);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exported.add(name!);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${name}${suffix}`);
    }
  }
  expect((await fetch(`${stack.gatewayUrl}/metrics`)).status).toBe(404);
  // Every metric the alert rules and the dashboards use is exported by some app (a renamed metric breaks no alert silently).
  const used = metricNamesUsedByAlertsAndDashboards();
  expect(used.length).toBeGreaterThan(10);
  expect(used.filter((name) => !exported.has(name))).toEqual([]);
});

function metricNamesUsedByAlertsAndDashboards(): string[] {
  const dir = `${repoRoot}infra/observability`;
  const alerts = parseYaml(readFileSync(`${dir}/alerts.yaml`, 'utf8')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
  };
  const exprs = alerts.groups.flatMap((g) => g.rules.map((r) => r.expr));
  for (const file of readdirSync(`${dir}/dashboards`)) {
    const dashboard = JSON.parse(readFileSync(`${dir}/dashboards/${file}`, 'utf8')) as {
      panels: Array<{ targets?: Array<{ expr: string }> }>;
    };
    exprs.push(...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
  }
  const names = exprs.flatMap((e) => [...e.matchAll(/\b((?:govdisc|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!));
  return [...new Set(names)].sort();
}

test('a request crosses gateway → NATS → service → PostgreSQL, carrying its request id', async () => {
  const res = await api(
    stack,
    'POST',
    '/policies',
    { title: '江东市中小微企业房租减免办法', body: '第一条 减免房租。' },
    {
      'x-request-id': 'e2e-trace-0001',
      ...staff,
    },
  );
  expect(res.status).toBe(201);
  expect(res.headers.get('x-request-id')).toBe('e2e-trace-0001');
  const rows = await queryRows<{ title: string }>(stack.databaseUrl, 'SELECT title FROM policy.policy_document WHERE id = $1', [
    res.json.id,
  ]);
  expect(rows).toEqual([{ title: '江东市中小微企业房租减免办法' }]);
  await eventually(() => expect(stack.apps['policy-svc'].tail(200)).toContain('"correlationId":"e2e-trace-0001"'));
  // A draft: staff read it; the public gets not-found (issue 11.5).
  const fetched = await api(stack, 'GET', `/policies/${res.json.id}`, undefined, staff);
  expect(fetched.json.title).toBe('江东市中小微企业房租减免办法');
  expect((await api(stack, 'GET', `/policies/${res.json.id}`)).status).toBe(404);
});

test('every service answers a route through the gateway', async () => {
  const qaId = await publishedPair(
    stack,
    { editor, reviewer },
    { question: '租房可以提取公积金吗？', answer: '可以，每月最多提取1500元。' },
  );
  expect((await api(stack, 'GET', `/qa/pairs/${qaId}`)).json.status).toBe('PUBLISHED');
  const guide = await api(
    stack,
    'POST',
    '/guides',
    { code: 'E2E-001', name: '住房公积金租房提取', department: '江东市住房公积金管理中心' },
    editor,
  );
  expect(guide.status).toBe(201);
  expect((await api(stack, 'POST', '/guides/E2E-001/publish', undefined, reviewer)).status).toBe(200);
  expect((await api(stack, 'GET', '/guides/E2E-001')).json.name).toBe('住房公积金租房提取');
  const request = await api(stack, 'POST', '/disclosure-requests', {
    applicant: { type: 'NATURAL_PERSON', name: '张三', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800000000' },
    description: '江政发〔2024〕3号文件的实施细则',
    deliveryForm: 'EMAIL',
  });
  expect(request.status).toBe(201);
  const tracked = await api(stack, 'GET', `/disclosure-requests/track/${request.json.trackingCode}`);
  expect(tracked.json.requestNumber).toBe(request.json.requestNumber);
  const due = await api(stack, 'GET', '/calendar/working-days/add?from=2026-02-10&days=20');
  expect(due.json).toEqual({ date: '2026-03-16', provisional: false });
  expect((await api(stack, 'GET', '/notifications', undefined, staff)).status).toBe(200);
});

test('an event crosses policy-svc → JetStream → notify-svc exactly once, across a consumer restart', async () => {
  await createAndPublish('江东市稳岗返还实施办法');
  await eventually(async () => expect(await notificationsTitled('江东市稳岗返还实施办法')).toHaveLength(1));

  const notify = stack.apps['notify-svc'];
  expect(await notify.stop()).toBe(0);
  expect(notify.tail()).toContain('stopped cleanly');

  const started = Date.now();
  const down = await api(stack, 'GET', '/notifications', undefined, staff);
  expect(down.status).toBe(503);
  expect(down.json.code).toBe('SERVICE_UNAVAILABLE');
  expect(Date.now() - started).toBeLessThan(2_000);

  await createAndPublish('江东市婴幼儿托育补贴办法');
  await notify.start(60_000);
  await eventually(async () => expect(await notificationsTitled('江东市婴幼儿托育补贴办法')).toHaveLength(1));
  expect(await notificationsTitled('江东市稳岗返还实施办法')).toHaveLength(1);
  const dupes = await queryRows(stack.databaseUrl, 'SELECT event_id FROM notify.notification GROUP BY event_id HAVING count(*) > 1');
  expect(dupes).toEqual([]);
});

test('malformed HTTP bodies get a clear 4xx with a code and change nothing', async () => {
  const before = await countDocuments();
  const badJson = await api(stack, 'POST', '/policies', '{"title": "unterminated', staff);
  expect(badJson.status).toBe(400);
  expect(badJson.json).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });

  const wrongTypes = await api(stack, 'POST', '/policies', { title: 42, body: ['x'], unexpected: true }, staff);
  expect(wrongTypes.status).toBe(400);
  const paths = (wrongTypes.json.details.issues as Array<{ path: string }>).map((i) => i.path);
  expect(paths).toEqual(expect.arrayContaining(['title', 'body']));

  const huge = await api(stack, 'POST', '/policies', { title: 'x', body: '很'.repeat(2_000_000) }, staff);
  expect(huge.status).toBe(413);
  expect(huge.json.code).toBe('PAYLOAD_TOO_LARGE');

  const notFound = await api(stack, 'GET', '/policies/../../etc/passwd');
  expect([400, 404]).toContain(notFound.status);
  expect((await api(stack, 'GET', '/policies/00000000-0000-4000-8000-000000000000')).json.code).toBe('POLICY_DOCUMENT_NOT_FOUND');
  expect(await countDocuments()).toBe(before);
});

test('a malformed NATS message gets a MALFORMED_MESSAGE reply and changes nothing', async () => {
  const before = await countDocuments();
  for (const body of ['not json at all', JSON.stringify({ actor: null, payload: { title: '' } }), JSON.stringify([1, 2])]) {
    const reply = await stack.nc.request('rpc.policy.document.create', body, { timeout: 3_000 });
    expect(reply.json<{ err: { code: string } }>().err.code).toBe('MALFORMED_MESSAGE');
  }
  expect(await countDocuments()).toBe(before);
});

test('a wrong configuration variable stops a service at start with a message naming it', () => {
  const run = spawnSync(process.execPath, [entryOf('policy-svc')], {
    env: { ...process.env, DATABASE_URL: 'mysql://nope', NATS_URL: 'http://not-nats', HTTP_PORT: '0' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('DATABASE_URL');
  expect(run.stderr).toContain('NATS_URL');
});

test('a second replica shares the requests of its queue group', async () => {
  const port = await freePort();
  const extra = new AppProcess(
    'qa-svc#2',
    entryOf('qa-svc'),
    { DATABASE_URL: stack.databaseUrl, NATS_URL: stack.nats.url, HTTP_PORT: String(port) },
    `http://127.0.0.1:${port}/ready`,
  );
  await extra.start(60_000);
  try {
    for (let i = 0; i < 40; i++) expect((await api(stack, 'GET', '/qa/pairs')).status).toBe(200);
    const handled = async (app: AppProcess) => {
      const metrics = await (await fetch(app.readyUrl.replace('/ready', '/metrics'))).text();
      // every sample names its app (`service`, service-kit's default label)
      const line = metrics
        .split('\n')
        .find((l) => l.startsWith('govdisc_rpc_handled_total{subject="rpc.qa.pair.list",outcome="ok",service="qa-svc"}'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const [a, b] = [await handled(stack.apps['qa-svc']), await handled(extra)];
    expect(a + b).toBeGreaterThanOrEqual(40);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
  } finally {
    expect(await extra.stop()).toBe(0);
  }
});

test('services authorise the actor too: a direct NATS request without a staff actor is refused', async () => {
  const before = await countDocuments();
  const payload = { title: '绕过网关的请求', body: '第一条 不应写入。' };
  const anonymous = await stack.nc.request('rpc.policy.document.create', JSON.stringify({ actor: null, payload }), { timeout: 3_000 });
  expect(anonymous.json<{ err: { code: string } }>().err.code).toBe('AUTH_REQUIRED');
  const citizen = { sub: 'someone', roles: ['citizen'] };
  const asCitizen = await stack.nc.request('rpc.policy.document.create', JSON.stringify({ actor: citizen, payload }), { timeout: 3_000 });
  expect(asCitizen.json<{ err: { code: string } }>().err.code).toBe('FORBIDDEN');
  expect(await countDocuments()).toBe(before);
});

describe('tracing (OpenTelemetry over OTLP/HTTP)', () => {
  /** Calls the gateway as a traced client would: its own span id as the parent of everything that follows. */
  async function tracedCall(method: string, path: string, body?: unknown) {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await api(stack, method, path, body, { traceparent: `00-${traceId}-${callerSpanId}-01` });
    return { res, traceId, callerSpanId };
  }

  const spansOf = (traceId: string) => collector.spans.filter((s) => s.traceId === traceId);
  const chain = (span: CollectedSpan, spans: CollectedSpan[]): string[] => {
    const parent = spans.find((s) => s.spanId === span.parentSpanId);
    return parent ? [`${span.service} ${span.name}`, ...chain(parent, spans)] : [`${span.service} ${span.name}`];
  };
  /** Every span hangs off the caller's span through spans of the same trace: no orphan, no second root. */
  const expectOneTree = (spans: CollectedSpan[], callerSpanId: string) => {
    const ids = new Set(spans.map((s) => s.spanId));
    expect(spans.filter((s) => !ids.has(s.parentSpanId ?? '')).map((s) => [s.service, s.name, s.parentSpanId])).toEqual([
      ['gateway', expect.any(String), callerSpanId],
    ]);
  };
  /** The span of `service` named `name` whose parent is a span named `parentName` of `parentService`. */
  const link = (spans: CollectedSpan[], child: [string, string | RegExp], parent: [string, string]) => {
    const found = spans.find(
      (s) =>
        s.service === child[0] &&
        (typeof child[1] === 'string' ? s.name === child[1] : child[1].test(s.name)) &&
        spans.some((p) => p.spanId === s.parentSpanId && p.service === parent[0] && p.name === parent[1]),
    );
    expect([child, parent, found ? 'linked' : spans.map((s) => chain(s, spans).join(' ← '))]).toEqual([child, parent, 'linked']);
    return found!;
  };

  // A search is answered from the in-memory index (best bets and the lexicon are cached), so whether it touches
  // PostgreSQL depends on cache timing; reading a policy always does (its stamp is checked on every read).
  test('a policy search is one trace: gateway → NATS → policy-svc; a policy read goes on to PostgreSQL', async () => {
    const { res, traceId, callerSpanId } = await tracedCall('GET', `/policies/search?q=${encodeURIComponent('追踪检索一次')}`);
    expect(res.status).toBe(200);
    const route = 'GET /api/v1/policies/search';
    const rpc = 'rpc.policy.search.query';
    await eventually(() => {
      const spans = spansOf(traceId);
      link(spans, ['gateway', rpc], ['gateway', route]);
      link(spans, ['policy-svc', rpc], ['gateway', rpc]);
    });
    const spans = spansOf(traceId);
    expectOneTree(spans, callerSpanId);
    expect(spans.find((s) => s.name === route)).toMatchObject({
      kind: 2,
      attributes: { 'http.route': '/api/v1/policies/search', 'http.response.status_code': 200 },
    });

    const policyId = await createAndPublish('追踪阅读办法');
    const read = await tracedCall('GET', `/policies/${policyId}`);
    expect(read.res.status).toBe(200);
    await eventually(() => {
      const readSpans = spansOf(read.traceId);
      const readRpc = readSpans.find((s) => s.service === 'gateway' && s.parentSpanId !== read.callerSpanId && s.name.startsWith('rpc.'));
      expect(readRpc?.name).toBeDefined();
      link(readSpans, ['policy-svc', readRpc!.name], ['gateway', readRpc!.name]);
      link(readSpans, ['policy-svc', /^(SELECT|INSERT|UPDATE) policy$/], ['policy-svc', readRpc!.name]);
    });
    const readSpans = spansOf(read.traceId);
    expectOneTree(readSpans, read.callerSpanId);
    expect(readSpans.find((s) => s.service === 'policy-svc' && s.attributes['db.system.name'])!.attributes['db.query.text']).not.toContain(
      '追踪',
    );
  });

  test('a disclosure submission is one trace: gateway → NATS → disclosure-request-svc → PostgreSQL → JetStream → notify-svc', async () => {
    const { res, traceId, callerSpanId } = await tracedCall('POST', '/disclosure-requests', {
      applicant: { type: 'NATURAL_PERSON', name: '赵追踪', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' },
      channel: 'ONLINE',
      description: '江东市2025年道路养护经费使用情况',
      deliveryForm: 'EMAIL',
    });
    expect(res.status).toBe(201);
    const rpc = 'rpc.disclosure.request.submit';
    await eventually(() => {
      const spans = spansOf(traceId);
      link(spans, ['gateway', rpc], ['gateway', 'POST /api/v1/disclosure-requests']);
      link(spans, ['disclosure-request-svc', rpc], ['gateway', rpc]);
      link(spans, ['disclosure-request-svc', 'INSERT disclosure'], ['disclosure-request-svc', rpc]);
      const publish = link(spans, ['disclosure-request-svc', 'publish disclosure.request.submitted'], ['disclosure-request-svc', rpc]);
      expect(publish.kind).toBe(4);
      link(
        spans,
        ['notify-svc', 'process disclosure.request.submitted'],
        ['disclosure-request-svc', 'publish disclosure.request.submitted'],
      );
    });
    const spans = spansOf(traceId);
    expectOneTree(spans, callerSpanId);
    // The event carries the trace in its headers only: the envelope on the stream is as it always was.
    const jsm = await jetstreamManager(stack.nc);
    const event = await jsm.streams.getMessage('DISCLOSURE_EVENTS', { last_by_subj: 'disclosure.request.submitted' });
    expect(event!.header.get('traceparent')).toContain(traceId);
    expect(event!.json<{ payload: { requestNumber: string } }>().payload.requestNumber).toBe(res.json.requestNumber);
    expect(event!.json<object>()).not.toHaveProperty('traceparent');
    // Nothing the citizen typed reaches the collector: statements are parameterised, routes are templates.
    expect(JSON.stringify(spans)).not.toMatch(/赵追踪|11010519491231002X|13912345678|道路养护/);
  });
});
