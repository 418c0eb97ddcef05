import { ANONYMOUS, ErrorCode } from '@govdisc/contracts';
import type { RpcException } from '@nestjs/microservices';
import { queryRows } from '@govdisc/testing';
import { RequestHandlers } from '../../src/request/request.handlers.js';
import { citizen, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

// A retry after a gateway 504: the gateway released its Idempotency-Key record, but the first attempt may have
// committed. The gateway passes the key (scoped to the caller) in the RPC message; the service answers a repeat with
// the request it stored under it. Called through the RPC handler, as the message arrives from NATS.
let h: Harness;
let handlers: RequestHandlers;
type Receipt = { requestNumber: string; trackingCode: string; status: string };
const submit = (payload: unknown, idempotencyKey?: string, actor = citizen) =>
  (handlers.submit as unknown as (message: unknown) => Promise<Receipt>)({ actor, payload, idempotencyKey });
const stored = async (description: string) =>
  queryRows<{ n: number; events: number }>(
    h.env.databaseUrl,
    `SELECT count(*)::int AS n,
            (SELECT count(*)::int FROM disclosure.outbox_event o WHERE o.type = 'disclosure.request.submitted'
               AND o.envelope->'payload'->>'requestNumber' = min(r.request_number)) AS events
       FROM disclosure.disclosure_request r WHERE r.description = $1`,
    [description],
  ).then((rows) => rows[0]!);

beforeAll(async () => {
  h = await startHarness('disclosure-idempotent');
  handlers = h.app.get(RequestHandlers);
});
afterAll(() => stopHarness(h));

test('a repeat with the same key gets the stored request back (same number and tracking code): one row, one event', async () => {
  const payload = newRequest({ n: 701 });
  const first = await submit(payload, 'gw1:key-701-aaaaaaaa');
  const again = await submit(payload, 'gw1:key-701-aaaaaaaa');
  expect(again).toEqual(first);
  expect(await stored(payload.description)).toEqual({ n: 1, events: 1 });
});

test('repeats racing each other store the request once', async () => {
  const payload = newRequest({ n: 702 });
  const answers = await Promise.all(Array.from({ length: 4 }, () => submit(payload, 'gw1:key-702-aaaaaaaa', ANONYMOUS)));
  expect(new Set(answers.map((a) => a.trackingCode)).size).toBe(1);
  expect(await stored(payload.description)).toEqual({ n: 1, events: 1 });
});

test('the same key with other content is refused (IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
  await submit(newRequest({ n: 703 }), 'gw1:key-703-aaaaaaaa');
  const other = newRequest({ n: 704 });
  const refused = await submit(other, 'gw1:key-703-aaaaaaaa').then(
    () => 'stored',
    (e: RpcException) => (e.getError() as { code: string }).code,
  );
  expect(refused).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
  expect((await stored(other.description)).n).toBe(0);
});

test('without a key, or with another key, the same content is a new request (linked as a duplicate for a signed-in owner)', async () => {
  const payload = newRequest({ n: 705 });
  const a = await submit(payload, 'gw1:key-705-aaaaaaaa');
  const b = await submit(payload, 'gw1:key-705-bbbbbbbb');
  const c = await submit(payload);
  expect(new Set([a.requestNumber, b.requestNumber, c.requestNumber]).size).toBe(3);
  expect((await stored(payload.description)).n).toBe(3);
});
