import { extractQaDrafts, proposeQaPairs, splitClauses } from './qa-extraction.js';

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

test('an introduction keeps its list, a heading keeps its text, each 第X条 stays on its own; quotes are verbatim spans', () => {
  const notice = [
    '关于疫情期间捐赠事项的公告',
    '一、捐赠方式',
    '捐赠可以通过以下途径：',
    '1.银行汇款',
    '开户名：江东市慈善总会',
    '2.网上捐款：登录江东市慈善总会网站。',
    '二、免征税费',
    '捐赠物资免征进口关税和进口环节增值税。',
  ].join('\n');
  const clauses = splitClauses(notice).map((c) => c.text);
  expect(clauses).toEqual([
    '关于疫情期间捐赠事项的公告',
    '一、捐赠方式\n捐赠可以通过以下途径：\n1.银行汇款\n开户名：江东市慈善总会\n2.网上捐款：登录江东市慈善总会网站。',
    '二、免征税费\n捐赠物资免征进口关税和进口环节增值税。',
  ]);
  for (const c of clauses) expect(notice).toContain(c);
  // Short one-line points of a top-level list stay together; a question keeps its answer.
  expect(splitClauses('一、出门佩戴口罩。\n二、勤洗手、常通风。\n问：到哪里咨询？\n答：拨打12345热线。').map((c) => c.text)).toEqual([
    '一、出门佩戴口罩。\n二、勤洗手、常通风。',
    '问：到哪里咨询？\n答：拨打12345热线。',
  ]);
  const articles = splitClauses('第一条 申请人应当提交材料。\n第二条 受理后5个工作日内办结。\n  第三条 不收取费用。');
  expect(articles.map((c) => [c.anchor, c.text])).toEqual([
    ['第一条', '第一条 申请人应当提交材料。'],
    ['第二条', '第二条 受理后5个工作日内办结。'],
    ['第三条', '第三条 不收取费用。'],
  ]);
});

test('purpose statements and signatures are never proposed; a short document offers every substantive clause', () => {
  const doc = [
    '第一条 为了规范养犬登记管理，根据有关法律法规，制定本办法。',
    '第二条 养犬人应当为犬只办理登记，登记费每只每年100元。',
    '第三条 犬只登记由所在街道办事处负责。',
    '江东市公安局',
    '2024年3月1日',
  ].join('\n');
  const proposals = proposeQaPairs(doc, 10);
  expect(proposals.map((p) => p.anchor)).toEqual(['第二条', '第三条']);
  expect(proposals[0]).toMatchObject({ kind: 'amount', quote: '第二条 养犬人应当为犬只办理登记，登记费每只每年100元。' });
  expect(proposals.some((p) => p.quote.includes('2024年3月1日'))).toBe(false);
});

test('a clause opening with a short heading asks about that heading', () => {
  const [p] = proposeQaPairs('十、减免企业房租。对承租国有资产类经营用房的企业，1个月房租免收、2个月房租减半。', 1);
  expect(p!.question).toBe('减免企业房租有哪些具体规定？');
});

test('each draft is the question its clause answers; clauses no form fits are skipped and counted, never drafted badly', () => {
  const doc = [
    '第一条 为了规范口岸开放，提高口岸通关效率，根据国家有关法律、行政法规的规定，结合本市实际，制定本条例。',
    '第二条 本条例所称的口岸，是指供人员、货物、物品和交通工具直接出入国（关、边）境的港口、机场、车站等。',
    '第四条 市人民政府在国家有关部门的指导下，加强对本市口岸工作的领导，统筹推进上海口岸的建设和发展。',
    '第五条 无房职工租房自住的，可以每月提取住房公积金，每月提取额不超过1500元。',
    '第六条 犬只登记由所在街道办事处负责。',
  ].join('\n');
  const { drafts, candidates, skipped } = extractQaDrafts(doc, { limit: 10, title: '上海口岸服务条例' });
  expect(drafts.map((d) => [d.anchor, d.kind, d.question])).toEqual([
    ['第五条', 'amount', '无房职工租房自住的，可以每月提取住房公积金，每月提取额不超过多少元？'],
    ['第二条', 'definition', '《上海口岸服务条例》所称的口岸是指什么？'],
    ['第六条', 'responsibility', '犬只登记由哪个部门负责？'],
  ]);
  // 第一条 (purpose) is not a candidate; 第四条 (a duty phrased as policy) is one, skipped.
  expect({ candidates, skipped }).toEqual({ candidates: 4, skipped: 1 });
  for (const d of drafts) expect(d.quote).toContain(d.answer.replace(/^第[一二三四五六七八九十]+条\s*/u, ''));
});
