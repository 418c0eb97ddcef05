import { kthLargest, QuestionMatcher } from './question-matcher.js';

/** A small corpus: near neighbours that differ by what is asked, where, and by one key word. */
const CORPUS: Record<string, string> = {
  deferTime: '受疫情影响的企业缓缴社会保险费的期限是多久？',
  deferFee: '企业缓缴社会保险费期间是否收取滞纳金？',
  fundLoan: '受疫情影响未能正常偿还的住房公积金贷款如何处理？',
  fundRent: '职工租房提取住房公积金每月能提取多少？',
  invoice: '纳税人的发票寄递业务从什么时候开始受理？',
  invoiceFee: '纳税人邮寄发票如何收费？',
  masks: '市民如何预约购买口罩？',
  shanxi: '山西省对不裁员企业返还多少失业保险费？',
  jiangxi: '江西省对不裁员企业返还多少失业保险费？',
  pension: '新退休人员未及时办理养老金申领怎么办？',
  nucleic: '核酸检测的作用是什么？',
  feed: '饲料企业和屠宰加工企业复工是否需要审批？',
  school: '中小学什么时候开学？',
};

function matcher(corpus: Record<string, string> = CORPUS): QuestionMatcher {
  const m = new QuestionMatcher();
  for (const [id, q] of Object.entries(corpus)) m.upsert(id, [q]);
  return m;
}

const top = (m: QuestionMatcher, q: string) => m.match(q, { limit: 3 })[0];

