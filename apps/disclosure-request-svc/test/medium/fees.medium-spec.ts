import { type DomainError, ErrorCode } from '@govdisc/contracts';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

let h: Harness;
const ctx = { source: 'test', correlationId: 'fees' };

beforeAll(async () => {
  h = await startHarness('disclosure-fees');
  h.setNow('2026-11-27T02:00:00Z');
});
afterAll(() => stopHarness(h));

async function received(n: number, receivedOn: string, i: number) {
  const input = newRequest({ n, channel: 'IN_PERSON', receivedOn, description: `第${i}份文件：江东市教育局2026年第${i}号通知` });
  return (await h.app.get(SubmitRequestUseCase).execute(input, gio)).request;
}

async function perItemFee(requestNumber: string, on: string) {
  const act = h.app.get(ActOnRequestUseCase);
  await act.execute({ requestNumber, action: { type: 'ACCEPT', on, department: 'edu' }, actor: gio, ctx });
  // A 0-元 fee is no notice (issue 19.2): the refusal names the computation.
  return act.execute({ requestNumber, action: { type: 'ISSUE_FEE_NOTICE', on, basis: { type: 'PER_ITEM' } }, actor: gio, ctx }).then(
    (r) => r.feeAmount,
    (e: DomainError) => (e.code === ErrorCode.DISCLOSURE_FEE_NOT_CHARGEABLE ? 0 : Promise.reject(e)),
  );
}

test('§11.23 per-item fees count per applicant per calendar month (11th costs 100; new month and other applicant start at 1)', async () => {
  const january = [];
  for (let i = 1; i <= 11; i++) january.push(await received(41, `2026-01-${String(5 + i).padStart(2, '0')}`, i));
  const february = await received(41, '2026-02-02', 12);
  const otherApplicant = await received(42, '2026-01-20', 1);
  expect(await perItemFee(january[10]!.requestNumber, '2026-01-21')).toBe(100);
  expect(await perItemFee(january[9]!.requestNumber, '2026-01-21')).toBe(0);
  expect(await perItemFee(february.requestNumber, '2026-02-03')).toBe(0);
  expect(await perItemFee(otherApplicant.requestNumber, '2026-01-21')).toBe(0);
});
