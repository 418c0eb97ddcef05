import { type DisclosureAction, ErrorCode } from '@govdisc/contracts';
import { loadOfficialSchedule } from '../../calendar/official-schedule.js';
import { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import { DEFAULT_ASSUMPTIONS } from './assumptions.js';
import { replyDue } from './deadlines.js';
import type { RequestState, RuleContext } from './model.js';
import { applyAction } from './transitions.js';

const calendar = new WorkingDayCalendar(loadOfficialSchedule());
const gio = { sub: 'gio-1', roles: ['disclosure-officer'], department: 'office' };
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  today: '2026-11-27',
  actor: gio,
  calendar,
  assumptions: DEFAULT_ASSUMPTIONS,
  monthlyIndex: 1,
  ...over,
});
const state = (over: Partial<RequestState> = {}): RequestState => ({
  status: 'IN_PROGRESS',
  department: 'finance',
  submittedAt: new Date('2026-03-02T01:00:00Z'),
  firstReceiptDate: '2026-03-02',
  clockStart: '2026-03-02',
  extensionDays: 0,
  pausedDays: 0,
  pauseFrom: null,
  customDueDate: null,
  supplementRequested: false,
  supplementNoticeOn: null,
  supplementDeadline: null,
  consultationDue: null,
  feeBasis: null,
  feeAmount: null,
  feePayBy: null,
  feePaid: false,
  dueDate: null,
  outcome: null,
  reply: null,
  finishedDate: null,
  deadlines: [],
  ...over,
});
/** Applies a sequence of actions, returning the final state. */
function run(s: RequestState, actions: DisclosureAction[], c = ctx()): RequestState {
  return actions.reduce((acc, a) => {
    const t = applyAction(acc, a, c);
    return { ...acc, ...t.patch, status: t.to };
  }, s);
}
const due = (s: RequestState) => replyDue(s, calendar)?.date;

describe('guards', () => {
  test('wrong state → DISCLOSURE_INVALID_TRANSITION; wrong actor → DISCLOSURE_FORBIDDEN', () => {
    expect(() =>
      applyAction(state({ status: 'REPLIED' }), { type: 'EXTEND', days: 5, approvedBy: '主任', applicantNotifiedOn: '2026-03-05' }, ctx()),
    ).toThrow(expect.objectContaining({ code: ErrorCode.DISCLOSURE_INVALID_TRANSITION }));
    const citizen = { sub: 'c', roles: ['citizen'] };
    expect(() => applyAction(state(), { type: 'REQUEST_REASONS' }, ctx({ actor: citizen }))).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_FORBIDDEN }),
    );
  });

  test('a department officer may consult only for requests of their own department', () => {
    const action: DisclosureAction = { type: 'START_CONSULTATION', on: '2026-03-06', party: 'THIRD_PARTY', partyName: '某公司' };
    expect(applyAction(state(), action, ctx({ actor: { sub: 'd', roles: ['dept-officer'], department: 'finance' } })).to).toBe(
      'CONSULTING_THIRD_PARTY',
    );
    expect(() => applyAction(state(), action, ctx({ actor: { sub: 'd', roles: ['dept-officer'], department: 'health' } }))).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_FORBIDDEN }),
    );
  });
});

describe('补正 (§11.11–15)', () => {
  const received = state({ status: 'RECEIVED', clockStart: '2026-04-28', firstReceiptDate: '2026-04-28' });
  test('notice on WD 7 is on time, on WD 8 it is flagged late', () => {
    expect(applyAction(received, { type: 'REQUEST_SUPPLEMENT', on: '2026-05-11', items: ['文号'] }, ctx()).details.lateNotice).toBe(false);
    expect(applyAction(received, { type: 'REQUEST_SUPPLEMENT', on: '2026-05-12', items: ['文号'] }, ctx()).details.lateNotice).toBe(true);
  });

  test('the clock restarts in full from the supplement day; a second notice is blocked', () => {
    const s = run(received, [
      { type: 'REQUEST_SUPPLEMENT', on: '2026-05-06', items: ['请写明文号'] },
      { type: 'RECEIVE_SUPPLEMENT', on: '2026-05-11' },
    ]);
    expect(due(s)).toBe('2026-06-08');
    expect(() => applyAction(s, { type: 'REQUEST_SUPPLEMENT', items: ['再补'] }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED }),
    );
  });

  test('supplement at the deadline ok; after it only with a justified reason; missed → abandoned', () => {
    const waiting = run(received, [{ type: 'REQUEST_SUPPLEMENT', on: '2026-05-06', items: ['文号'] }]);
    expect(waiting.supplementDeadline).toBe(calendar.add('2026-05-06', DEFAULT_ASSUMPTIONS.supplementWindowWd).date);
    const deadline = waiting.supplementDeadline!;
    const after = calendar.add(deadline, 1).date;
    expect(applyAction(waiting, { type: 'RECEIVE_SUPPLEMENT', on: deadline }, ctx()).to).toBe('RECEIVED');
    expect(() => applyAction(waiting, { type: 'RECEIVE_SUPPLEMENT', on: after }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_SUPPLEMENT_LATE }),
    );
    expect(applyAction(waiting, { type: 'RECEIVE_SUPPLEMENT', on: after, justifiedReason: '住院' }, ctx()).details.late).toBe(true);
    expect(() => applyAction(waiting, { type: 'ABANDON_NO_SUPPLEMENT', on: deadline }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_INVALID_DATE }),
    );
    expect(applyAction(waiting, { type: 'ABANDON_NO_SUPPLEMENT', on: after }, ctx()).outcome).toBe('ABANDONED_NO_SUPPLEMENT');
  });

  test('still unclear after 补正 → STILL_UNCLEAR; without a 补正 round it is refused', () => {
    const reply: DisclosureAction = { type: 'REPLY', outcome: 'STILL_UNCLEAR', content: { text: '仍不明确', reasons: [] } };
    expect(() => applyAction(state(), reply, ctx())).toThrow(expect.objectContaining({ code: ErrorCode.DISCLOSURE_INVALID_TRANSITION }));
    expect(applyAction(state({ supplementRequested: true }), reply, ctx()).outcome).toBe('STILL_UNCLEAR');
  });
});

