import { DisclosureOutcome } from '@govdisc/contracts';
import { TABLE3_ROW, isRefusal, legalBasisOf, missingReplyContent, remedyText } from './outcomes.js';

const content = { text: '答复正文', reasons: [] as string[] };

test('every outcome code maps to exactly one Table 3 row, partial disclosure only to r2 (§11.28)', () => {
  for (const o of DisclosureOutcome.options) expect(TABLE3_ROW[o]).toMatch(/^r\d/);
  expect(Object.entries(TABLE3_ROW).filter(([, row]) => row === 'r2').map(([o]) => o)).toEqual(['PARTIAL']);
});

test('refusals need reasons; already-public needs where to get it; not-ours needs the responsible agency', () => {
  expect(missingReplyContent('WITHHELD_THIRD_PARTY', content)).toEqual(['reasons']);
  expect(missingReplyContent('PARTIAL', { ...content, reasons: ['第三页涉及个人隐私'] })).toEqual([]);
  expect(missingReplyContent('ALREADY_PUBLIC', content)).toEqual(['whereToObtain']);
  expect(missingReplyContent('NOT_OUR_RESPONSIBILITY', content)).toEqual(['responsibleAgency']);
  expect(missingReplyContent('DISCLOSED', content)).toEqual([]);
});

test('§11.34 refusals state review-first; other outcomes state 60 days / 6 months and the review body', () => {
  const refusal = remedyText('WITHHELD_STATE_SECRET', '江东市人民政府');
  expect(refusal).toContain('应当先向江东市人民政府申请行政复议');
  expect(refusal).not.toContain('六个月');
  const other = remedyText('NOT_HELD', '江东市人民政府');
  expect(other).toContain('六十日内向江东市人民政府申请行政复议');
  expect(other).toContain('六个月内');
  expect(isRefusal('PARTIAL')).toBe(true);
  expect(isRefusal('NOT_HELD')).toBe(false);
});

test('each outcome has a legal basis', () => {
  for (const o of DisclosureOutcome.options) expect(legalBasisOf(o)).toContain('《');
});
