import { ACTIONS_BY_STATUS, actionFromForm } from './disclosure-action';

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? '';

test('a reply takes the outcome, the text, one reason per line and the enclosures; empty optional fields stay out', () => {
  expect(
    actionFromForm(
      'REPLY',
      form({ outcome: 'PARTIAL', text: '部分公开。', reasons: '第3页涉及个人隐私\n\n 第5页属于内部事务 ', enclosures: '明细.pdf' }),
    ),
  ).toEqual({
    type: 'REPLY',
    outcome: 'PARTIAL',
    content: { text: '部分公开。', reasons: ['第3页涉及个人隐私', '第5页属于内部事务'], enclosures: ['明细.pdf'] },
  });
});

test('the day of the act goes along when given; an extension counts working days as a number', () => {
  expect(actionFromForm('EXTEND', form({ on: '2026-06-15', days: '10' }))).toEqual({ type: 'EXTEND', on: '2026-06-15', days: 10 });
  expect(actionFromForm('ACCEPT', form({ department: 'edu' }))).toEqual({ type: 'ACCEPT', department: 'edu' });
  expect(actionFromForm('REQUEST_SUPPLEMENT', form({ items: '请写明时间范围\n请写明文号' }))).toEqual({
    type: 'REQUEST_SUPPLEMENT',
    items: ['请写明时间范围', '请写明文号'],
  });
});

test('a fee notice carries its basis (pages only when charged by volume); a withdrawal its written statement', () => {
  expect(actionFromForm('ISSUE_FEE_NOTICE', form({ feeBasis: 'PER_VOLUME', pages: '120', noticeReceivedOn: '2026-06-16' }))).toEqual({
    type: 'ISSUE_FEE_NOTICE',
    basis: { type: 'PER_VOLUME', pages: 120 },
    noticeReceivedOn: '2026-06-16',
  });
  expect(actionFromForm('ISSUE_FEE_NOTICE', form({ feeBasis: 'PER_ITEM', pages: '9' }))).toEqual({
    type: 'ISSUE_FEE_NOTICE',
    basis: { type: 'PER_ITEM' },
  });
  expect(actionFromForm('WITHDRAW', form({ document: '申请人来电并书面撤回' }))).toEqual({
    type: 'WITHDRAW',
    document: '申请人来电并书面撤回',
  });
});

test('optional statutory details go along only when filled: override of an objection, agency-set due date, responsible agency', () => {
  expect(actionFromForm('END_CONSULTATION', form({ opinion: 'OBJECTION' }))).toEqual({ type: 'END_CONSULTATION', opinion: 'OBJECTION' });
  expect(
    actionFromForm('END_CONSULTATION', form({ opinion: 'OBJECTION', overrideReason: '涉及公共安全', thirdPartyNotifiedOn: '2026-06-10' })),
  ).toEqual({
    type: 'END_CONSULTATION',
    opinion: 'OBJECTION',
    publicInterestOverride: { reason: '涉及公共安全', thirdPartyNotifiedOn: '2026-06-10' },
  });
  expect(actionFromForm('ASSESS_REASONS', form({ reasonable: 'yes', customDueDate: '2026-09-01' }))).toEqual({
    type: 'ASSESS_REASONS',
    reasonable: true,
    customDueDate: '2026-09-01',
  });
  expect(
    actionFromForm(
      'REPLY',
      form({ outcome: 'NOT_OUR_RESPONSIBILITY', text: '不属于本机关负责公开。', agencyName: '江东市教育局', agencyContact: '0571-1234' }),
    ),
  ).toEqual({
    type: 'REPLY',
    outcome: 'NOT_OUR_RESPONSIBILITY',
    content: { text: '不属于本机关负责公开。', reasons: [], responsibleAgency: { name: '江东市教育局', contact: '0571-1234' } },
  });
});

test('every open state offers withdrawal; a fee notice only while the request is being handled', () => {
  for (const [status, steps] of Object.entries(ACTIONS_BY_STATUS)) {
    expect(steps.includes('WITHDRAW')).toBe(status !== 'REPLIED' && status !== 'CLOSED');
    expect(steps.includes('ISSUE_FEE_NOTICE')).toBe(status === 'IN_PROGRESS');
  }
});
