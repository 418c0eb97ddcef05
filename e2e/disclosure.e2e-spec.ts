import { eventually } from '@govdisc/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { bearer, tokenFor } from './auth.js';
import { type Stack, api, startStack } from './stack.js';

// One disclosure request through the statutory workflow over HTTP, every due date hand-computed
// from the official 2025–2026 calendar (spec §5.7, §12.3).
let stack: Stack;
let gio: Record<string, string>;
let officer: Record<string, string>;
let citizen: Record<string, string>;

beforeAll(async () => {
  stack = await startStack();
  gio = bearer(await tokenFor(stack.issuerUrl, 'gio1'));
  officer = bearer(await tokenFor(stack.issuerUrl, 'officer-edu')); // dept-officer, department "edu"
  citizen = bearer(await tokenFor(stack.issuerUrl, 'citizen1'));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const applicant = { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' };
const due = (view: { deadlines: Array<{ kind: string; date: string }> }, kind = 'REPLY_DUE') =>
  view.deadlines.find((d) => d.kind === kind)?.date;
const step = async (no: string, action: Record<string, unknown>, who = gio, status = 200) => {
  const res = await api(stack, 'POST', `/disclosure-requests/${no}/actions`, { action }, who);
  expect([res.status, res.json.code]).toEqual([status, status === 200 ? undefined : expect.any(String)]);
  return res.json;
};

async function eventsFor(requestNumber: string) {
  const jsm = await jetstreamManager(stack.nc);
  const info = await jsm.streams.info('DISCLOSURE_EVENTS');
  const out: Array<{ subject: string; payload: Record<string, unknown> }> = [];
  for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage('DISCLOSURE_EVENTS', { seq }).catch(() => null);
    const payload = m ? m.json<{ payload: Record<string, unknown> }>().payload : null;
    if (m && payload?.requestNumber === requestNumber) out.push({ subject: m.subject, payload });
  }
  return out;
}

test('submission → 补正 → supplement → third-party consultation → extension → reply, with events for the department', async () => {
  const submitted = await api(
    stack,
    'POST',
    '/disclosure-requests',
    { applicant, channel: 'IN_PERSON', receivedOn: '2026-04-28', description: '江东市2025年教育经费使用情况', deliveryForm: 'PAPER' },
    gio,
  );
  expect(submitted.status).toBe(201);
  const no = submitted.json.requestNumber as string;
  expect(due(submitted.json)).toBe('2026-05-28');
  expect(submitted.json.deadlines.find((d: { kind: string }) => d.kind === 'SUPPLEMENT_NOTICE_BY').date).toBe('2026-05-11'); // 05-09 Sat counts

  expect(
    due(await step(no, { type: 'REQUEST_SUPPLEMENT', on: '2026-05-08', items: ['请写明所需信息的时间范围'] }), 'SUPPLEMENT_DEADLINE'),
  ).toBe('2026-05-28');
  await step(no, { type: 'REQUEST_SUPPLEMENT', on: '2026-05-08', items: ['再次补正'] }, gio, 409);
  expect(due(await step(no, { type: 'RECEIVE_SUPPLEMENT', on: '2026-05-11' }))).toBe('2026-06-08'); // full restart
  expect(due(await step(no, { type: 'ACCEPT', on: '2026-05-12', department: 'edu' }))).toBe('2026-06-08');

  const queue = await api(stack, 'GET', '/disclosure-requests', undefined, officer);
  expect(queue.status).toBe(200);
  expect(queue.json.items).toEqual([
    expect.objectContaining({ requestNumber: no, dueDate: '2026-06-08', overdue: true, applicantName: '王**' }),
  ]);
  expect((await api(stack, 'GET', '/disclosure-requests', undefined, citizen)).status).toBe(403);

  const consulting = await step(
    no,
    { type: 'START_CONSULTATION', on: '2026-05-15', letterReceivedOn: '2026-05-18', party: 'THIRD_PARTY', partyName: '某培训公司' },
    officer,
  );
  expect(due(consulting, 'CONSULTATION_DUE')).toBe('2026-06-08');
  await step(no, { type: 'REPLY', outcome: 'DISCLOSED', content: { text: '予以公开' } }, gio, 409);
  expect(due(await step(no, { type: 'END_CONSULTATION', on: '2026-05-29', opinion: 'CONSENT' }, officer))).toBe('2026-06-23'); // 10 WD paused, 06-19 端午
  await step(no, { type: 'EXTEND', on: '2026-06-15', days: 21, applicantNotifiedOn: '2026-06-15' }, gio, 409);
  await step(no, { type: 'EXTEND', on: '2026-06-15', days: 10, approvedBy: '办公室主任', applicantNotifiedOn: '2026-06-15' }, gio, 422); // the approver is the acting account
  expect(due(await step(no, { type: 'EXTEND', on: '2026-06-15', days: 10, applicantNotifiedOn: '2026-06-15' }))).toBe('2026-07-07');
  await step(no, { type: 'EXTEND', on: '2026-06-16', days: 10, applicantNotifiedOn: '2026-06-16' }, officer, 403);

  const replied = await step(no, {
    type: 'REPLY',
    on: '2026-07-06',
    outcome: 'PARTIAL',
    content: {
      text: '部分公开：可公开部分见随答复提供的文件。',
      reasons: ['第3页涉及个人隐私'],
      enclosures: ['教育经费明细（删除第3页）.pdf'],
    },
  });
  expect(replied).toMatchObject({ status: 'REPLIED', outcome: 'PARTIAL' });
  expect(replied.reply.remedy).toContain('申请行政复议');

  const tracked = await api(stack, 'GET', `/disclosure-requests/track/${submitted.json.trackingCode}`);
  expect(tracked.status).toBe(200);
  expect(tracked.json.applicant).toMatchObject({ idNumber: '11010519491231002X', masked: false });
  expect(tracked.json.timeline.map((t: { action: string }) => t.action)).toEqual([
    'REGISTERED',
    'REQUEST_SUPPLEMENT',
    'RECEIVE_SUPPLEMENT',
    'ACCEPT',
    'START_CONSULTATION',
    'END_CONSULTATION',
    'EXTEND',
    'REPLY',
  ]);

  // The department's events, and (since issue 14) the applicant's: each step they must hear about.
  const events = await eventually(async () => {
    const e = await eventsFor(no);
    expect(e.map((x) => x.subject.replace('disclosure.request.', '')).sort()).toEqual(
      ['accepted', 'assigned', 'consultation-requested', 'extended', 'replied', 'submitted', 'supplement-requested'].sort(),
    );
    return e;
  });
  const payloadOf = (type: string) => events.find((x) => x.subject === `disclosure.request.${type}`)!.payload;
  expect(payloadOf('assigned')).toMatchObject({ department: 'edu', dueDate: '2026-06-08' });
  expect(payloadOf('assigned')).not.toHaveProperty('applicant'); // department events carry no personal data
  // 征求意见 tells the department who is consulted by kind only: a third party may be a person.
  expect(payloadOf('consultation-requested')).toMatchObject({ department: 'edu', party: 'THIRD_PARTY' });
  expect(JSON.stringify(payloadOf('consultation-requested'))).not.toMatch(/partyName|applicant|某培训公司/);
  expect(payloadOf('replied')).toMatchObject({ outcome: 'PARTIAL', replyDate: '2026-07-06', onTime: true });
  // Registered on paper by staff: the applicant is reached by the contact they gave, never through the staff account.
  expect(payloadOf('submitted')).toMatchObject({ applicant: { sub: null, email: null } });
});

test('bad input always yields a 4xx with a stable code', async () => {
  const badId = await api(stack, 'POST', '/disclosure-requests', {
    applicant: { ...applicant, idNumber: '110105194912310021' },
    description: '某文件',
    deliveryForm: 'EMAIL',
  });
  expect(badId.status).toBe(400);
  expect(badId.json.details.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'applicant.idNumber', message: expect.stringContaining('校验位') })]),
  );
  const missing = await api(stack, 'POST', '/disclosure-requests', { applicant: { ...applicant, phone: undefined } });
  expect(missing.status).toBe(400);
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]).toString('base64');
  const forbidden = await api(stack, 'POST', '/disclosure-requests', {
    applicant,
    description: '某文件的内容',
    deliveryForm: 'EMAIL',
    attachments: [{ fileName: 'a.pdf', contentBase64: exe }],
  });
  expect([forbidden.status, forbidden.json.code]).toEqual([415, 'DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN']);
  expect((await api(stack, 'GET', '/disclosure-requests/2026-999999', undefined, gio)).json.code).toBe('DISCLOSURE_REQUEST_NOT_FOUND');
  expect((await api(stack, 'GET', '/disclosure-requests/track/ZZZZZZZZZZZZ')).status).toBe(404);
});

