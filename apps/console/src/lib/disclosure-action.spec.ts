import { actionFromForm } from './disclosure-action';

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
