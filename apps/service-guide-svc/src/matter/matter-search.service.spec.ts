import type { GuideMatter } from '../generated/prisma/client.js';
import { MatterSearchService } from './matter-search.service.js';
import type { MatterRepository } from './matter.repository.js';

let n = 0;
function matter(code: string, name: string, policyRefs: string[] = []): GuideMatter {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code,
    name,
    type: '公共服务',
    department: '江东市某局',
    summary: '',
    promisedDays: null,
    policyRefs,
    topics: [],
    topicsOverridden: false,
    siteIds: [],
    detail: {},
    version: 1,
    createdAt: new Date(n * 1000),
    updatedAt: new Date(n * 1000),
    status: 'PUBLISHED',
    editedBy: 'editor-1',
    publishedBy: 'reviewer-1',
    publishedAt: new Date(n * 1000),
    pendingEdit: null,
    pendingEditedBy: null,
    pendingEditedAt: null,
    needsUpdate: false,
    needsUpdateReason: null,
    needsUpdatePolicyId: null,
    needsUpdateAt: null,
  };
}

function setup(initial: GuideMatter[]) {
  const table = [...initial];
  let reads = 0;
  const repository = {
    changedSince: async (since: { at: Date; id: string }, take: number) => {
      reads++;
      return table
        .filter((m) => m.updatedAt > since.at || (m.updatedAt.getTime() === since.at.getTime() && m.id > since.id))
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, take);
    },
  };
  const sut = new MatterSearchService(repository as unknown as MatterRepository);
  return { sut, table, reads: () => reads };
}

const MATTERS = [
  matter('JD-GJJ-001', '住房公积金租房提取', ['demo-policy-07']),
  matter('JD-YB-001', '城乡居民医保参保登记', ['demo-policy-08']),
  matter('JD-MZ-001', '残疾人两项补贴申请', ['demo-policy-11']),
  matter('JD-RS-001', '高校毕业生一次性创业补贴申领', ['demo-policy-05']),
];

test('finds the matter whose name fits a question, and nothing for an unrelated one', async () => {
  const { sut } = setup(MATTERS);
  expect((await sut.search({ q: '租房子可以提取公积金吗', limit: 3 })).map((m) => m.code)).toEqual(['JD-GJJ-001']);
  expect((await sut.search({ q: '残疾人补贴去哪申请', limit: 3 }))[0]?.code).toBe('JD-MZ-001');
  expect(await sut.search({ q: '火星移民需要办理什么手续', limit: 3 })).toEqual([]);
});

test('puts matters implementing a given policy first, even when the text does not name them', async () => {
  const { sut } = setup(MATTERS);
  const hits = await sut.search({ q: '大学生创业有什么补贴', policyRefs: ['demo-policy-08'], limit: 3 });
  expect(hits.map((m) => m.code)).toEqual(['JD-YB-001', 'JD-RS-001']);
  expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
});

test('picks up new and renamed matters from the database, reading at most every few seconds', async () => {
  const { sut, table, reads } = setup(MATTERS.slice(0, 1));
  expect(await sut.search({ q: '城乡居民医保怎么参保', limit: 3 })).toEqual([]);
  table.push(matter('JD-YB-001', '城乡居民医保参保登记'));
  await sut.search({ q: '城乡居民医保怎么参保', limit: 3 });
  expect(reads()).toBe(1);
  const realNow = Date.now;
  Date.now = () => realNow() + 60_000;
  try {
    expect((await sut.search({ q: '城乡居民医保怎么参保', limit: 3 }))[0]?.code).toBe('JD-YB-001');
    expect(reads()).toBe(2);
  } finally {
    Date.now = realNow;
  }
});
