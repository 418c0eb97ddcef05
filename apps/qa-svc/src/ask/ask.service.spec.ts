import { QuestionMatcher } from '@govdisc/text-analysis';
import type { AppConfig } from '../config/env.js';
import type { AskStatsService } from './ask-stats.service.js';
import { AskService } from './ask.service.js';
import type { PolicyFallback } from './policy-fallback.js';
import type { QaIndexService } from './qa-index.service.js';
import type { RelatedLookup, RelatedSource } from './related-lookup.js';
import type { UnansweredService } from './unanswered.service.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type TestPair = { id: string; question: string; status: string; answer?: string };

const PAIRS: TestPair[] = [
  { id: uuid(1), question: '租房可以提取住房公积金吗？', status: 'PUBLISHED' },
  { id: uuid(2), question: '租房提取住房公积金需要什么材料？', status: 'PUBLISHED' },
  { id: uuid(3), question: '残疾人两项补贴向哪里申请？', status: 'PUBLISHED' },
  { id: uuid(4), question: '新生儿怎么办理落户？', status: 'RETIRED' },
];

function row(p: TestPair) {
  return {
    ...p,
    externalId: null,
    alternatives: [],
    answer: p.answer ?? `答：${p.question}`,
    audience: 'ALL',
    topics: [],
    ownerDepartment: null,
    effectiveFrom: null,
    effectiveTo: null,
    sourcePolicyId: null,
    version: 1,
    lastEditorSub: 'x',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    citations: [],
  };
}

function setup(opts: { engineDown?: boolean; cacheSize?: number; threshold?: number; pairs?: TestPair[] } = {}) {
  const pairs = opts.pairs ?? PAIRS;
  const matcher = new QuestionMatcher();
  // the matcher may hold a pair the public may no longer see (retired, or past its effective dates)
  for (const p of pairs) matcher.upsert(p.id, [p.question]);
  const recorded: string[] = [];
  const relatedFor: string[][] = [];
  const retired = new Set<string>();
  const counted: string[] = [];
  const mocks = {
    stats: { record: (outcome: string) => void counted.push(outcome) },
    qaIndex: {
      matcher,
      generation: 1,
      // what the index's last pass saw as public: the retired pair is gone from it
      publicPair: (id: string) => pairs.filter((p) => p.id === id && p.status === 'PUBLISHED' && !retired.has(p.id)).map(row)[0],
      index: {
        rank: async () => {
          if (opts.engineDown) throw Object.assign(new Error('down'), { code: 'SERVICE_UNAVAILABLE' });
          return { hits: [{ id: uuid(3), score: 5 }], total: 1 };
        },
      },
    },
    unanswered: { record: (q: string) => void recorded.push(q) },
    policies: { search: async () => [{ id: 'p', title: '政策', docNumber: null, snippet: '…' }] },
    related: {
      forPairs: async (pairs: RelatedSource[]) => {
        relatedFor.push(pairs.map((p) => p.id));
        return new Map([[uuid(1), { policies: [{ id: 'p9', title: '住房公积金管理办法', docNumber: null }], guides: [] }]]);
      },
    },
  };
  const config = {
    ASK_CONFIDENCE_THRESHOLD: opts.threshold ?? 0.5,
    ASK_SUGGESTION_MIN_CONFIDENCE: 0.15,
    ASK_CACHE_SIZE: opts.cacheSize ?? 100,
    ASK_CACHE_TTL_MS: 60_000,
  } as AppConfig;
  const sut = new AskService(
    mocks.qaIndex as unknown as QaIndexService,
    mocks.unanswered as unknown as UnansweredService,
    mocks.policies as unknown as PolicyFallback,
    mocks.related as unknown as RelatedLookup,
    mocks.stats as unknown as AskStatsService,
    config,
  );
  return { sut, mocks, recorded, relatedFor, retired, counted };
}