test('over HTTP: unknown departments are 422; foreign and unknown requests answer alike; withdrawal by code needs the second factor', async () => {
  const agency = '江东市人力资源和社会保障局'; // not the agency the Table 3 test counts
  const registered = await api(
    stack,
    'POST',
    '/disclosure-requests',
    { applicant, agency, channel: 'IN_PERSON', description: '2026年社会保险基金收支情况', deliveryForm: 'EMAIL' },
    gio,
  );
  expect(registered.status).toBe(201);
  const no = registered.json.requestNumber as string;
  const hr = await api(stack, 'POST', `/disclosure-requests/${no}/actions`, { action: { type: 'ACCEPT', department: 'hr' } }, gio);
  expect([hr.status, hr.json.code, hr.json.message]).toEqual([422, 'DISCLOSURE_DEPARTMENT_UNKNOWN', expect.stringContaining('hrss（')]);
  await step(no, { type: 'ACCEPT', department: 'hrss' });

  const shape = (r: { status: number; json: Record<string, unknown> }) => ({
    status: r.status,
    keys: Object.keys(r.json).sort(),
    code: r.json.code,
    message: r.json.message,
    details: r.json.details,
  });
  const unknownNo = `${no.slice(0, 4)}-999998`;
  const foreign = shape(await api(stack, 'GET', `/disclosure-requests/${no}`, undefined, officer)); // officer-edu, request in hrss
  expect(foreign).toMatchObject({ status: 404, code: 'DISCLOSURE_REQUEST_NOT_FOUND' });
  expect(shape(await api(stack, 'GET', `/disclosure-requests/${unknownNo}`, undefined, officer))).toEqual(foreign);
  const consult = (n: string) =>
    api(
      stack,
      'POST',
      `/disclosure-requests/${n}/actions`,
      { action: { type: 'START_CONSULTATION', party: 'THIRD_PARTY', partyName: '某公司' } },
      officer,
    );
  expect(shape(await consult(no))).toEqual(shape(await consult(unknownNo)));

  const withdraw = (code: string, extra: Record<string, unknown>) =>
    api(stack, 'POST', `/disclosure-requests/track/${code}/withdraw`, { document: '不再需要', ...extra });
  const unknownCode = shape(await withdraw('ZZZZZZZZZZZZ', { contactLast4: '5678' }));
  expect(unknownCode.status).toBe(404);
  expect(shape(await withdraw(registered.json.trackingCode, {}))).toEqual(unknownCode);
  expect(shape(await withdraw(registered.json.trackingCode, { contactLast4: '0000' }))).toEqual(unknownCode);
  const withdrawn = await withdraw(registered.json.trackingCode, { contactLast4: '5678' }); // phone 13912345678
  expect([withdrawn.status, withdrawn.json.status, withdrawn.json.reply.text]).toEqual([200, 'CLOSED', expect.stringContaining('撤回')]);
});

