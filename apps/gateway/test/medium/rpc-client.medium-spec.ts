import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { ErrorCode, PUBLIC, defineRpc, getQaPair, z } from '@govdisc/contracts';
import { TEST_NATS_URL } from '@govdisc/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { loadAppConfig } from '../../src/config/env.js';
import { BusModule, RpcClient, ServiceKitModule, runWithCorrelation } from '@govdisc/service-kit';

// Each test listens on its own subject, so parallel runs on the shared NATS server do not interfere.
const contractOn = (subject: string) => ({ ...getQaPair, subject });
const pairId = randomUUID();
let rpc: RpcClient;
let nc: NatsConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  const config = loadAppConfig({
    NATS_URL: TEST_NATS_URL,
    LOG_LEVEL: 'silent',
    RPC_TIMEOUT_MS: '300',
    DATABASE_URL: 'postgresql://unused@127.0.0.1/unused',
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ServiceKitModule.forRoot({ service: 'gateway', level: 'silent', pretty: false }),
      BusModule.forRoot({ url: TEST_NATS_URL, prefix: '', name: 'gateway-test', rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  rpc = app.get(RpcClient);
  nc = await connect({ servers: TEST_NATS_URL });
  close = async () => {
    await nc.close();
    await app.close();
  };
});

afterAll(() => close());

function respond(subject: string, reply: (data: any) => unknown) {
  const sub = nc.subscribe(subject, { max: 1 });
  void (async () => {
    for await (const m of sub) m.respond(JSON.stringify(reply(m.json())));
  })();
  return nc.flush();
}

test('nobody listening is SERVICE_UNAVAILABLE at once, not a hang', async () => {
  const started = Date.now();
  await expect(rpc.call(contractOn(`rpc.test.${randomUUID()}.get`), { pairId })).rejects.toMatchObject({
    code: ErrorCode.SERVICE_UNAVAILABLE,
  });
  expect(Date.now() - started).toBeLessThan(250);
});

test('a listener that never answers is SERVICE_TIMEOUT after RPC_TIMEOUT_MS', async () => {
  const subject = `rpc.test.${randomUUID()}.get`;
  nc.subscribe(subject, { max: 1, callback: () => undefined });
  await nc.flush();
  await expect(rpc.call(contractOn(subject), { pairId })).rejects.toMatchObject({ code: ErrorCode.SERVICE_TIMEOUT });
});

test('the request is plain JSON (actor, payload, correlation id: docs/rpc.md); service errors keep their code', async () => {
  const subject = `rpc.test.${randomUUID()}.get`;
  let seen: any;
  await respond(subject, (body) => {
    seen = body;
    return { err: { code: 'QA_PAIR_NOT_FOUND', message: '未找到该问答。' } };
  });
  const actor = { sub: 'u-1', roles: ['citizen'] };
  await expect(runWithCorrelation('req-42', () => rpc.call(contractOn(subject), { pairId }, { actor }))).rejects.toMatchObject({
    code: ErrorCode.QA_PAIR_NOT_FOUND,
  });
  expect(seen).toEqual({ actor, payload: { pairId }, correlationId: 'req-42' });
});

/** A contract on a fresh subject whose one request is answered with `json` as it is (a service's reply written by hand). */
async function answeredOnceWith(json: string) {
  const subject = `rpc.test.${randomUUID()}.get`;
  const sub = nc.subscribe(subject, { max: 1 });
  void (async () => {
    for await (const m of sub) m.respond(json);
  })();
  await nc.flush();
  return defineRpc(subject, { access: PUBLIC, request: z.object({}), response: z.object({ text: z.string() }) });
}

test('a reply whose JSON text escapes a lone surrogate is refused, though its shape is right', async () => {
  // the suite's 300 ms is for the timeout test
  const replyWith = async (json: string) => rpc.call(await answeredOnceWith(json), {}, { timeoutMs: 5_000 });
  expect(await replyWith('{"response":{"text":"政务 \\u0041"}}')).toEqual({ text: '政务 A' });
  await expect(replyWith('{"response":{"text":"a\\ud800"}}')).rejects.toMatchObject({ code: ErrorCode.MALFORMED_MESSAGE });
  await expect(replyWith('{"response":{"text":"a\\u0000"}}')).rejects.toMatchObject({ code: ErrorCode.MALFORMED_MESSAGE });
});

test("callRaw hands on the response's bytes as the service wrote them; an error reply throws as with call", async () => {
  const replyWith = async (json: string) => rpc.callRaw(await answeredOnceWith(json), {}, { timeoutMs: 5_000 });
  const raw = await replyWith('{"response":{"text":"政务 \\u0041"}}');
  expect(Buffer.isBuffer(raw)).toBe(true);
  expect(raw.toString('utf8')).toBe('{"text":"政务 \\u0041"}');
  // another spelling of the envelope is decoded and its response encoded again
  expect((await replyWith(' { "response" : { "text" : "办" } } ')).toString('utf8')).toBe('{"text":"办"}');
  await expect(replyWith('{"err":{"code":"QA_PAIR_NOT_FOUND","message":"未找到该问答。"}}')).rejects.toMatchObject({
    code: ErrorCode.QA_PAIR_NOT_FOUND,
  });
});
