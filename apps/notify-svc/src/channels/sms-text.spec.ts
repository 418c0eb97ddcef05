import { fitSms } from './sms-text.js';

test('an SMS longer than ten parts (670 characters with its title) is cut with "…"; a short one is kept', () => {
  expect(fitSms('标题', '短信正文')).toBe('短信正文');
  const cut = fitSms('标'.repeat(20), '长'.repeat(700));
  expect(cut).toHaveLength(670 - 21);
  expect(cut.endsWith('…')).toBe(true);
  expect(`${'标'.repeat(20)}\n${cut}`).toHaveLength(670);
});