test('public calendar: 2025–2026 worked examples', async () => {
  for (const [from, days, date] of [
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-12-10', 20, '2026-01-08'],
    ['2026-02-10', 20, '2026-03-16'],
  ] as const) {
    const res = await api(stack, 'GET', `/calendar/working-days/add?from=${from}&days=${days}`);
    expect(res.json).toEqual({ date, provisional: false });
  }
  expect((await api(stack, 'GET', '/calendar/working-days/add?from=2026-12-15&days=20')).json).toEqual({
    date: '2027-01-12',
    provisional: true,
  });
});

test('Table 3 as CSV for the GIO only', async () => {
  const csv = await fetch(
    `${stack.gatewayUrl}/api/v1/disclosure-reports/table3.csv?year=2026&agency=${encodeURIComponent('江东市人民政府办公室')}`,
    { headers: gio },
  );
  expect(csv.status).toBe(200);
  const lines = (await csv.text()).split('\n');
  expect(lines[1]).toBe('一、本年新收政府信息公开申请数量,1,0,0,0,0,0,1');
  expect((await api(stack, 'GET', '/disclosure-reports/table3?year=2026&agency=x', undefined, officer)).status).toBe(403);
});

test('reply-deadline report per department through the gateway: on time, late, open overdue; scoped, validated', async () => {
  const register = async (receivedOn: string, description: string) => {
    const res = await api(
      stack,
      'POST',
      '/disclosure-requests',
      { applicant, channel: 'IN_PERSON', receivedOn, description, deliveryForm: 'PAPER' },
      gio,
    );
    expect(res.status).toBe(201);
    return res.json.requestNumber as string;
  };
  const reply = (on: string) => ({
    type: 'REPLY',
    on,
    outcome: 'DISCLOSED',
    content: { text: '经审查，现将您申请的信息提供如下。', reasons: [], enclosures: ['答复附件.pdf'] },
  });
  // received 03-02: due 03-30 (20 WD); one answered on 03-20 (14 WD), one on 04-10 (28 WD, Qingming skipped)
  const onTime = await register('2026-03-02', '江东市2025年保障性住房分配名单（按期）');
  await step(onTime, { type: 'ACCEPT', on: '2026-03-03', department: 'housing' });
  await step(onTime, reply('2026-03-20'));
  const late = await register('2026-03-02', '江东市2025年保障性住房分配名单（逾期）');
  await step(late, { type: 'ACCEPT', on: '2026-03-03', department: 'housing' });
  await step(late, reply('2026-04-10'));
  // received after the range, still open and long past its June due date
  const open = await register('2026-05-06', '江东市2025年保障性住房建设资金（在办）');
  await step(open, { type: 'ACCEPT', on: '2026-05-07', department: 'housing' });

  const res = await api(stack, 'GET', '/disclosure-reports/sla?from=2026-03-01&to=2026-04-30', undefined, gio);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ from: '2026-03-01', to: '2026-04-30' });
  expect(res.json.rows.find((r: { department: string | null }) => r.department === 'housing')).toEqual({
    department: 'housing',
    assigned: 2,
    replied: 2,
    onTime: 1,
    late: 1,
    extended: 0,
    medianWorkingDays: 21,
    openNow: 1,
    overdueNow: 1,
  });
  // a department officer gets their own department only
  const mine = await api(stack, 'GET', '/disclosure-reports/sla?from=2026-01-01&to=2026-07-31', undefined, officer);
  expect(mine.status).toBe(200);
  expect(mine.json.rows.map((r: { department: string | null }) => r.department)).toEqual(['edu']);
  expect((await api(stack, 'GET', '/disclosure-reports/sla', undefined, citizen)).status).toBe(403);
  for (const query of ['from=2026-05-02&to=2026-05-01', 'from=2022-01-01&to=2026-01-02']) {
    const bad = await api(stack, 'GET', `/disclosure-reports/sla?${query}`, undefined, gio);
    expect([bad.status, bad.json.code]).toEqual([400, 'DISCLOSURE_REPORT_RANGE_INVALID']);
  }
  const malformed = await api(stack, 'GET', '/disclosure-reports/sla?from=2026-13-01', undefined, gio);
  expect([malformed.status, malformed.json.code]).toEqual([400, 'VALIDATION_FAILED']);
});