test('answers with the best matching pair first, confident, with its related items', async () => {
  const { sut, relatedFor, counted } = setup();
  const res = await sut.ask('租房子能提公积金吗', 3);
  expect(res.fallback).toBeNull();
  await sut.ask('租房子能提公积金吗', 3); // from the cache: counted all the same
  expect(counted).toEqual(['answered', 'answered']);
  expect(res.answers[0]).toMatchObject({ id: uuid(1), answer: '答：租房可以提取住房公积金吗？', related: { policies: [{ id: 'p9' }] } });
  expect(res.answers[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  expect(res.answers.every((a) => a.confidence >= 0.5)).toBe(true);
  expect(relatedFor).toEqual([res.answers.map((a) => a.id)]);
  expect(res.answers.find((a) => a.id !== uuid(1))?.related).toBeUndefined();
});

test('still answers when the search index is down', async () => {
  const { sut } = setup({ engineDown: true });
  expect((await sut.ask('残疾人补贴去哪申请', 3)).answers[0]?.id).toBe(uuid(3));
});

test('never answers with a pair that is no longer public, even if the matcher still holds it', async () => {
  const { sut, recorded } = setup();
  const res = await sut.ask('新生儿怎么办理落户', 3);
  expect(res.answers.map((a) => a.id)).not.toContain(uuid(4));
  expect(res.fallback?.reason).toBe('NO_CONFIDENT_ANSWER');
  expect(recorded).toEqual(['新生儿怎么办理落户']);
});

test('an off-topic question gets the policy fallback and is queued for editors', async () => {
  const { sut, recorded, counted } = setup();
  const res = await sut.ask('火星移民需要办理什么手续', 3);
  expect(res.answers).toEqual([]);
  expect(counted).toEqual([res.suggestions.length > 0 ? 'suggestionsOnly' : 'fallback']);
  expect(res.fallback).toMatchObject({ reason: 'NO_CONFIDENT_ANSWER', policies: [{ id: 'p' }] });
  expect(recorded).toEqual(['火星移民需要办理什么手续']);
});

describe('您是不是想问', () => {
  test('below the threshold the best public candidates come back as suggestions, best first, at most 3', async () => {
    const { sut } = setup({ threshold: 0.99 });
    const res = await sut.ask('租房子能提公积金吗', 3);
    expect(res.answers).toEqual([]);
    expect(res.fallback?.reason).toBe('NO_CONFIDENT_ANSWER');
    expect(res.suggestions[0]).toMatchObject({ id: uuid(1), question: '租房可以提取住房公积金吗？' });
    expect(res.suggestions.length).toBeLessThanOrEqual(3);
    expect(res.suggestions.map((s) => s.id)).not.toContain(uuid(4)); // retired: never offered
    const confidences = res.suggestions.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.every((c) => c >= 0.15 && c < 0.99)).toBe(true);
  });

  test('a confident answer comes without suggestions; a question sharing nothing gets none', async () => {
    const { sut } = setup();
    expect((await sut.ask('租房子能提公积金吗', 3)).suggestions).toEqual([]);
    expect((await sut.ask('火星移民需要办理什么手续', 3)).suggestions).toEqual([]);
  });

  test('a cached suggestion whose pair is no longer public is not offered again', async () => {
    const { sut, retired } = setup({ threshold: 0.99 });
    expect((await sut.ask('租房子能提公积金吗', 3)).suggestions.map((s) => s.id)).toContain(uuid(1));
    retired.add(uuid(1));
    expect((await sut.ask('租房子能提公积金吗', 3)).suggestions.map((s) => s.id)).not.toContain(uuid(1));
  });
});

describe('the answer cache', () => {
  test('answers a repeated question (however it is spaced or written) without matching it again', async () => {
    const { sut, relatedFor } = setup();
    const first = await sut.ask('租房子能提公积金吗', 3);
    expect(await sut.ask('  租房子能提公积金吗 ', 3)).toEqual(first);
    expect(await sut.ask('租房子能提公積金嗎', 3)).toEqual(first); // traditional characters normalise to the same key
    expect(relatedFor).toHaveLength(1);
  });

  test('forgets everything when the public pairs change', async () => {
    const { sut, mocks, relatedFor } = setup();
    await sut.ask('租房子能提公积金吗', 3);
    mocks.qaIndex.generation++;
    await sut.ask('租房子能提公积金吗', 3);
    expect(relatedFor).toHaveLength(2);
  });

  test('never serves a cached answer whose pair is no longer public (effective dates pass without an index change)', async () => {
    const { sut, retired } = setup();
    expect((await sut.ask('租房子能提公积金吗', 3)).answers.map((a) => a.id)).toContain(uuid(1));
    retired.add(uuid(1));
    expect((await sut.ask('租房子能提公积金吗', 3)).answers.map((a) => a.id)).not.toContain(uuid(1));
  });

  test('a cached "no answer" is still queued for editors every time it is asked', async () => {
    const { sut, recorded } = setup();
    await sut.ask('火星移民需要办理什么手续', 3);
    await sut.ask('火星移民需要办理什么手续', 3);
    expect(recorded).toEqual(['火星移民需要办理什么手续', '火星移民需要办理什么手续']);
  });

  test('is off with ASK_CACHE_SIZE=0', async () => {
    const { sut, relatedFor } = setup({ cacheSize: 0 });
    await sut.ask('租房子能提公积金吗', 3);
    await sut.ask('租房子能提公积金吗', 3);
    expect(relatedFor).toHaveLength(2);
  });
});

describe('pairs with the same answer', () => {
  const SAME = '承租国有企业房产的中小微企业，免收2月份房租，3月至6月减半收取。';
  const pairs: TestPair[] = [
    { id: uuid(11), question: '中小微企业租国企的房子能免房租吗？', status: 'PUBLISHED', answer: SAME },
    { id: uuid(12), question: '中小微企业租国企房子房租怎么减免？', status: 'PUBLISHED', answer: `${SAME} ` },
    { id: uuid(13), question: '中小微企业租国企房子房租减免到几月？', status: 'RETIRED', answer: '另一个答案：减免至6月底，7月起恢复。' },
    {
      id: uuid(14),
      question: '中小微企业租国企房子房租减免要什么材料？',
      status: 'PUBLISHED',
      answer: '租赁合同和营业执照复印件，向出租的国有企业提交。',
    },
  ];

  test('are offered once, under the best ranked question, so the other suggestions are other answers', async () => {
    const withGroups = await setup({ threshold: 0.99, pairs }).sut.ask('中小微企业租国企房子房租减免', 3);
    const ids = withGroups.suggestions.map((s) => s.id);
    expect(ids.filter((id) => id === uuid(11) || id === uuid(12))).toHaveLength(1);
    expect(ids).toContain(uuid(14));
    expect(ids).not.toContain(uuid(13)); // retired: never offered, and never hides a public pair
  });

  test('give one confident answer, not the same answer twice', async () => {
    const res = await setup({ threshold: 0.05, pairs }).sut.ask('中小微企业租国企房子房租减免', 3);
    expect(res.answers.length).toBeGreaterThan(0);
    expect(res.answers.filter((a) => a.id === uuid(11) || a.id === uuid(12))).toHaveLength(1);
  });
});
