import { type DisclosureAction, ErrorCode } from '@govdisc/contracts';
import { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { SlaReportUseCase } from '../../src/request/sla-report.usecase.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { citizen, deptOfficer, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

let h: Harness;
const ctx = { source: 'test', correlationId: 'sla' };

async function seed(n: number, receivedOn: string, then: DisclosureAction[] = []) {
  const { request } = await h.app.get(SubmitRequestUseCase).execute(newRequest({ n, channel: 'IN_PERSON', receivedOn }), gio);
  for (const action of then)
    await h.app.get(ActOnRequestUseCase).execute({ requestNumber: request.requestNumber, action, actor: gio, ctx });
}
const accept = (department: string, on: string): DisclosureAction => ({ type: 'ACCEPT', on, department });
const reply = (on: string): DisclosureAction => ({
  type: 'REPLY',
  on,
  outcome: 'DISCLOSED',
  content: { text: '经审查，现将您申请的信息提供如下。', reasons: [], enclosures: ['答复附件.pdf'] },
});
const report = (q: { from?: string; to?: string }, actor = gio) => h.app.get(SlaReportUseCase).execute(q, actor);

beforeAll(async () => {
  h = await startHarness('disclosure-sla');
  h.setNow('2026-06-15T02:00:00Z'); // Monday 2026-06-15 in Shanghai
  // finance: received 03-02, reply due 03-30 (20 WD, spec §5.7)
  await seed(1, '2026-03-02', [accept('finance', '2026-03-03'), reply('2026-03-30')]); // on time: on the due date itself
  await seed(2, '2026-03-02', [accept('finance', '2026-03-03'), reply('2026-04-10')]); // late
  // extended by 10 WD on 03-20 (due 04-14): the reply on 04-13 is on time only because the extension counts
  await seed(3, '2026-03-02', [
    accept('finance', '2026-03-03'),
    { type: 'EXTEND', on: '2026-03-20', days: 10, applicantNotifiedOn: '2026-03-20' },
    reply('2026-04-13'),
  ]);
  await seed(4, '2026-05-06', [accept('finance', '2026-05-07')]); // open, due early June: overdue now
  await seed(5, '2026-06-01', [accept('finance', '2026-06-01')]); // open, due in July
  // edu: received before the range, replied in it (counts as a reply, not as assigned); one reply before the range
  await seed(6, '2025-12-15', [accept('edu', '2025-12-16'), reply('2026-01-09')]);
  await seed(7, '2025-11-03', [accept('edu', '2025-11-04'), reply('2025-12-01')]);
  // not yet assigned to a department: open, clock running, not overdue
  await seed(8, '2026-06-10');
}, 120_000);
afterAll(() => stopHarness(h));

test('per department: received, replied on time / late with extensions counted, median working days, open and overdue now', async () => {
  const calendar = h.app.get(WorkingDayCalendar);
  expect(calendar.add('2026-03-02', 20).date).toBe('2026-03-30');
  expect(calendar.add('2026-03-02', 30).date).toBe('2026-04-14');
  const r = await report({ from: '2026-01-01', to: '2026-06-15' });
  expect({ from: r.from, to: r.to, today: r.today }).toEqual({ from: '2026-01-01', to: '2026-06-15', today: '2026-06-15' });
  const finance = r.rows.find((x) => x.department === 'finance');
  const edu = r.rows.find((x) => x.department === 'edu');
  const unassigned = r.rows.find((x) => x.department === null);
  expect(r.rows).toHaveLength(3);
  expect(finance).toEqual({
    department: 'finance',
    assigned: 5,
    replied: 3,
    onTime: 2,
    late: 1,
    extended: 1,
    // replies after 20, 28 and 29 working days (Qingming 04-04..06 skipped): the middle one is the late reply's
    medianWorkingDays: 28,
    openNow: 2,
    overdueNow: 1,
  });
  // the independent TypeScript calendar agrees with the SQL count (12-15 → 01-09 crosses New Year, 01-01 a holiday)
  expect(calendar.countBetween('2026-03-02', '2026-04-10')).toBe(28);
  expect(edu).toEqual({
    department: 'edu',
    assigned: 0,
    replied: 1,
    onTime: 1,
    late: 0,
    extended: 0,
    medianWorkingDays: calendar.countBetween('2025-12-15', '2026-01-09'),
    openNow: 0,
    overdueNow: 0,
  });
  expect(edu?.medianWorkingDays).toBe(18);
  expect(unassigned).toMatchObject({ assigned: 1, replied: 0, medianWorkingDays: null, openNow: 1, overdueNow: 0 });
});

test('the default range is the last 12 months up to today; a wider range counts the earlier reply and receipts too', async () => {
  const r = await report({});
  expect({ from: r.from, to: r.to }).toEqual({ from: '2025-06-16', to: '2026-06-15' });
  expect(r.rows.find((x) => x.department === 'edu')).toMatchObject({ assigned: 2, replied: 2, onTime: 2 });
});

test('a department officer sees their own department only', async () => {
  const r = await report({ from: '2026-01-01', to: '2026-06-15' }, deptOfficer('edu'));
  expect(r.rows.map((x) => x.department)).toEqual(['edu']);
});

test('bad ranges and callers are refused with stable codes', async () => {
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    );
  expect(await code(report({ from: '2026-06-02', to: '2026-06-01' }))).toBe(ErrorCode.DISCLOSURE_REPORT_RANGE_INVALID);
  expect(await code(report({ from: '2023-06-14', to: '2026-06-15' }))).toBe(ErrorCode.DISCLOSURE_REPORT_RANGE_INVALID);
  expect(await code(report({ from: '2023-06-15', to: '2026-06-15' }))).toBe('ok');
  expect(await code(report({ from: '2026-06-01', to: '2026-06-01' }))).toBe('ok');
  expect(await code(report({}, citizen))).toBe(ErrorCode.DISCLOSURE_FORBIDDEN);
});