describe('extension and pauses (§11.16–22)', () => {
  const ok = { applicantNotifiedOn: '2026-09-15' };
  const sept = state({ clockStart: '2026-08-20', firstReceiptDate: '2026-08-20' });
  test('+20 over National Day 2026: 09-17 → 10-21; after the due date → rejected', () => {
    expect(due(sept)).toBe('2026-09-17');
    expect(due(run(sept, [{ type: 'EXTEND', on: '2026-09-15', days: 20, ...ok }]))).toBe('2026-10-21');
    expect(() => applyAction(sept, { type: 'EXTEND', on: '2026-09-18', days: 5, ...ok, applicantNotifiedOn: '2026-09-18' }, ctx())).toThrow(
      expect.objectContaining({
        code: ErrorCode.DISCLOSURE_EXTENSION_REJECTED,
        details: expect.objectContaining({ reason: 'AFTER_DUE_DATE' }),
      }),
    );
  });

  test.each([
    [{ days: 21, ...ok }, 'EXCEEDS_20_WORKING_DAYS'],
    [{ days: 5 }, 'APPLICANT_NOT_NOTIFIED'],
  ])('rejected extension %o → %s', (extra, reason) => {
    expect(() => applyAction(sept, { type: 'EXTEND', on: '2026-09-15', ...extra }, ctx())).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason }) }),
    );
  });

  test('19.7 the approver is the acting GIO account: a typed name that is not it → DISCLOSURE_APPROVER_INVALID; the timeline records the account', () => {
    expect(() => applyAction(sept, { type: 'EXTEND', on: '2026-09-15', days: 5, approvedBy: 'x', ...ok }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_APPROVER_INVALID }),
    );
    const t = applyAction(sept, { type: 'EXTEND', on: '2026-09-15', days: 5, approvedBy: 'gio-1', ...ok }, ctx());
    expect(t.details).toMatchObject({ approvedBy: 'gio-1', approverRoles: ['disclosure-officer'] });
  });

  test('two extensions totalling more than 20 WD → rejected', () => {
    const once = run(sept, [{ type: 'EXTEND', on: '2026-09-10', days: 15, ...ok, applicantNotifiedOn: '2026-09-10' }]);
    expect(() => applyAction(once, { type: 'EXTEND', on: '2026-09-15', days: 6, ...ok }, ctx())).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'EXCEEDS_20_WORKING_DAYS' }) }),
    );
  });

  test('third-party pause (§5.7): letter 03-06, opinion 03-20 → due 2026-04-14; TP due from its receipt', () => {
    const consulting = run(state(), [
      { type: 'START_CONSULTATION', on: '2026-03-06', letterReceivedOn: '2026-03-09', party: 'THIRD_PARTY', partyName: '某公司' },
    ]);
    expect(consulting.consultationDue).toBe('2026-03-30');
    expect(due(run(consulting, [{ type: 'END_CONSULTATION', on: '2026-03-20', opinion: 'CONSENT' }]))).toBe('2026-04-14');
  });

  test('third party never answers: pause ends with its window; silence before the window ends is refused', () => {
    const consulting = run(state(), [
      { type: 'START_CONSULTATION', on: '2026-03-06', letterReceivedOn: '2026-03-09', party: 'THIRD_PARTY', partyName: '某公司' },
    ]);
    expect(() => applyAction(consulting, { type: 'END_CONSULTATION', on: '2026-03-30', opinion: 'NO_REPLY' }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_INVALID_DATE }),
    );
    const resumed = run(consulting, [{ type: 'END_CONSULTATION', on: '2026-04-10', opinion: 'NO_REPLY' }]);
    expect(resumed.pausedDays).toBe(calendar.countBetween('2026-03-06', '2026-03-30'));
  });

  test('third party answers on day 15 of its window: accepted as a reply, the pause ends that day', () => {
    const consulting = run(state(), [
      { type: 'START_CONSULTATION', on: '2026-03-06', letterReceivedOn: '2026-03-09', party: 'THIRD_PARTY', partyName: '某公司' },
    ]);
    const t = applyAction(consulting, { type: 'END_CONSULTATION', on: '2026-03-30', opinion: 'OBJECTION' }, ctx());
    expect(t.details.effect).toBe('OBJECTION');
    expect(t.patch.pausedDays).toBe(calendar.countBetween('2026-03-06', '2026-03-30'));
  });

  test('Art. 34: agency silence = consent; objection with public-interest override is recorded', () => {
    const agency = run(state(), [{ type: 'START_CONSULTATION', on: '2026-03-06', party: 'AGENCY', partyName: '市财政局' }]);
    expect(applyAction(agency, { type: 'END_CONSULTATION', on: '2026-04-10', opinion: 'NO_REPLY' }, ctx()).details.effect).toBe(
      'CONSENT_BY_SILENCE',
    );
    const tp = run(state(), [{ type: 'START_CONSULTATION', on: '2026-03-06', party: 'THIRD_PARTY', partyName: '某公司' }]);
    const t = applyAction(
      tp,
      {
        type: 'END_CONSULTATION',
        on: '2026-03-12',
        opinion: 'OBJECTION',
        publicInterestOverride: { reason: '涉及公共安全', thirdPartyNotifiedOn: '2026-03-13' },
      },
      ctx(),
    );
    expect(t.details.effect).toBe('PUBLIC_INTEREST_OVERRIDE');
  });
});

