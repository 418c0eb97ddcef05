import { type DisclosureAction, ErrorCode, requestAssigned, requestReplied } from '@govdisc/contracts';
import { eventually, queryRows } from '@govdisc/testing';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { RequestQueries } from '../../src/request/request-queries.service.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { deptOfficer, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness, streamEvents } from './setup.js';

let h: Harness;
let submit: SubmitRequestUseCase;
let act: ActOnRequestUseCase;
let queries: RequestQueries;
const ctx = { source: 'test', correlationId: 'workflow' };

beforeAll(async () => {
  h = await startHarness('disclosure-workflow');
  submit = h.app.get(SubmitRequestUseCase);
  act = h.app.get(ActOnRequestUseCase);
  queries = h.app.get(RequestQueries);
  h.setNow('2026-11-27T02:00:00Z');
});
afterAll(() => stopHarness(h));

const run = (requestNumber: string, action: DisclosureAction, actor = gio) => act.execute({ requestNumber, action, actor, ctx });

test('one request through 补正, supplement, third-party consultation, extension and reply, every due date hand-computed', async () => {
  const { request } = await submit.execute(newRequest({ n: 11, channel: 'IN_PERSON', receivedOn: '2026-04-28' }), gio);
  const no = request.requestNumber;
  expect(request.dueDate).toBe('2026-05-28');
  const waiting = await run(no, { type: 'REQUEST_SUPPLEMENT', on: '2026-05-08', items: ['请写明文件的文号或发布日期'] });
  expect(waiting).toMatchObject({ status: 'AWAITING_SUPPLEMENT', dueDate: null, supplementDeadline: '2026-05-28' }); // 05-09 (Sat) is a make-up working day
  expect((await run(no, { type: 'RECEIVE_SUPPLEMENT', on: '2026-05-11' })).dueDate).toBe('2026-06-08');
  expect((await run(no, { type: 'ACCEPT', on: '2026-05-12', department: 'finance' })).status).toBe('IN_PROGRESS');
  await expect(
    run(no, { type: 'START_CONSULTATION', on: '2026-05-15', party: 'THIRD_PARTY', partyName: '某公司' }, deptOfficer('health')),
  ).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND, // another department's request answers like an unknown number (11.14)
  });
  const consulting = await run(
    no,
    { type: 'START_CONSULTATION', on: '2026-05-15', letterReceivedOn: '2026-05-18', party: 'THIRD_PARTY', partyName: '某公司' },
    deptOfficer('finance'),
  );
  expect(consulting).toMatchObject({ status: 'CONSULTING_THIRD_PARTY', consultationDue: '2026-06-08' });
  await expect(run(no, { type: 'REPLY', outcome: 'DISCLOSED', content: { text: '予以公开', reasons: [] } })).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_INVALID_TRANSITION,
  });
  expect((await run(no, { type: 'END_CONSULTATION', on: '2026-05-29', opinion: 'CONSENT' })).dueDate).toBe('2026-06-23');
  const extended = await run(no, { type: 'EXTEND', on: '2026-06-15', days: 10, applicantNotifiedOn: '2026-06-15' });
  expect(extended.dueDate).toBe('2026-07-07');
  const replied = await run(no, {
    type: 'REPLY',
    on: '2026-07-06',
    outcome: 'PARTIAL',
    content: {
      text: '部分公开：可公开部分见随答复提供的文件。',
      reasons: ['第3页涉及个人隐私'],
      enclosures: ['经费明细（删除第3页）.pdf'],
    },
  });
  expect(replied).toMatchObject({ status: 'REPLIED', outcome: 'PARTIAL', finishedDate: '2026-07-06' });

  const view = await queries.get(no, deptOfficer('finance'));
  expect(view.timeline.map((t) => t.action)).toEqual([
    'REGISTERED',
    'REQUEST_SUPPLEMENT',
    'RECEIVE_SUPPLEMENT',
    'ACCEPT',
    'START_CONSULTATION',
    'END_CONSULTATION',
    'EXTEND',
    'REPLY',
  ]);
  expect(view.timeline[6]).toMatchObject({
    legalBasis: expect.stringContaining('第三十三条'),
    details: expect.objectContaining({ approvedBy: gio.sub }),
  });
  expect((view.reply as { remedy: string }).remedy).toContain('应当先向');

  const assigned = await eventually(async () => {
    const e = (await streamEvents(h, requestAssigned.type)).filter((p) => p.requestNumber === no);
    expect(e).toHaveLength(1);
    return e[0];
  });
  expect(assigned).toMatchObject({ department: 'finance', dueDate: '2026-06-08' });
  const repliedEvents = await eventually(async () => {
    const e = (await streamEvents(h, requestReplied.type)).filter((p) => p.requestNumber === no);
    expect(e).toHaveLength(1);
    return e;
  });
  expect(repliedEvents[0]).toMatchObject({ outcome: 'PARTIAL', replyDate: '2026-07-06', onTime: true });
  expect(JSON.stringify(repliedEvents[0])).not.toContain('李四');
});

test('a failed transition changes nothing: no timeline row, no event', async () => {
  const { request } = await submit.execute(newRequest({ n: 12, channel: 'IN_PERSON', receivedOn: '2026-08-20' }), gio);
  await run(request.requestNumber, { type: 'ACCEPT', department: 'finance' });
  const rows = () => queryRows(h.env.databaseUrl, 'SELECT id FROM disclosure.timeline_entry WHERE request_id = $1', [request.id]);
  const outbox = () => queryRows(h.env.databaseUrl, 'SELECT id FROM disclosure.outbox_event');
  const [before, beforeOutbox] = [(await rows()).length, (await outbox()).length];
  await expect(
    run(request.requestNumber, { type: 'EXTEND', on: '2026-09-18', days: 5, applicantNotifiedOn: '2026-09-18' }),
  ).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_EXTENSION_REJECTED,
  });
  await expect(run('2026-999999', { type: 'ACCEPT', department: 'x' })).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND,
  });
  expect((await rows()).length).toBe(before);
  expect((await outbox()).length).toBe(beforeOutbox);
});

test('the timeline is append-only in the database', async () => {
  await expect(queryRows(h.env.databaseUrl, "UPDATE disclosure.timeline_entry SET actor = 'x'")).rejects.toThrow(/append-only/);
  await expect(queryRows(h.env.databaseUrl, 'DELETE FROM disclosure.timeline_entry')).rejects.toThrow(/append-only/);
});

test('the applicant withdraws with the tracking code → CLOSED(OTHER)', async () => {
  const { request } = await submit.execute(newRequest({ n: 13, channel: 'IN_PERSON', receivedOn: '2026-11-20' }), gio);
  const closed = await act.withdrawByApplicant({ trackingCode: request.trackingCode, document: '不再需要', contactLast4: '8000', ctx });
  expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'OTHER' });
});
