import { proposeQaPairs, splitClauses } from './qa-extraction.js';

const body = [
  '江东市人民政府办公厅关于支持小微企业的若干措施',
  '各区人民政府，市政府各部门：',
  '第一条 为支持小微企业渡过难关，制定本措施。',
  '第二条 对承租国有房产的小微企业，免收3个月房租，减半收取6个月房租。',
  '第三条 申请房租减免的企业，应当向所在区财政局提交营业执照复印件、租赁合同和减免申请表。',
  '特此通知。',
].join('\n');

test('clauses keep their article anchor; long paragraphs are cut at sentence ends', () => {
  const clauses = splitClauses(body);
  expect(clauses.find((c) => c.text.startsWith('第二条'))!.anchor).toBe('第二条');
  const long = splitClauses('一'.repeat(200) + '。' + '二'.repeat(200) + '。');
  expect(long).toHaveLength(2);
});

test('clauses with amounts, time limits and materials are proposed first, each citing itself', () => {
  const proposals = proposeQaPairs(body, 3);
  expect(proposals.map((p) => p.anchor)).toEqual(expect.arrayContaining(['第二条', '第三条']));
  expect(proposals.some((p) => p.quote.includes('通知'))).toBe(false);
  for (const p of proposals) {
    expect(body).toContain(p.quote);
    expect(p.question).toMatch(/[？]$/u);
  }
  expect(proposals.find((p) => p.anchor === '第三条')!.kind).toBe('materials');
});
