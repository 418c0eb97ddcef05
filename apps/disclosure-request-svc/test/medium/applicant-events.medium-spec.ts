import {
  type DisclosureAction,
  ErrorCode,
  requestAccepted,
  requestAssigned,
  requestClosed,
  requestConsultationRequested,
  requestExtended,
  requestFeeNotified,
  requestReceived,
  requestReplied,
  requestSubmitted,
  requestSupplementRequested,
  requestWithdrawn,
} from '@govdisc/contracts';
import { eventually, queryRows } from '@govdisc/testing';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { citizen, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness, streamEvents } from './setup.js';

let h: Harness;
let submit: SubmitRequestUseCase;
let act: ActOnRequestUseCase;
const ctx = { source: 'test', correlationId: 'applicant-events' };
const email = 'lisi@example.com';

beforeAll(async () => {
  h = await startHarness('disclosure-applicant-events');
  submit = h.app.get(SubmitRequestUseCase);
  act = h.app.get(ActOnRequestUseCase);
  h.setNow('2026-06-01T02:00:00Z');
});
afterAll(() => stopHarness(h));

const run = (requestNumber: string, action: DisclosureAction) => act.execute({ requestNumber, action, actor: gio, ctx });

/** The one event of `type` about request `no` on the stream, once the relay has published it. */
const oneEvent = (type: string, no: string) =>
  eventually(async () => {
    const found = (await streamEvents(h, type)).filter((p) => p.requestNumber === no);
    expect(found).toHaveLength(1);
    return found[0];
  });

const outboxCount = async () =>
  Number((await queryRows<{ n: string }>(h.env.databaseUrl, 'SELECT count(*) AS n FROM disclosure.outbox_event'))[0]!.n);

test('every step the applicant must hear about is an event with their account and contact email, written with the step', async () => {
  const withEmail = newRequest({ n: 41 });
  withEmail.applicant.email = email;
  const { request } = await submit.execute(withEmail, citizen, ctx);
  const no = request.requestNumber;
  const applicant = { sub: citizen.sub, email };
  expect(await oneEvent(requestSubmitted.type, no)).toMatchObject({
    trackingCode: request.trackingCode,
    submittedOn: '2026-06-01',
    receiptDate: null,
    applicant,
  });

  await run(no, { type: 'CONFIRM_RECEIPT', on: '2026-06-01' });
  expect(await oneEvent(requestReceived.type, no)).toMatchObject({ receiptDate: '2026-06-01', dueDate: expect.any(String), applicant });
  await run(no, { type: 'REQUEST_SUPPLEMENT', on: '2026-06-01', items: ['请写明文件的文号'] });
  expect(await oneEvent(requestSupplementRequested.type, no)).toMatchObject({
    items: ['请写明文件的文号'],
    supplementDeadline: expect.any(String),
    applicant,
  });
  await run(no, { type: 'RECEIVE_SUPPLEMENT', on: '2026-06-01' });
  await run(no, { type: 'ACCEPT', on: '2026-06-01', department: 'finance' });
  expect(await oneEvent(requestAccepted.type, no)).toMatchObject({ department: 'finance', applicant });
  expect(await oneEvent(requestAssigned.type, no)).not.toHaveProperty('applicant'); // the department's event carries no personal data
  await run(no, { type: 'EXTEND', on: '2026-06-01', days: 5, applicantNotifiedOn: '2026-06-01' });
  expect(await oneEvent(requestExtended.type, no)).toMatchObject({ days: 5, dueDate: expect.any(String), applicant });
  await run(no, { type: 'ISSUE_FEE_NOTICE', on: '2026-06-01', basis: { type: 'PER_VOLUME', pages: 200 } });
  expect(await oneEvent(requestFeeNotified.type, no)).toMatchObject({
    amountYuan: expect.any(Number),
    payBy: expect.any(String),
    applicant,
  });

  // A refused step writes no event.
  const before = await outboxCount();
  await expect(run(no, { type: 'ISSUE_FEE_NOTICE', on: '2026-06-01', basis: { type: 'PER_ITEM' } })).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_INVALID_TRANSITION,
  }); // awaiting payment;
  expect(await outboxCount()).toBe(before);

  await act.withdrawByApplicant({ trackingCode: request.trackingCode, document: '已不需要', actor: citizen, ctx });
  expect(await oneEvent(requestWithdrawn.type, no)).toMatchObject({ withdrawnOn: '2026-06-01', applicant });
  // The department still hears of the closing; the applicant hears `withdrawn` only, not twice.
  expect(await oneEvent(requestClosed.type, no)).not.toHaveProperty('applicant');
});

test('a reply reaches the applicant; a paper request registered by staff never addresses the staff member', async () => {
  const paper = newRequest({ n: 42, channel: 'IN_PERSON', receivedOn: '2026-06-01' });
  paper.applicant.email = email;
  const { request } = await submit.execute(paper, gio, ctx);
  const no = request.requestNumber;
  expect(await oneEvent(requestSubmitted.type, no)).toMatchObject({ receiptDate: '2026-06-01', applicant: { sub: null, email } });
  await run(no, { type: 'ACCEPT', on: '2026-06-01', department: 'finance' });
  await run(no, {
    type: 'REPLY',
    on: '2026-06-01',
    outcome: 'DISCLOSED',
    content: { text: '经审查，您申请的信息予以公开，见随答复提供的文件。', reasons: [], enclosures: ['文件.pdf'] },
  });
  expect(await oneEvent(requestReplied.type, no)).toMatchObject({ outcome: 'DISCLOSED', applicant: { sub: null, email } });
});

test('征求意见 is an event for the department and the office: party kind and dates, no party name and no applicant', async () => {
  const { request } = await submit.execute(newRequest({ n: 43 }), citizen, ctx);
  const no = request.requestNumber;
  await run(no, { type: 'CONFIRM_RECEIPT', on: '2026-06-01' });
  await run(no, { type: 'ACCEPT', on: '2026-06-01', department: 'finance' });
  await run(no, { type: 'START_CONSULTATION', on: '2026-06-01', party: 'THIRD_PARTY', partyName: '某某置业有限公司' });
  const event = await oneEvent(requestConsultationRequested.type, no);
  expect(event).toMatchObject({
    department: 'finance',
    party: 'THIRD_PARTY',
    letterSentOn: '2026-06-01',
    consultationDue: expect.any(String),
  });
  expect(event).not.toHaveProperty('applicant');
  expect(JSON.stringify(event)).not.toContain('某某置业');
});
