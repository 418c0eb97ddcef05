import 'reflect-metadata';
import { Controller, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EDITORS, ErrorCode, PUBLIC, defineRpc, z } from '@govdisc/contracts';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../src/correlation.js';
import { metricsRegistry } from '../src/metrics.js';
import { RpcClient } from '../src/rpc-client.js';
import { RpcHandler, type RpcMeta } from '../src/rpc-handler.js';
import { NatsRpcServer } from '../src/rpc-server.js';

// The RPC transport on the real NATS: queue groups, drain, malformed and plain requests, correlation ids.
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
// Subjects of this run only, so parallel runs on the shared NATS server do not answer each other.
const base = `rpc.test.${randomUUID()}`;
const echo = defineRpc(`${base}.echo`, {
  access: PUBLIC,
  request: z.object({ text: z.string().min(1) }),
  response: z.object({ text: z.string(), replica: z.string(), correlationId: z.string(), fromContext: z.string().optional() }),
});
const slow = defineRpc(`${base}.slow`, { access: PUBLIC, request: z.object({}), response: z.object({ done: z.literal(true) }) });
const editorsOnly = defineRpc(`${base}.edit`, { access: EDITORS, request: z.object({}), response: z.object({ ok: z.literal(true) }) });
const broken = defineRpc(`${base}.broken`, { access: PUBLIC, request: z.object({}), response: z.object({ n: z.number() }) });

/** What the handlers saw, by replica: lets a test see which instance answered and with what context. */
const handled: Record<string, number> = {};
let releaseSlow: () => void = () => undefined;

function handlersOf(replica: string) {
  @Controller()
  class TestHandlers {
    @RpcHandler(echo)
    async echo(payload: { text: string }, meta: RpcMeta) {
      handled[replica] = (handled[replica] ?? 0) + 1;
      return { text: payload.text, replica, correlationId: meta.correlationId, fromContext: currentCorrelationId() };
    }

    @RpcHandler(slow)
    async slow() {
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      return { done: true as const };
    }

    @RpcHandler(editorsOnly)
    async edit() {
      return { ok: true as const };
    }

    @RpcHandler(broken)
    async broken() {
      return { n: 'not a number' } as never;
    }
  }
  return TestHandlers;
}

interface Replica {
  app: INestApplication;
  server: NatsRpcServer;
}

async function startReplica(replica: string): Promise<Replica> {
  const moduleRef = await Test.createTestingModule({ controllers: [handlersOf(replica)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const server = new NatsRpcServer({ app, natsUrl: NATS_URL, queue: `${base}-group`, name: `rpc-test-${replica}` });
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  await app.init();
  return { app, server };
}

let nc: NatsConnection;
let client: RpcClient;
const replicas: Replica[] = [];
const request = async (subject: string, body: string, opts: { headers?: ReturnType<typeof headers> } = {}) =>
  (await nc.request(subject, body, { timeout: 5_000, ...opts })).json<{ response?: any; err?: { code: string; message: string } }>();

beforeAll(async () => {
  nc = await connect({ servers: NATS_URL, name: 'rpc-server-medium' });
  client = new RpcClient(nc, { timeoutMs: 5_000 });
  replicas.push(await startReplica('a'), await startReplica('b'));
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.app.close()));
  await nc.close();
});

test('replicas in one queue group share the requests, each answered exactly once', async () => {
  const before = { a: handled.a ?? 0, b: handled.b ?? 0 };
  const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => client.call(echo, { text: `第${i}个` })));
  expect(replies.map((r) => r.text)).toEqual(Array.from({ length: 60 }, (_, i) => `第${i}个`));
  const a = handled.a! - before.a;
  const b = handled.b! - before.b;
  expect(a + b).toBe(60);
  expect(a).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(0);
});

