import { DisclosureOutcome } from '@govdisc/contracts';
import { TABLE3_ROW, isRefusal, isReviewFirst, legalBasisOf, missingReplyContent, remedyText } from './outcomes.js';

const content = { text: '答复正文', reasons: [] as string[] };

test('every outcome code maps to exactly one Table 3 row, partial disclosure only to r2 (§11.28)', () => {
  for (const o of DisclosureOutcome.options) expect(TABLE3_ROW[o]).toMatch(/^r\d/);
  expect(
    Object.entries(TABLE3_ROW)
      .filter(([, row]) => row === 'r2')
      .map(([o]) => o),
  ).toEqual(['PARTIAL']);
});

test('refusals need reasons; already-public needs where to get it; not-ours needs the responsible agency', () => {
  expect(missingReplyContent('WITHHELD_THIRD_PARTY', content)).toEqual(['reasons']);
  expect(
    missingReplyContent('PARTIAL', {
      ...content,
      text: '部分公开，可公开部分见附件，第三页不予公开',
      reasons: ['第三页涉及个人隐私'],
      enclosures: ['预算表.pdf'],
    }),
  ).toEqual([]);
  expect(missingReplyContent('ALREADY_PUBLIC', content)).toEqual(['whereToObtain']);
  expect(missingReplyContent('NOT_OUR_RESPONSIBILITY', content)).toEqual(['responsibleAgency']);
});

test('19.10 a disclosure carries the information or where and how to get it; "答复。" is not a reply', () => {
  expect(missingReplyContent('DISCLOSED', { text: '答复。', reasons: [] })).toEqual(['text', 'information']);
  const text = '经审查，您申请的2025年度预算执行情况予以公开。';
  expect(missingReplyContent('DISCLOSED', { text, reasons: [] })).toEqual(['information']);
  expect(missingReplyContent('DISCLOSED', { text, reasons: [], enclosures: ['2025年度预算执行情况.pdf'] })).toEqual([]);
  expect(missingReplyContent('DISCLOSED', { text, reasons: [], whereToObtain: 'https://www.jiangdong.gov.cn/zfxxgk/ys2025' })).toEqual([]);
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

test('19.6 the remedy follows the Table 3 classification: every 三(二)/三(三) outcome, SPECIAL_QUERY_REGIME included, is review-first', () => {
  for (const o of DisclosureOutcome.options)
    expect([o, isReviewFirst(o)]).toEqual([o, TABLE3_ROW[o] === 'r2' || TABLE3_ROW[o].startsWith('r3_')]);
  expect(remedyText('SPECIAL_QUERY_REGIME', '江东市人民政府')).toContain('应当先向江东市人民政府申请行政复议');
  expect(remedyText('SPECIAL_QUERY_REGIME', '江东市人民政府')).not.toContain('六个月');
});

test('each outcome has a legal basis', () => {
  for (const o of DisclosureOutcome.options) expect(legalBasisOf(o)).toContain('《');
});
