import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { ErrorCode, getQaPair } from '@govdisc/contracts';
import { TEST_NATS_URL } from '@govdisc/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { loadAppConfig } from '../../src/config/env.js';
import { BusModule, RpcClient, ServiceKitModule } from '@govdisc/service-kit';

// Each test listens on its own subject, so parallel runs on the shared NATS server do not interfere.
const contractOn = (subject: string) => ({ ...getQaPair, subject });
const pairId = randomUUID();
let rpc: RpcClient;
let nc: NatsConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  const config = loadAppConfig({ NATS_URL: TEST_NATS_URL, LOG_LEVEL: 'silent', RPC_TIMEOUT_MS: '300', DATABASE_URL: 'postgresql://unused@127.0.0.1/unused' });
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

test('the request carries actor and payload in Nest packet form; service errors keep their code', async () => {
  const subject = `rpc.test.${randomUUID()}.get`;
  let seen: any;
  await respond(subject, (packet) => {
    seen = packet;
    return { id: packet.id, err: { code: 'QA_PAIR_NOT_FOUND', message: '未找到该问答。' } };
  });
  await expect(rpc.call(contractOn(subject), { pairId })).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
  expect(seen).toMatchObject({ pattern: subject, data: { actor: null, payload: { pairId } } });
});

test('invalid input never leaves the gateway; an invalid reply is refused', async () => {
  await expect(rpc.call(contractOn('rpc.test.never.sent'), { pairId: 'nope' })).rejects.toMatchObject({
    code: ErrorCode.VALIDATION_FAILED,
  });
  const subject = `rpc.test.${randomUUID()}.get`;
  await respond(subject, (packet) => ({ id: packet.id, response: { unexpected: true } }));
  await expect(rpc.call(contractOn(subject), { pairId })).rejects.toMatchObject({ code: ErrorCode.MALFORMED_MESSAGE });
});