describe('QuestionMatcher', () => {
  const m = matcher();

  it.each([
    ['colloquial words and abbreviations (社保, 缓交)', '公司社保能缓交多久', 'deferTime'],
    ['a homophone typo (发漂 for 发票, 核算 for 核酸)', '发漂寄递啥时候开始', 'invoice'],
    ['a homophone typo in a key word', '做核算有什么用', 'nucleic'],
    ['a colloquial synonym of the stored word (退休金 for 养老金)', '刚退休的人退休金没来得及办咋整', 'pension'],
    ['a compound the stored question splits (饲料厂 → 饲料企业)', '饲料厂复工要审批吗', 'feed'],
    [
      'a long rambling question with the question at the end',
      '你好，我们家附近药店一直没货，小区里老人也多，想问一下市民怎么预约买口罩',
      'masks',
    ],
  ])('finds the stored question despite %s', (_what, asked, want) => {
    expect(top(m, asked)?.id).toBe(want);
  });

  it('tells apart stored questions on the same matter by what they ask for (when vs how much)', () => {
    expect(top(m, '发票寄递几号开始办')?.id).toBe('invoice');
    expect(top(m, '邮寄发票要交多少钱')?.id).toBe('invoiceFee');
    expect(top(m, '缓缴社保要交滞纳金吗')?.id).toBe('deferFee');
  });

  it('puts the asked province first and leaves the other one below', () => {
    const ranked = m.match('山西企业不裁员失业保险返还多少', { limit: 3 });
    expect(ranked.map((r) => r.id).slice(0, 2)).toEqual(['shanxi', 'jiangxi']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('is confident for a rewording and not for a question the corpus cannot answer', () => {
    expect(top(m, '公积金贷款因为疫情没能按时还怎么处理')!.confidence).toBeGreaterThanOrEqual(0.5);
    for (const offTopic of ['护照过期了怎么换', '明天天气怎么样', '养狗要办证吗']) {
      expect(m.match(offTopic)[0]?.confidence ?? 0).toBeLessThan(0.5);
    }
  });

  it('weighs words by how rare they are among stored questions', () => {
    // 企业 is in many stored questions, 口罩 in one: sharing the rare word matters more
    expect(top(m, '企业口罩')?.id).toBe('masks');
  });

  it('uses the engine hits as extra candidates and as a tie-breaker, never for unknown ids', () => {
    const twins = matcher({ a: '企业复工需要什么条件', b: '企业复工需要什么条件' });
    expect(
      twins
        .match('企业复工条件', {
          engineHits: [
            { id: 'b', score: 9 },
            { id: 'ghost', score: 20 },
          ],
        })
        .map((r) => r.id),
    ).toEqual(['b', 'a']);
  });

  it('answers by the best of a pair\u2019s phrasings, and forgets removed or replaced questions', () => {
    const own = matcher({ other: '中小学什么时候开学' });
    own.upsert('p', ['住房公积金提取条件', '租房可以提公积金吗']);
    expect(top(own, '租房能提公积金吗')?.id).toBe('p');
    own.upsert('p', ['住房公积金贷款额度']);
    expect(top(own, '租房能提公积金吗')?.confidence ?? 0).toBeLessThan(0.5);
    expect(own.remove('p')).toBe(true);
    expect(own.remove('p')).toBe(false);
    expect(own.size).toBe(1);
    expect(own.match('住房公积金贷款额度').map((r) => r.id)).not.toContain('p');
  });

  it('ranks a general stored question first when the asker\u2019s specific words are in its answer, for ranking only', () => {
    const pairs: Record<string, [question: string, answer: string]> = {
      general: ['建设工程复工需要满足什么条件？', '建筑工地须落实防疫措施、工人测温登记，经住建部门检查后方可开工。'],
      mall: ['商场超市复工需要满足什么条件？', '商场须控制客流，每日消毒。'],
      masks: ['市民如何预约购买口罩？', '通过小程序预约，到指定药店购买。'],
      school: ['中小学什么时候开学？', '开学时间另行通知。'],
    };
    const questionsOnly = new QuestionMatcher();
    const withAnswers = new QuestionMatcher();
    for (const [id, [q, a]] of Object.entries(pairs)) {
      questionsOnly.upsert(id, [q]);
      withAnswers.upsert(id, [q], a);
    }
    const asked = '工地要满足什么条件才能开工';
    // 工地 and 开工 are only in the general pair's answer: without it the other kind of workplace wins
    expect(top(questionsOnly, asked)?.id).toBe('mall');
    expect(top(withAnswers, asked)?.id).toBe('general');
    // confidence stays on the questions alone
    expect(top(withAnswers, asked)!.confidence).toBe(questionsOnly.match(asked).find((r) => r.id === 'general')!.confidence);
    for (const offTopic of ['护照过期了怎么换', '明天天气怎么样', '养狗要办证吗'])
      expect(withAnswers.match(offTopic)[0]?.confidence ?? 0).toBeLessThan(0.5);
    // replacing a pair without its answer forgets the answer
    withAnswers.upsert('general', [pairs.general![0]]);
    expect(top(withAnswers, asked)?.id).toBe('mall');
  });

  it('gives nothing for a question with nothing to match', () => {
    expect(m.match('？？')).toEqual([]);
  });
});

describe('QuestionMatcher after changes', () => {
  it('matches after removals, re-additions and new phrasings exactly as a matcher built afresh with the same questions', () => {
    const changed = matcher();
    const questions = [
      '缓缴社保费要交滞纳金吗',
      '租房提取公积金每月能提多少',
      '口罩怎么预约',
      '山西不裁员企业返还失业保险',
      '中小学开学时间',
      '发票邮寄收费吗',
    ];
    // postings are read (and kept as arrays) before and between the changes
    const askAll = () => questions.forEach((q) => changed.match(q));
    const steps = [
      () => changed.remove('fundRent'),
      () => changed.remove('masks'),
      () => changed.upsert('masks', ['市民如何预约购买口罩？', '口罩在哪里预约？']),
      () => changed.upsert('fundRent', ['职工租房提取住房公积金每月能提取多少？']),
      () => changed.upsert('extra', ['租房提取公积金需要什么材料？']),
      // every feature of this one is already held by a question asked above: only fresh postings find it
      () => changed.upsert('schoolAgain', ['中小学什么时候开学？']),
    ];
    for (const step of steps) {
      askAll();
      step();
    }
    const { fundRent: _f, masks: _m, ...rest } = CORPUS;
    const fresh = new QuestionMatcher();
    for (const [id, q] of Object.entries(rest)) fresh.upsert(id, [q]);
    fresh.upsert('masks', ['市民如何预约购买口罩？', '口罩在哪里预约？']);
    fresh.upsert('fundRent', ['职工租房提取住房公积金每月能提取多少？']);
    fresh.upsert('extra', ['租房提取公积金需要什么材料？']);
    fresh.upsert('schoolAgain', ['中小学什么时候开学？']);
    expect(changed.match('中小学开学时间', { limit: 5 }).map((r) => r.id)).toContain('schoolAgain');
    for (const q of questions) expect(changed.match(q, { limit: 5 })).toEqual(fresh.match(q, { limit: 5 }));
  });
});

describe('kthLargest', () => {
  it('gives what sorting would, duplicates counted', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 1; n < 200; n += 7) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20) / 4); // many ties
      for (const k of [1, 2, Math.ceil(n / 2), n].filter((k) => k <= n)) expect(kthLargest(values, k)).toBe(values.slice().sort()[n - k]);
    }
  });
});