test('a plain NATS request (no framework framing) is answered; the correlation id comes from the body or a header', async () => {
  const fromBody = await request(echo.subject, JSON.stringify({ actor: null, payload: { text: '你好' }, correlationId: 'dept-system-1' }));
  expect(fromBody.response).toMatchObject({ text: '你好', correlationId: 'dept-system-1', fromContext: 'dept-system-1' });

  const h = headers();
  h.set('x-request-id', 'from-header-2');
  const fromHeader = await request(echo.subject, JSON.stringify({ actor: null, payload: { text: '你好' } }), { headers: h });
  expect(fromHeader.response).toMatchObject({ correlationId: 'from-header-2', fromContext: 'from-header-2' });

  // None, or one that could forge log lines: the service makes its own.
  const forged = await request(echo.subject, JSON.stringify({ actor: null, payload: { text: 'x' }, correlationId: 'a\nb' }));
  expect(forged.response.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(forged.response.fromContext).toBe(forged.response.correlationId);
});

test('the gateway client sends its correlation id along', async () => {
  const { runWithCorrelation } = await import('../src/correlation.js');
  const reply = await runWithCorrelation('gw-req-7', () => client.call(echo, { text: 'x' }));
  expect(reply.correlationId).toBe('gw-req-7');
});

test('a body that is not JSON, or not a request, gets MALFORMED_MESSAGE, not a timeout', async () => {
  for (const body of [
    'not json at all',
    '',
    '[1,2]',
    'null',
    JSON.stringify({ actor: null, payload: { text: '' } }),
    JSON.stringify({ actor: null, payload: { text: 'a\ud800' } }),
  ]) {
    const reply = await request(echo.subject, body);
    expect({ body, code: reply.err?.code }).toEqual({ body, code: ErrorCode.MALFORMED_MESSAGE });
    expect(reply.err!.message).toBeTruthy();
  }
});

test("the contract's access is enforced, and a response that breaks its contract is an INTERNAL_ERROR", async () => {
  expect((await request(editorsOnly.subject, JSON.stringify({ actor: null, payload: {} }))).err?.code).toBe(ErrorCode.AUTH_REQUIRED);
  const citizen = { sub: 'c-1', roles: ['citizen'] };
  expect((await request(editorsOnly.subject, JSON.stringify({ actor: citizen, payload: {} }))).err?.code).toBe(ErrorCode.FORBIDDEN);
  const editor = { sub: 'e-1', roles: ['editor'] };
  expect((await request(editorsOnly.subject, JSON.stringify({ actor: editor, payload: {} }))).response).toEqual({ ok: true });
  expect((await request(broken.subject, JSON.stringify({ actor: null, payload: {} }))).err).toMatchObject({
    code: ErrorCode.INTERNAL_ERROR,
    details: { issues: [{ path: 'n' }] },
  });
});

test('RPC metrics count outcomes by subject', async () => {
  await request(echo.subject, 'nope');
  const text = await metricsRegistry.getSingleMetricAsString('govdisc_rpc_handled_total');
  expect(text).toMatch(new RegExp(`subject="${echo.subject.replace(/\./g, '\\.')}",outcome="ok"} \\d+`));
  expect(text).toContain(`subject="${echo.subject}",outcome="MALFORMED_MESSAGE"} `);
  const durations = await metricsRegistry.getSingleMetricAsString('govdisc_rpc_duration_seconds');
  expect(durations).toContain(`govdisc_rpc_duration_seconds_count{subject="${echo.subject}"} `);
});

test('drain: intake stops, work in flight finishes and is answered, then drain reports idle', async () => {
  // One replica left, so where the requests go is known.
  const [a, b] = replicas;
  expect(await b!.server.drain(1_000)).toBe(true);

  const inFlight = request(slow.subject, JSON.stringify({ actor: null, payload: {} }));
  await new Promise((r) => setTimeout(r, 200)); // the request has reached the handler
  let drained: boolean | undefined;
  const draining = a!.server.drain(5_000).then((idle) => (drained = idle));
  await new Promise((r) => setTimeout(r, 200));
  expect(drained).toBeUndefined(); // still waiting for the slow handler

  // No longer taking requests: nobody is subscribed any more.
  await expect(client.call(echo, { text: 'x' })).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });

  releaseSlow();
  expect((await inFlight).response).toEqual({ done: true });
  expect(await draining).toBe(true);
});

test('drain reports false when in-flight work outlives the timeout', async () => {
  const replica = await startReplica('c');
  replicas.push(replica);
  const stuck = request(slow.subject, JSON.stringify({ actor: null, payload: {} }));
  await new Promise((r) => setTimeout(r, 200));
  expect(await replica.server.drain(100)).toBe(false);
  releaseSlow();
  expect((await stuck).response).toEqual({ done: true });
});

test("the client's own request-reply: no answer in time is SERVICE_TIMEOUT, a late reply is dropped, a closed connection is SERVICE_UNAVAILABLE", async () => {
  const late = defineRpc(`${base}.late`, { access: PUBLIC, request: z.object({}), response: z.object({ n: z.number() }) });
  // A plain subscriber that answers the first request after 300 ms and the second at once.
  let seen = 0;
  const sub = nc.subscribe(late.subject, {
    callback: (_err, msg) => {
      const reply = JSON.stringify({ response: { n: ++seen } });
      if (seen === 1) setTimeout(() => msg.respond(reply), 300);
      else msg.respond(reply);
    },
  });
  await nc.flush();
  await expect(client.call(late, {}, { timeoutMs: 100 })).rejects.toMatchObject({ code: ErrorCode.SERVICE_TIMEOUT });
  await new Promise((r) => setTimeout(r, 300)); // the first reply arrives late and is ignored
  expect(await client.call(late, {})).toEqual({ n: 2 });
  sub.unsubscribe();

  // A subscriber that never answers: the call waits until its connection closes, then fails at once.
  const mute = nc.subscribe(late.subject, { callback: () => undefined });
  await nc.flush();
  const other = await connect({ servers: NATS_URL, name: 'rpc-client-closed' });
  const closing = new RpcClient(other, { timeoutMs: 30_000 });
  const started = Date.now();
  const waiting = closing.call(late, {});
  await new Promise((r) => setTimeout(r, 100));
  await other.close();
  await expect(waiting).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(closing.call(late, {})).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });
  mute.unsubscribe();
});
