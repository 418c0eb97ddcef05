import { ANONYMOUS, type Actor, type DisclosureAction, type DomainError, ErrorCode } from '@govdisc/contracts';
import { queryRows } from '@govdisc/testing';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { DeadlineScheduler } from '../../src/request/deadline-scheduler.service.js';
import { RequestQueries } from '../../src/request/request-queries.service.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { Table3UseCase } from '../../src/request/table3.usecase.js';
import { citizen, deptOfficer, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

// Issue 19 (statutory audit, §11 edge cases) and issue 11.6 / 11.7 / 11.14: each case failed on c42759a.
let h: Harness;
let submit: SubmitRequestUseCase;
let act: ActOnRequestUseCase;
let queries: RequestQueries;
let scheduler: DeadlineScheduler;
const ctx = { source: 'test', correlationId: 'audit' };
const run = (requestNumber: string, action: DisclosureAction, actor: Actor = gio) => act.execute({ requestNumber, action, actor, ctx });
const citizenB: Actor = { sub: 'citizen-2', roles: ['citizen'] };
const disclosed = {
  text: '经审查，您申请的信息予以公开，详见随答复提供的文件。',
  reasons: [],
  enclosures: ['2025年度财政预算执行情况.pdf'],
};

beforeAll(async () => {
  h = await startHarness('disclosure-audit');
  submit = h.app.get(SubmitRequestUseCase);
  act = h.app.get(ActOnRequestUseCase);
  queries = h.app.get(RequestQueries);
  scheduler = h.app.get(DeadlineScheduler);
});
afterAll(() => stopHarness(h));

const today = (day: string) => h.setNow(`${day}T02:00:00Z`);
const rowOf = async (requestNumber: string) =>
  (
    await queryRows<Record<string, unknown>>(h.env.databaseUrl, 'SELECT * FROM disclosure.disclosure_request WHERE request_number = $1', [
      requestNumber,
    ])
  )[0];

/** A request registered in person on `receivedOn` (today), optionally accepted into `department`. */
async function registered(n: number, receivedOn: string, department?: string, over: Parameters<typeof newRequest>[0] = {}) {
  today(receivedOn);
  const { request } = await submit.execute(newRequest({ n, channel: 'IN_PERSON', receivedOn, ...over }), gio);
  if (department) await run(request.requestNumber, { type: 'ACCEPT', on: receivedOn, department });
  return request;
}

describe('fees (§7)', () => {
  test('19.1 after payment a second fee notice is refused and the scheduler never closes the paid request', async () => {
    const r = await registered(101, '2026-06-01', 'finance');
    today('2026-06-02');
    expect((await run(r.requestNumber, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_VOLUME', pages: 2_219 } })).feeAmount).toBe(83_460);
    today('2026-06-05');
    await run(r.requestNumber, { type: 'CONFIRM_PAYMENT', receiptNumber: 'R-2026-0001' });
    today('2026-06-08');
    await expect(run(r.requestNumber, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_ITEM' } })).rejects.toMatchObject({
      code: ErrorCode.DISCLOSURE_FEE_ALREADY_NOTIFIED,
    });
    today('2026-08-03'); // long after any pay-by date
    await scheduler.runOnce();
    expect(await rowOf(r.requestNumber)).toMatchObject({
      status: 'IN_PROGRESS',
      fee_paid: true,
      fee_amount: 83_460,
      fee_basis: 'PER_VOLUME',
      outcome: null,
    });
  });

  test('19.2 a fee of 0 元 (first request of the month, per item) is no notice: refused, no pause, no closure', async () => {
    const r = await registered(102, '2026-06-01', 'finance');
    today('2026-06-02');
    await expect(run(r.requestNumber, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_ITEM' } })).rejects.toMatchObject({
      code: ErrorCode.DISCLOSURE_FEE_NOT_CHARGEABLE,
    });
    expect(await rowOf(r.requestNumber)).toMatchObject({
      status: 'IN_PROGRESS',
      fee_basis: null,
      pause_from: null,
      due_date: '2026-06-30',
    });
  });

  test('19.2 a request left AWAITING_FEE with 0 元 by the old code is never closed as unpaid by the scheduler', async () => {
    const r = await registered(108, '2026-06-01', 'finance');
    await queryRows(
      h.env.databaseUrl,
      "UPDATE disclosure.disclosure_request SET status = 'AWAITING_FEE', fee_basis = 'PER_ITEM', fee_amount = 0, fee_pay_by = '2026-06-29', pause_from = '2026-06-01' WHERE id = $1",
      [r.id],
    );
    today('2026-07-15');
    await expect(scheduler.runOnce()).resolves.toEqual(expect.any(Number));
    expect(await rowOf(r.requestNumber)).toMatchObject({ status: 'AWAITING_FEE', outcome: null });
  });
});

describe('duplicates and repeats (§3.2, Art. 36(6)) within one account (11.6)', () => {
  test('19.3 resubmitting after a withdrawal is a new request, not a duplicate of the withdrawn one', async () => {
    today('2026-07-01');
    const first = await submit.execute(newRequest({ n: 103 }), citizen);
    await act.withdrawByApplicant({ trackingCode: first.request.trackingCode, document: '填错了接收方式', actor: citizen, ctx });
    h.setNow('2026-07-01T02:20:00Z');
    const again = await submit.execute(newRequest({ n: 103 }), citizen);
    expect(again.duplicateOf).toBeNull();
    expect(again.request).toMatchObject({ status: 'SUBMITTED', duplicateOfId: null });
  });

  test('19.5 asking again within the hour for information already answered is a new request flagged as a possible repeat, answered REPEAT and counted in r5_2', async () => {
    const agency = '江东市审计局';
    today('2026-07-02');
    const first = await submit.execute(newRequest({ n: 104, agency }), citizen);
    await run(first.request.requestNumber, { type: 'CONFIRM_RECEIPT' });
    await run(first.request.requestNumber, { type: 'REPLY', outcome: 'DISCLOSED', content: disclosed });
    h.setNow('2026-07-02T02:10:00Z');
    const again = await submit.execute(newRequest({ n: 104, agency }), citizen);
    expect(again.duplicateOf).toBeNull();
    expect((await queries.track(again.request.trackingCode)).timeline[0]!.details).toMatchObject({
      possibleRepeatOf: first.request.requestNumber,
    });
    await run(again.request.requestNumber, { type: 'CONFIRM_RECEIPT' });
    const repeat = await run(again.request.requestNumber, {
      type: 'REPLY',
      outcome: 'REPEAT',
      content: { text: '您的申请属于重复申请，本机关不再重复处理。', reasons: [] },
    });
    expect(repeat.reply).toMatchObject({ outcome: 'REPEAT', remedy: expect.stringContaining('行政复议') });
    const report = await h.app.get(Table3UseCase).execute({ year: 2026, agency }, gio);
    expect(report.rows.find((r) => r.key === 'r5_2')!.values[6]).toBe(1);
    expect(report.rows.find((r) => r.key === 'new')!.values[6]).toBe(2);
  });

  test('11.6 a second account typing the same ID number and text is not closed as a duplicate and learns nothing about the first request', async () => {
    today('2026-07-03');
    const mine = await submit.execute(newRequest({ n: 105 }), citizen);
    h.setNow('2026-07-03T02:05:00Z');
    const stranger = await submit.execute(newRequest({ n: 105 }), citizenB);
    expect(stranger.duplicateOf).toBeNull();
    expect(stranger.request).toMatchObject({ status: 'SUBMITTED', duplicateOfId: null });
    const seen = await queries.track(stranger.request.trackingCode);
    expect(JSON.stringify(seen)).not.toContain(mine.request.requestNumber);
    expect((await queries.track(mine.request.trackingCode)).status).toBe('SUBMITTED');
  });

  test('11.6 anonymous submissions are never auto-closed as duplicates; the same account within the hour still is', async () => {
    today('2026-07-06');
    const a = await submit.execute(newRequest({ n: 106 }), ANONYMOUS);
    const b = await submit.execute(newRequest({ n: 106 }), ANONYMOUS);
    expect([a.duplicateOf, b.duplicateOf, b.request.status]).toEqual([null, null, 'SUBMITTED']);
    const own1 = await submit.execute(newRequest({ n: 107 }), citizen);
    const own2 = await submit.execute(newRequest({ n: 107 }), citizen);
    expect(own2.duplicateOf?.requestNumber).toBe(own1.request.requestNumber);
  });
});

describe('closing acts carry a written notice (19.4, §6, §8)', () => {
  const closings: Array<[string, (no: string) => Promise<unknown>, string]> = [
    [
      'ABANDON_NO_SUPPLEMENT',
      async (no) => {
        await run(no, { type: 'REQUEST_SUPPLEMENT', items: ['请写明文件的文号'] });
        today('2026-09-01');
        await scheduler.runOnce();
      },
      '逾期未补正',
    ],
    [
      'CLOSE_FEE_UNPAID',
      async (no) => {
        await run(no, { type: 'ACCEPT', department: 'finance' });
        await run(no, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_VOLUME', pages: 101 } });
        today('2026-09-01');
        await scheduler.runOnce();
      },
      '720元',
    ],
    ['WITHDRAW', (no) => run(no, { type: 'WITHDRAW', document: '已通过其他途径获得' }), '撤回'],
  ];
  test.each(closings.map((c, i) => [...c, i] as const))(
    '%s leaves a closing notice with reasons, legal basis and remedies',
    async (_name, close, phrase, i) => {
      const r = await registered(110 + i, '2026-07-20');
      await close(r.requestNumber);
      const view = await queries.track(r.trackingCode);
      expect(view.status).toBe('CLOSED');
      expect(view.reply).toMatchObject({
        outcome: view.outcome,
        text: expect.stringContaining(phrase),
        reasons: [expect.stringContaining(phrase)],
        legalBasis: expect.any(String),
        remedy: expect.stringMatching(/行政复议[\s\S]*行政诉讼/),
        replyDate: expect.any(String),
      });
    },
  );
});

test('19.6 SPECIAL_QUERY_REGIME is counted as 不予公开 (三(三)8), so its reply states review first, not a direct lawsuit', async () => {
  const r = await registered(120, '2026-08-03', 'market');
  const replied = await run(r.requestNumber, {
    type: 'REPLY',
    outcome: 'SPECIAL_QUERY_REGIME',
    content: { text: '您申请的企业登记信息属于行政查询事项。', reasons: [], properChannel: '市市场监督管理局登记窗口查询' },
  });
  expect((replied.reply as { remedy: string }).remedy).toContain('应当先向');
  expect((replied.reply as { remedy: string }).remedy).not.toContain('六个月');
});

describe('19.7 every date is on or after the event it answers and not after today; approvers are real staff accounts', () => {
  const cases: Array<[string, DisclosureAction[], DisclosureAction, ErrorCode]> = [
    [
      'extension notice dated after today',
      [],
      { type: 'EXTEND', on: '2026-08-12', days: 5, approvedBy: gio.sub, applicantNotifiedOn: '2026-08-20' },
      ErrorCode.DISCLOSURE_INVALID_DATE,
    ],
    [
      'extension notice dated before receipt',
      [],
      { type: 'EXTEND', on: '2026-08-12', days: 5, approvedBy: gio.sub, applicantNotifiedOn: '2026-08-03' },
      ErrorCode.DISCLOSURE_INVALID_DATE,
    ],
    [
      'approver named "x"',
      [],
      { type: 'EXTEND', on: '2026-08-12', days: 5, approvedBy: 'x', applicantNotifiedOn: '2026-08-12' },
      ErrorCode.DISCLOSURE_APPROVER_INVALID,
    ],
    [
      'consultation letter received before it was sent',
      [],
      { type: 'START_CONSULTATION', on: '2026-08-10', letterReceivedOn: '2026-08-07', party: 'THIRD_PARTY', partyName: '某公司' },
      ErrorCode.DISCLOSURE_INVALID_DATE,
    ],
    ['withdrawal dated before receipt', [], { type: 'WITHDRAW', on: '2026-08-03', document: '撤回' }, ErrorCode.DISCLOSURE_INVALID_DATE],
    [
      'supplement received before the 补正 notice',
      [{ type: 'REQUEST_SUPPLEMENT', on: '2026-08-07', items: ['文号'] }],
      { type: 'RECEIVE_SUPPLEMENT', on: '2026-08-06' },
      ErrorCode.DISCLOSURE_INVALID_DATE,
    ],
  ];
  test.each(cases.map((c, i) => [...c, i] as const))('%s → refused, nothing changes', async (_name, before, action, code, i) => {
    const r = await registered(130 + i, '2026-08-04', before.length ? undefined : 'finance');
    today('2026-08-12');
    for (const a of before) await run(r.requestNumber, a);
    const was = await rowOf(r.requestNumber);
    await expect(run(r.requestNumber, action)).rejects.toMatchObject({ code });
    expect(await rowOf(r.requestNumber)).toEqual(was);
  });

  test('the approval is recorded as the acting GIO account', async () => {
    const r = await registered(140, '2026-08-04', 'finance');
    today('2026-08-12');
    await run(r.requestNumber, { type: 'EXTEND', days: 5, applicantNotifiedOn: '2026-08-12' });
    const view = await queries.get(r.requestNumber, gio);
    expect(view.timeline.at(-1)).toMatchObject({
      action: 'EXTEND',
      actor: gio.sub,
      details: expect.objectContaining({ approvedBy: gio.sub, approverRoles: gio.roles }),
    });
  });
});

test('19.8 ACCEPT into an unknown department ("hr" for "hrss") → 422-class code naming the valid choices; the request stays unassigned', async () => {
  const r = await registered(141, '2026-08-04');
  const err = await run(r.requestNumber, { type: 'ACCEPT', department: 'hr' }).catch((e: DomainError) => e);
  expect(err).toMatchObject({
    code: ErrorCode.DISCLOSURE_DEPARTMENT_UNKNOWN,
    message: expect.stringContaining('hrss（市人力资源和社会保障局）'),
  });
  expect(await rowOf(r.requestNumber)).toMatchObject({ status: 'RECEIVED', department: null });
  expect((await run(r.requestNumber, { type: 'ACCEPT', department: 'hrss' })).department).toBe('hrss');
});

test('19.9 the queue never shows a paused request overdue; an overdue request on the weekend after its due date shows −1, not 0', async () => {
  const waiting = await registered(142, '2026-10-16', 'ecology');
  const late = await registered(143, '2026-10-16', 'ecology');
  const unclear = await registered(145, '2026-10-16');
  expect([waiting.dueDate, late.dueDate]).toEqual(['2026-11-13', '2026-11-13']);
  today('2026-10-20');
  await run(waiting.requestNumber, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_VOLUME', pages: 101 } });
  await run(unclear.requestNumber, { type: 'REQUEST_SUPPLEMENT', items: ['请写明所需信息的年份'] });
  h.setNow('2026-11-14T02:00:00Z'); // Saturday; both were due Friday 2026-11-13
  const page = await queries.queue({ actor: deptOfficer('ecology'), page: 1, pageSize: 20 });
  const item = (no: string) => page.items.find((i) => i.requestNumber === no);
  expect(item(late.requestNumber)).toMatchObject({ dueDate: '2026-11-13', overdue: true, workingDaysLeft: -1, paused: false });
  expect(item(waiting.requestNumber)).toMatchObject({ status: 'AWAITING_FEE', overdue: false, workingDaysLeft: null, paused: true });
  const all = await queries.queue({ actor: gio, status: 'AWAITING_SUPPLEMENT', page: 1, pageSize: 100 });
  expect(all.items.find((i) => i.requestNumber === unclear.requestNumber)).toMatchObject({
    overdue: false,
    workingDaysLeft: null,
    paused: true,
  });
  h.setNow('2026-11-17T02:00:00Z'); // Tuesday: 2 working days elapsed
  const later = await queries.queue({ actor: deptOfficer('ecology'), page: 1, pageSize: 20 });
  expect(later.items.find((i) => i.requestNumber === late.requestNumber)).toMatchObject({ workingDaysLeft: -2 });
});

test('19.10 DISCLOSED with the body "答复。" is refused with the missing content named; with the information attached it is accepted', async () => {
  const r = await registered(144, '2026-08-04', 'finance');
  const err = await run(r.requestNumber, { type: 'REPLY', outcome: 'DISCLOSED', content: { text: '答复。', reasons: [] } }).catch(
    (e: DomainError) => e,
  );
  expect(err).toMatchObject({
    code: ErrorCode.DISCLOSURE_REPLY_INCOMPLETE,
    details: { outcome: 'DISCLOSED', missing: ['text', 'information'] },
  });
  expect((err as DomainError).message).toContain('whereToObtain');
  expect((await rowOf(r.requestNumber))!.status).toBe('IN_PROGRESS');
  expect((await run(r.requestNumber, { type: 'REPLY', outcome: 'DISCLOSED', content: disclosed })).status).toBe('REPLIED');
});

describe('11.7 withdrawal by tracking code needs a second factor or the signed-in owner', () => {
  test('no factor, a wrong factor and an unknown code answer alike; the phone’s last four digits or the owner withdraw', async () => {
    today('2026-08-05');
    const { request } = await submit.execute(newRequest({ n: 150 }), citizen); // phone 13800138000
    const code = request.trackingCode;
    const failure = (q: Partial<Parameters<ActOnRequestUseCase['withdrawByApplicant']>[0]>) =>
      act.withdrawByApplicant({ trackingCode: code, document: '撤回', ctx, ...q }).then(
        () => 'withdrawn',
        (e: DomainError) => e.toBody(),
      );
    const unknown = await failure({ trackingCode: 'ZZZZZZZZZZZZ', contactLast4: '8000' });
    expect(unknown).toMatchObject({ code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND });
    expect(await failure({})).toEqual(unknown);
    expect(await failure({ contactLast4: '1234' })).toEqual(unknown);
    expect(await failure({ actor: citizenB })).toEqual(unknown);
    expect((await rowOf(request.requestNumber))!.status).toBe('SUBMITTED');
    expect(await failure({ contactLast4: '8000' })).toBe('withdrawn');

    const owned = await submit.execute(newRequest({ n: 151 }), citizen);
    expect(
      await act
        .withdrawByApplicant({ trackingCode: owned.request.trackingCode, document: '撤回', actor: citizen, ctx })
        .then((r) => r.status),
    ).toBe('CLOSED');
  });
});

describe('11.14 staff cannot tell which request numbers exist', () => {
  test('a request outside the officer’s department answers exactly like an unknown number (read and act); non-staff get 403 either way', async () => {
    const r = await registered(152, '2026-08-05', 'health');
    const body = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: DomainError) => e.toBody(),
      );
    const officer = deptOfficer('edu');
    const foreign = await body(queries.get(r.requestNumber, officer));
    expect(foreign).toMatchObject({ code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND });
    expect(await body(queries.get('2026-999999', officer))).toEqual(foreign);
    const action: DisclosureAction = { type: 'START_CONSULTATION', party: 'THIRD_PARTY', partyName: '某公司' };
    expect(await body(run(r.requestNumber, action, officer))).toEqual(foreign);
    expect(await body(run('2026-999999', action, officer))).toEqual(foreign);
    expect(await body(queries.get(r.requestNumber, citizen))).toEqual(await body(queries.get('2026-999999', citizen)));
    expect(await body(queries.get(r.requestNumber, citizen))).toMatchObject({ code: ErrorCode.DISCLOSURE_FORBIDDEN });
    expect(await body(queries.get(r.requestNumber, deptOfficer('health')))).toBe('ok');
  });
});

describe('ADR 0001 decisions', () => {
  test('(a) a 补正 notice after the reply due date is refused: the clock is not reset and the lateness stays visible', async () => {
    const r = await registered(160, '2026-06-01', 'finance'); // due 2026-06-30
    today('2026-07-02');
    await expect(run(r.requestNumber, { type: 'REQUEST_SUPPLEMENT', items: ['文号'] })).rejects.toMatchObject({
      code: ErrorCode.DISCLOSURE_SUPPLEMENT_AFTER_DUE,
    });
    expect(await rowOf(r.requestNumber)).toMatchObject({ status: 'IN_PROGRESS', due_date: '2026-06-30', supplement_requested: false });
    const page = await queries.queue({ actor: deptOfficer('finance'), page: 1, pageSize: 100 });
    expect(page.items.find((i) => i.requestNumber === r.requestNumber)).toMatchObject({ overdue: true });
  });

  test('(b) a letter dated in a closed year keeps its true deadlines but is counted in the year it is registered; the published year does not change', async () => {
    const agency = '江东市统计局';
    const t3 = async (year: number) =>
      (await h.app.get(Table3UseCase).execute({ year, agency }, gio)).rows.find((x) => x.key === 'new')!.values[6];
    today('2026-01-20'); // 2025 report not yet published (due 01-31): still counted in 2025
    await submit.execute(newRequest({ n: 170, agency, channel: 'LETTER_SIGNED', receivedOn: '2025-12-30' }), gio);
    expect([await t3(2025), await t3(2026)]).toEqual([1, 0]);
    today('2026-03-02');
    const late = await submit.execute(newRequest({ n: 171, agency, channel: 'LETTER_SIGNED', receivedOn: '2025-12-15' }), gio);
    expect(late.request).toMatchObject({
      clockStart: '2025-12-15',
      dueDate: '2026-01-13',
      firstReceiptDate: '2025-12-15',
      reportReceiptDate: '2026-03-02',
    });
    expect([await t3(2025), await t3(2026)]).toEqual([1, 1]);
    const replied = await run(late.request.requestNumber, {
      type: 'REPLY',
      on: '2026-03-02',
      outcome: 'NOT_HELD',
      content: { text: '经检索，本机关未制作或获取该信息。', reasons: [] },
    });
    expect(replied.finishedDate).toBe('2026-03-02');
  });
});
