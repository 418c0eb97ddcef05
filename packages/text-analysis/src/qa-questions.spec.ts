import { isClean, questionFor } from './qa-questions.js';

// Real clauses of the policy corpus, copied in as text (tests never read the data set), one per question form.
const cases: Array<[form: string, clause: string, title: string | undefined, question: string]> = [
  [
    'definition',
    '第二条 本条例所称的口岸，是指供人员、货物、物品和交通工具直接出入国（关、边）境的港口、机场、车站等。',
    '上海口岸服务条例',
    '《上海口岸服务条例》所称的口岸是指什么？',
  ],
  ['definition', '“船舶触碰”是指船舶与设施或者障碍物发生接触并造成财产损害的事故。', undefined, '什么是船舶触碰？'],
  ['effective', '第五十八条 本法自公布之日起施行。', '中华人民共和国工会法', '《中华人民共和国工会法》什么时候开始施行？'],
  [
    'penalty',
    '第二十八条 违反本法规定擅自收购烟叶的，由烟草专卖行政主管部门处以罚款，并按照查获地省级烟草专卖行政主管部门出具的上年度烟叶平均收购价格的百分之七十收购违法收购的烟叶。',
    '中华人民共和国烟草专卖法',
    '违反《中华人民共和国烟草专卖法》规定擅自收购烟叶，会受到什么处罚？',
  ],
  [
    'conditions',
    '第二十五条 有下列情形之一的，当事人可以向人民检察院申请抗诉或者检察建议：\n（一）人民法院驳回再审申请的；\n（二）人民法院逾期未对再审申请作出裁定的；',
    undefined,
    '在哪些情形下，当事人可以向人民检察院申请抗诉或者检察建议？',
  ],
  [
    'conditions',
    '第九条 房屋使用和装修过程中，禁止下列行为：\n（一）超过设计标准、规范增加房屋使用荷载；\n（二）拆除承重墙；',
    undefined,
    '房屋使用和装修过程中，禁止哪些行为？',
  ],
  [
    'materials',
    '第三条 申请房租减免的企业，应当向所在区财政局提交营业执照复印件、租赁合同和减免申请表。',
    undefined,
    '申请房租减免的企业，应当向所在区财政局提交哪些材料？',
  ],
  [
    'time',
    '第一百二十八条 人民法院应当在立案之日起五日内将起诉状副本发送被告，被告应当在收到之日起十五日内提出答辩状。',
    undefined,
    '人民法院应当在立案之日起多长时间内将起诉状副本发送被告？',
  ],
  [
    'amount',
    '对本地企业开展重要防疫药品的研发攻关，新产品上市后，由市级财政科技发展资金重点专项按研发投入总额50%给予奖励。',
    undefined,
    '对本地企业开展重要防疫药品的研发攻关，新产品上市后，由市级财政科技发展资金重点专项按研发投入总额多大比例给予奖励？',
  ],
  [
    'where',
    '第九条 国境口岸的仓库、货场应当保持清洁、整齐；发现鼠类有反常死亡时，应当及时向卫生检疫机关或地方卫生防疫部门报告。',
    undefined,
    '发现鼠类有反常死亡时，应当及时向哪个部门报告？',
  ],
  [
    'responsibility',
    '乡（镇）人民政府、街道办事处负责本辖区内革命遗址保护、管理和利用工作。',
    undefined,
    '哪些部门负责本辖区内革命遗址保护、管理和利用工作？',
  ],
  [
    'benefit',
    '第十四条 对在能源工作中做出突出贡献的单位和个人，按照国家有关规定给予表彰、奖励。',
    undefined,
    '在能源工作中做出突出贡献的单位和个人可以获得哪些表彰奖励？',
  ],
  [
    'prohibition',
    '出现发热、干咳等症状的人员禁止上岗服务，应及时佩戴口罩到就近医疗机构发热门诊就诊。',
    undefined,
    '出现发热、干咳等症状的人员可以上岗服务吗？',
  ],
  ['right', '家庭经济困难的学生，可以申请补助或者减免学费。', undefined, '家庭经济困难的学生可以申请补助或者减免学费吗？'],
  [
    'obligation',
    '第二十三条 重点排污单位应当安装水污染物排放自动监测设备。',
    undefined,
    '重点排污单位是否应当安装水污染物排放自动监测设备？',
  ],
];

test.each(cases)('%s: the question is the clause asked, in its own words', (form, clause, title, question) => {
  const made = questionFor(clause, { title });
  expect(made).toMatchObject({ kind: form, question });
  expect(clause).toContain(made!.answer);
});

test('the answer is the sentence that answers when the clause holds several, the whole list for a list', () => {
  const where = questionFor(
    '第九条 国境口岸的仓库、货场应当保持清洁、整齐；发现鼠类有反常死亡时，应当及时向卫生检疫机关或地方卫生防疫部门报告。',
  );
  expect(where!.answer).toBe('发现鼠类有反常死亡时，应当及时向卫生检疫机关或地方卫生防疫部门报告。');
  const list = questionFor('第九条 房屋使用和装修过程中，禁止下列行为：\n（一）超过设计标准、规范增加房屋使用荷载；\n（二）拆除承重墙；');
  expect(list!.answer).toContain('（二）拆除承重墙');
});

test.each([
  // A duty phrased as policy: true, but nobody asks it.
  ['policy duty', '第四条 市人民政府在国家有关部门的指导下，加强对本市口岸工作的领导，统筹推进上海口岸的建设和发展。'],
  ['soft obligation', '县级以上人民政府应当加强对口岸工作的领导。'],
  // 本条例 with no title to name it by.
  ['unnamed document', '第二十四条 本条例自2020年1月1日起施行。'],
  // Depends on text the question cannot carry.
  ['dangling reference', '船舶在遇险或发生意外事故时，可启用本条前款(二)项所列的物品，但启用后应立即向港务监督报告。'],
  // A time limit for "an application" of any law.
  ['generic time limit', '主管机关应当自收到申请之日起30天内作出答复。'],
  // The offence is in an earlier sentence; this one only grades it.
  ['penalty without offence', '情节严重的，处十万元以上罚款。'],
  ['purpose statement', '第一条 为了规范口岸开放，提高口岸通关效率，根据国家有关法律、行政法规的规定，结合本市实际，制定本条例。'],
])('%s: no question rather than a bad one', (_why, clause) => {
  expect(questionFor(clause, {})).toBeNull();
});

test('template stutter, dangling slots and unbalanced quotes are not clean', () => {
  expect(isClean('办理办理提供需要提供哪些材料？')).toBe(false);
  expect(isClean('关于下列事项有哪些规定？')).toBe(false);
  expect(isClean('什么是“情节严重？')).toBe(false);
  expect(isClean('股东可以要求查阅公司会计账簿吗？')).toBe(true);
});
