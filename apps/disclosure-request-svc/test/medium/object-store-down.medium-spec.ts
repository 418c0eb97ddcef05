import { ErrorCode } from '@govdisc/contracts';
import { queryRows } from '@govdisc/testing';
import { type TestS3Server, startTestS3Server } from '@govdisc/testing/s3-server';
import type { RpcException } from '@nestjs/microservices';
import { RequestHandlers } from '../../src/request/request.handlers.js';
import { citizen, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

// The S3 attachment store (ATTACHMENT_STORE=s3 against s3rver) stopped: a submission with an attachment is answered
// SERVICE_UNAVAILABLE (the gateway's 503) and leaves no request behind; started again on the same port and directory,
// submissions are stored again. The whole platform under traffic: resilience/object-store-down.resilience-spec.ts.
const BUCKET = 'govdisc-medium';
let h: Harness;
let handlers: RequestHandlers;
let s3: TestS3Server;
const pdfOf = (text: string) => Buffer.from(`%PDF-1.4\n%${text}\n`).toString('base64');
const submit = (n: number) =>
  (handlers.submit as unknown as (message: unknown) => Promise<{ requestNumber: string }>)({
    actor: citizen,
    payload: { ...newRequest({ n }), attachments: [{ fileName: '证明.pdf', contentBase64: pdfOf(`申请 ${n}`) }] },
  }).then(
    (r) => r.requestNumber,
    (e: RpcException) => (e.getError() as { code: string }).code,
  );
const stored = async (n: number) =>
  (
    await queryRows<{ n: number }>(
      h.env.databaseUrl,
      `SELECT count(*)::int AS n FROM disclosure.disclosure_request WHERE description = $1`,
      [newRequest({ n }).description],
    )
  )[0]!.n;

beforeAll(async () => {
  s3 = await startTestS3Server(BUCKET);
  h = await startHarness('disclosure-object-store-down', {
    ATTACHMENT_STORE: 's3',
    ATTACHMENT_S3_BUCKET: BUCKET,
    ATTACHMENT_S3_ENDPOINT: s3.url,
    ATTACHMENT_S3_ACCESS_KEY_ID: 'S3RVER',
    ATTACHMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  handlers = h.app.get(RequestHandlers);
});
afterAll(async () => {
  await stopHarness(h);
  await s3?.close();
});

test('object store stopped: SERVICE_UNAVAILABLE and nothing stored; back again: stored with its attachment', async () => {
  expect(await submit(801)).toMatch(/^\d{4}-\d{6}$/);
  await s3.stop();
  const started = Date.now();
  expect(await submit(802)).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  expect(Date.now() - started).toBeLessThan(10_000); // refused connections: the SDK's three quick attempts, no long wait
  expect(await stored(802)).toBe(0);
  await s3.start();
  expect(await submit(803)).toMatch(/^\d{4}-\d{6}$/);
  expect(await stored(803)).toBe(1);
});
