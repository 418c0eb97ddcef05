import { type MessageContext, requestSubmitted, requestSupplementRequested } from '@govdisc/contracts';
import { checkTemplates, placeholdersOf, render, template } from './template-engine.js';
import { TEMPLATES } from './templates.js';

const ctx: MessageContext = { source: 'test', correlationId: 'c' };
const submitted = requestSubmitted.make(
  {
    requestNumber: '2026-000042',
    agency: '江东市人民政府',
    department: null,
    trackingCode: 'ABCD2345EFGH',
    submittedOn: '2026-06-01',
    receiptDate: null,
    applicant: { sub: 'u1', email: 'a@example.com' },
  },
  ctx,
);

test('every template of the platform matches its event schema', () => {
  expect(() => checkTemplates(TEMPLATES)).not.toThrow();
  expect(TEMPLATES.length).toBeGreaterThan(20);
});

test('every applicant notice exists for the inbox, email, SMS and WeChat', () => {
  const applicant = TEMPLATES.filter((t) => t.audience === 'applicant');
  const types = new Set(applicant.map((t) => t.event.type));
  for (const type of types) {
    expect(
      applicant
        .filter((t) => t.event.type === type)
        .map((t) => t.channel)
        .sort(),
    ).toEqual(['email', 'inbox', 'sms', 'wechat']);
  }
  expect([...types].sort()).toEqual(
    ['accepted', 'closed', 'extended', 'fee-notified', 'received', 'replied', 'submitted', 'supplement-requested', 'withdrawn']
      .map((s) => `disclosure.request.${s}`)
      .sort(),
  );
});

test('a variable the event lacks stops start-up with a message naming the template, the variable and the event', () => {
  const typo = template({
    event: requestSubmitted,
    audience: 'applicant',
    channel: 'email',
    title: '已收到 {{requestNumber}}',
    body: '查询码 {{trackingCod}}',
  });
  expect(() => checkTemplates([typo])).toThrow(
    'template "disclosure.request.submitted → applicant/email" uses {{trackingCod}}, which event disclosure.request.submitted (v1) does not have',
  );
  // An object is not printable; its leaves are.
  expect(() => checkTemplates([{ ...typo, body: '{{applicant}}' }])).toThrow(/\{\{applicant\}\}/);
  expect(() => checkTemplates([{ ...typo, body: '{{applicant.email}}' }])).not.toThrow();
  // A derived value is fine, and only under its own template.
  expect(() => checkTemplates([{ ...typo, body: '{{who}}', derived: { who: () => 'x' } }])).not.toThrow();
});

test('rendering fills fields, nested fields, lists and empty values', () => {
  const received = TEMPLATES.find((t) => t.event.type === requestSubmitted.type && t.channel === 'inbox')!;
  const text = render(received, submitted.payload);
  expect(text.title).toBe('已收到您的政府信息公开申请（2026-000042）');
  expect(text.body).toContain('查询码 ABCD2345EFGH');
  expect(placeholdersOf(text.title + text.body)).toEqual([]);
  const t = template({
    event: requestSupplementRequested,
    audience: 'applicant',
    channel: 'inbox',
    title: '{{department}}',
    body: '{{items}} / {{applicant.email}}',
  });
  expect(render(t, { items: ['文号', '日期'], department: null, applicant: { sub: null, email: 'x@example.com' } })).toEqual({
    title: '—',
    body: '文号；日期 / x@example.com',
  });
});