describe('fees (§11.25–27)', () => {
  const s = state({ clockStart: '2026-01-05', firstReceiptDate: '2026-01-05' });
  test('payment on day 20 accepted, day 21 refused; notice after the period refused', () => {
    const waiting = run(s, [
      { type: 'ISSUE_FEE_NOTICE', on: '2026-01-30', noticeReceivedOn: '2026-01-31', basis: { type: 'PER_VOLUME', pages: 101 } },
    ]);
    expect(waiting).toMatchObject({ feePayBy: '2026-03-05', feeAmount: 720, status: 'AWAITING_FEE' });
    const paid = applyAction(waiting, { type: 'CONFIRM_PAYMENT', on: '2026-03-05', receiptNumber: 'R-1' }, ctx());
    expect(paid.patch.pausedDays).toBe(calendar.countBetween('2026-01-30', '2026-03-05'));
    expect(() => applyAction(waiting, { type: 'CONFIRM_PAYMENT', on: '2026-03-06', receiptNumber: 'R-1' }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_FEE_WINDOW_CLOSED }),
    );
    expect(applyAction(waiting, { type: 'CLOSE_FEE_UNPAID', on: '2026-03-06' }, ctx()).outcome).toBe('ABANDONED_FEE_UNPAID');
    expect(() => applyAction(s, { type: 'ISSUE_FEE_NOTICE', on: '2026-02-03', basis: { type: 'PER_ITEM' } }, ctx())).toThrow(
      expect.objectContaining({ code: ErrorCode.DISCLOSURE_FEE_NOTICE_TOO_LATE }),
    );
  });

  test('per-item fee uses the monthly index of the applicant', () => {
    const t = applyAction(s, { type: 'ISSUE_FEE_NOTICE', on: '2026-01-20', basis: { type: 'PER_ITEM' } }, ctx({ monthlyIndex: 31 }));
    expect(t.patch.feeAmount).toBe(200);
  });
});

describe('replies (§6, §8)', () => {
  test('a refusal without reasons is incomplete; with reasons it gets legal basis and review-first remedy', () => {
    const action = (reasons: string[]): DisclosureAction => ({
      type: 'REPLY',
      on: '2026-03-20',
      outcome: 'WITHHELD_THIRD_PARTY',
      content: { text: '不予公开', reasons },
    });
    expect(() => applyAction(state(), action([]), ctx())).toThrow(expect.objectContaining({ code: ErrorCode.DISCLOSURE_REPLY_INCOMPLETE }));
    const t = applyAction(state(), action(['涉及商业秘密']), ctx());
    expect(t).toMatchObject({ to: 'REPLIED', event: 'replied', details: { onTime: true } });
    expect((t.patch.reply as { remedy: string }).remedy).toContain('应当先向');
  });

  test('Art. 35: unreasonable reasons → REPLIED(EXCESSIVE_NO_REASON); reasonable → custom due date', () => {
    const waiting = run(state(), [{ type: 'REQUEST_REASONS', on: '2026-03-10' }]);
    expect(applyAction(waiting, { type: 'ASSESS_REASONS', on: '2026-03-12', reasonable: false }, ctx()).outcome).toBe(
      'EXCESSIVE_NO_REASON',
    );
    const custom = run(waiting, [{ type: 'ASSESS_REASONS', on: '2026-03-12', reasonable: true, customDueDate: '2026-06-30' }]);
    expect(due(custom)).toBe('2026-06-30');
  });
});
