import { contentHash } from '../analysis/content-hash.js';
import { NearDuplicateIndex, minhash } from '../analysis/minhash.js';
import type { StoredHeader } from '../document/document.repository.js';
import { type PlanContext, planRecord, recordsToWrite, remember } from './import-planner.js';
import { parseRecord } from './import-record.js';

const body = Array.from({ length: 30 }, (_, i) => `第${i + 1}条 本市居民申领住房公积金贷款，应当符合第${i + 1}项条件。`).join('\n');
const record = (over: Record<string, unknown> = {}) => {
  const p = parseRecord({ id: 'r1', title: '江东市住房公积金贷款管理办法', body, publishDate: '2024-01-01', ...over });
  if (!p.ok) throw new Error(p.reason);
  return p.record;
};

const at = (line: number, r: ReturnType<typeof record>) => ({ line, record: r, hash: contentHash(r.body) });

function context(over: Partial<PlanContext> = {}): PlanContext {
  return {
    existing: new Map(),
    hashOwners: new Map(),
    near: new NearDuplicateIndex(),
    canonicalOf: new Map(),
    derive: (r) => ({
      docNumberKey: null,
      agencies: [],
      contentHash: contentHash(r.body),
      minhash: '',
      keywords: [],
      topics: [],
      topicConfidence: null,
      topicCodes: [],
      signature: minhash(r.body),
    }),
    ...over,
  };
}

test('malformed records are refused with the field and a reason', () => {
  expect(parseRecord({ id: 'x', title: '', body: '正文' })).toEqual({ ok: false, reason: expect.stringMatching(/^title/) });
  expect(parseRecord({ id: 'x', title: '标题', body: '   ' })).toEqual({ ok: false, reason: expect.stringMatching(/正文为空/) });
  expect(parseRecord({ id: 'x', title: '标题', body: '正文', publishDate: '2020/1/1' })).toMatchObject({ ok: false });
  expect(parseRecord(['not', 'an', 'object'])).toEqual({ ok: false, reason: '不是 JSON 对象' });
});

test('same text and metadata as stored → unchanged; another document holding the text → exact duplicate', () => {
  const stored = {
    id: 'd1',
    contentHash: contentHash(body),
    canonicalId: null,
    title: '江东市住房公积金贷款管理办法',
    publishDate: '2024-01-01',
  } as unknown as StoredHeader;
  const nulls = {
    docNumber: null,
    agency: null,
    effectiveDate: null,
    expiryDate: null,
    level: null,
    region: null,
    docType: null,
    sourceUrl: null,
  };
  expect(planRecord(at(1, record()), context({ existing: new Map([['r1', { ...stored, ...nulls }]]) })).kind).toBe('unchanged');
  expect(planRecord(at(1, record({ title: '新标题' })), context({ existing: new Map([['r1', { ...stored, ...nulls }]]) })).kind).toBe(
    'write',
  );
  expect(planRecord(at(2, record({ id: 'r2' })), context({ hashOwners: new Map([[contentHash(body), 'd1']]) }))).toMatchObject({
    kind: 'exactDuplicate',
    duplicateOf: 'd1',
  });
});

test('a successive version links to the canonical document, following an existing link to its root', () => {
  const near = new NearDuplicateIndex();
  near.add('d-old', minhash(body));
  const next = record({ id: 'r3', body: body + '\n第31条 本办法自2025年1月1日起施行。' });
  expect(planRecord(at(3, next), context({ near }))).toMatchObject({ kind: 'write', near: { canonicalId: 'd-old' } });
  expect(planRecord(at(3, next), context({ near, canonicalOf: new Map([['d-old', 'd-root']]) }))).toMatchObject({
    near: { canonicalId: 'd-root' },
  });
  expect(planRecord(at(3, record({ id: 'r4', body: '完全不同的内容：公园开放时间与门票价格。' })), context({ near }))).toMatchObject({
    kind: 'write',
    near: null,
  });
});

test('a repeated id in one batch is unchanged the second time, and only records to be written are analysed', () => {
  const ctx = context();
  const lines = [
    at(1, record()),
    at(2, record()),
    at(3, record({ id: 'r2' })),
    at(4, record({ title: '江东市住房公积金贷款管理办法（修订）' })),
  ];
  expect(recordsToWrite(lines, ctx).map((h) => h.line)).toEqual([1, 4]);
  const plans = lines.map((h) => {
    const plan = planRecord(h, ctx);
    remember(plan, ctx);
    return plan;
  });
  expect(plans.map((p) => p.kind)).toEqual(['write', 'unchanged', 'exactDuplicate', 'write']);
  const first = plans[0] as Extract<(typeof plans)[number], { kind: 'write' }>;
  expect(plans[2]).toMatchObject({ duplicateOf: first.id });
  expect(plans[3]).toMatchObject({ id: first.id, existing: expect.objectContaining({ id: first.id }) });
});
