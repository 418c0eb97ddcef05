import { type DisclosureAction, ErrorCode, requestClosed, requestDueSoon, requestOverdue } from '@govdisc/contracts';
import { metricsRegistry } from '@govdisc/service-kit';
import { eventually, queryRows } from '@govdisc/testing';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { DeadlineScheduler } from '../../src/request/deadline-scheduler.service.js';
import { RequestQueries } from '../../src/request/request-queries.service.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { citizen, deptOfficer, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness, streamEvents } from './setup.js';

let h: Harness;
let submit: SubmitRequestUseCase;
let act: ActOnRequestUseCase;
let scheduler: DeadlineScheduler;
let queries: RequestQueries;
const ctx = { source: 'test', correlationId: 'deadlines' };
const run = (requestNumber: string, action: DisclosureAction) => act.execute({ requestNumber, action, actor: gio, ctx });
/** A gauge's value as Prometheus would scrape it (the alert DisclosureRequestsOverdue reads the first). */
const gauge = async (name: 'govdisc_disclosure_requests_overdue' | 'govdisc_disclosure_requests_open') =>
  (await metricsRegistry.getSingleMetric(name)!.get()).values[0]?.value;

beforeAll(async () => {
  h = await startHarness('disclosure-deadlines');
  submit = h.app.get(SubmitRequestUseCase);
  act = h.app.get(ActOnRequestUseCase);
  scheduler = h.app.get(DeadlineScheduler);
  queries = h.app.get(RequestQueries);
});
afterAll(() => stopHarness(h));

async function assigned(n: number, receivedOn: string, department: string) {
  h.setNow(`${receivedOn}T02:00:00Z`);
  const { request } = await submit.execute(newRequest({ n, channel: 'IN_PERSON', receivedOn }), gio);
  return run(request.requestNumber, { type: 'ACCEPT', department });
}

test('due soon at 5 and 1 WD before due, overdue from the day after (24:00 rule), each emitted once', async () => {
  const r = await assigned(21, '2026-02-10', 'finance'); // due 2026-03-16
  expect(r.dueDate).toBe('2026-03-16');
  const mine = async (type: string) => (await streamEvents(h, type)).filter((p) => p.requestNumber === r.requestNumber);

  h.setNow('2026-03-06T02:00:00Z'); // 6 WD left
  await scheduler.runOnce();
  h.setNow('2026-03-09T02:00:00Z'); // 5 WD left
  await scheduler.runOnce();
  await scheduler.runOnce();
  await eventually(async () => expect((await mine(requestDueSoon.type)).map((p) => p.workingDaysLeft)).toEqual([5]));

  h.setNow('2026-03-13T02:00:00Z'); // 1 WD left
  await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
  h.setNow('2026-03-16T15:59:00Z'); // 23:59 on the due date in Shanghai: not yet overdue
  await scheduler.runOnce();
  await eventually(async () => expect((await mine(requestDueSoon.type)).map((p) => p.workingDaysLeft)).toEqual([5, 1]));
  expect(await mine(requestOverdue.type)).toEqual([]);
  expect([await gauge('govdisc_disclosure_requests_overdue'), await gauge('govdisc_disclosure_requests_open')]).toEqual([0, 1]);

  h.setNow('2026-03-16T16:00:00Z'); // 00:00 on 03-17 in Shanghai
  await scheduler.runOnce();
  expect(await gauge('govdisc_disclosure_requests_overdue')).toBe(1);
  await scheduler.runOnce();
  await eventually(async () =>
    expect(await mine(requestOverdue.type)).toEqual([expect.objectContaining({ dueDate: '2026-03-16', overdueSince: '2026-03-17' })]),
  );
});

test('an unanswered 补正 closes itself after the deadline (system) and emits closed', async () => {
  h.setNow('2026-04-28T02:00:00Z');
  const { request } = await submit.execute(newRequest({ n: 22, channel: 'IN_PERSON', receivedOn: '2026-04-28' }), gio);
  await run(request.requestNumber, { type: 'REQUEST_SUPPLEMENT', items: ['文号'] });
  h.setNow('2026-05-20T02:00:00Z'); // deadline 2026-05-21 (15 WD from 04-28)
  await scheduler.runOnce();
  expect((await queries.track(request.trackingCode)).status).toBe('AWAITING_SUPPLEMENT');
  h.setNow('2026-05-22T02:00:00Z');
  await scheduler.runOnce();
  const view = await queries.track(request.trackingCode);
  expect(view).toMatchObject({ status: 'CLOSED', outcome: 'ABANDONED_NO_SUPPLEMENT' });
  expect(view.timeline.at(-1)).toMatchObject({ actor: 'system:deadline-scheduler' });
  await eventually(async () =>
    expect((await streamEvents(h, requestClosed.type)).filter((p) => p.requestNumber === request.requestNumber)).toHaveLength(1),
  );
});

test('§11.8 after a calendar data update, open deadlines are recomputed and the old value kept in the timeline', async () => {
  const r = await assigned(23, '2026-06-01', 'finance');
  await queryRows(
    h.env.databaseUrl,
    "UPDATE disclosure.disclosure_request SET calendar_version = 'chinese-days@0.0.1', due_date = '2026-07-15' WHERE id = $1",
    [r.id],
  );
  await scheduler.runOnce();
  const [row] = await queryRows<{ due_date: string; calendar_version: string }>(
    h.env.databaseUrl,
    'SELECT due_date, calendar_version FROM disclosure.disclosure_request WHERE id = $1',
    [r.id],
  );
  expect(row!.due_date).toBe('2026-06-30'); // 06-19 端午 skipped
  expect(row!.calendar_version).toMatch(/^chinese-days@1\./);
  const view = await queries.track(r.trackingCode);
  expect(view.timeline.at(-1)).toMatchObject({
    action: 'DEADLINES_RECOMPUTED',
    details: expect.objectContaining({ previousDue: '2026-07-15', previousCalendar: 'chinese-days@0.0.1' }),
  });
});

test('staff queue: own department only, earliest due first, working days left, personal data masked', async () => {
  const a = await assigned(31, '2026-11-02', 'health'); // due 2026-11-30
  const b = await assigned(32, '2026-10-20', 'health'); // due 2026-11-17 (overdue on 11-27)
  await assigned(33, '2026-11-03', 'edu');
  h.setNow('2026-11-27T02:00:00Z');
  const page = await queries.queue({ actor: deptOfficer('health'), page: 1, pageSize: 20 });
  expect(page.items.map((i) => i.requestNumber)).toEqual([b.requestNumber, a.requestNumber]);
  expect(page.items[0]).toMatchObject({ dueDate: '2026-11-17', overdue: true, workingDaysLeft: -8, applicantName: '李*' });
  expect(page.items[1]).toMatchObject({ dueDate: '2026-11-30', overdue: false, workingDaysLeft: 1 });
  expect(JSON.stringify(page)).not.toContain('13800138000');
  await expect(queries.queue({ actor: citizen, page: 1, pageSize: 20 })).rejects.toMatchObject({ code: ErrorCode.DISCLOSURE_FORBIDDEN });
});
