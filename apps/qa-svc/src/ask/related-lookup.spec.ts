import { DomainError, ErrorCode, type PolicyDocumentView } from '@govdisc/contracts';
import type { RpcClient } from '@govdisc/service-kit';
import type { PolicyDocuments } from '../pair/policy-documents.js';
import { jest } from '@jest/globals';
import { RETRY_AFTER_MS, RelatedLookup, type RelatedSource } from './related-lookup.js';

const GUIDE = {
  id: '3f1c1b8e-7c1a-4c55-9a57-3b0c6a2f9d10',
  code: 'JD-GJJ-001',
  name: '住房公积金租房提取',
  department: '公积金中心',
  score: 10,
};

function setup(opts: { guides?: () => Promise<unknown> } = {}) {
  const calls = { documents: [] as string[], guides: [] as unknown[] };
  const documents = {
    get: async (id: string) => {
      calls.documents.push(id);
      if (id === 'gone') throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND);
      return {
        id: `uuid-of-${id}`,
        title: `标题 ${id}`,
        docNumber: id === 'p1' ? '江政发〔2024〕1号' : null,
      } as unknown as PolicyDocumentView;
    },
  };
  const rpc = {
    call: async (_contract: unknown, payload: unknown) => {
      calls.guides.push(payload);
      return opts.guides ? opts.guides() : { items: [GUIDE] };
    },
  };
  const sut = new RelatedLookup(documents as unknown as PolicyDocuments, rpc as unknown as RpcClient);
  return { sut, calls };
}

const pair = (over: Partial<RelatedSource> = {}): RelatedSource => ({
  id: 'pair-1',
  version: 1,
  question: '租房可以提取住房公积金吗',
  sourcePolicyId: 'p1',
  citations: [{ documentId: 'p1' }, { documentId: 'p2' }, { documentId: 'gone' }],
  ...over,
});

test('gives the cited policies that exist, with titles, and the guides for the question and its policies', async () => {
  const { sut, calls } = setup();
  const related = await sut.forPairs([pair()]);
  expect(related.get('pair-1')).toEqual({
    policies: [
      { id: 'uuid-of-p1', title: '标题 p1', docNumber: '江政发〔2024〕1号' },
      { id: 'uuid-of-p2', title: '标题 p2', docNumber: null },
    ],
    guides: [{ id: GUIDE.id, code: GUIDE.code, name: GUIDE.name }],
  });
  expect(calls.guides).toEqual([{ q: '租房可以提取住房公积金吗', policyRefs: ['p1', 'p2', 'gone'], limit: 3 }]);
});

test('a second ask for the same answers makes no call; a new version asks for guides again', async () => {
  const { sut, calls } = setup();
  await sut.forPairs([pair(), pair({ id: 'pair-2', citations: [{ documentId: 'p2' }], sourcePolicyId: null })]);
  const before = { documents: calls.documents.length, guides: calls.guides.length };
  await sut.forPairs([pair(), pair({ id: 'pair-2', citations: [{ documentId: 'p2' }], sourcePolicyId: null })]);
  expect({ documents: calls.documents.length, guides: calls.guides.length }).toEqual(before);
  expect(calls.documents.filter((d) => d === 'p2')).toHaveLength(1);
  await sut.forPairs([pair({ version: 2 })]);
  expect(calls.guides.length).toBe(before.guides + 1);
});

test('leaves related out when the guide service does not answer in time, and keeps policies when it fails', async () => {
  const slow = setup({ guides: () => new Promise(() => undefined) });
  expect((await slow.sut.forPairs([pair()])).has('pair-1')).toBe(false);
  const failing = setup({ guides: () => Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE)) });
  expect((await failing.sut.forPairs([pair()])).get('pair-1')).toMatchObject({
    guides: [],
    policies: [{ id: 'uuid-of-p1' }, { id: 'uuid-of-p2' }],
  });
});

test('answers from what it holds without waiting: a second ask gives the same related items', async () => {
  const { sut } = setup();
  const first = await sut.forPairs([pair()]);
  const second = await sut.forPairs([pair()]);
  expect(second.get('pair-1')).toEqual(first.get('pair-1'));
  expect(second.get('pair-1')?.policies).toHaveLength(2);
});

test('after a failed guide lookup, asks within RETRY_AFTER_MS make no call to the guide service; then it is asked again', async () => {
  let now = 1_000_000;
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
  try {
    let up = false;
    const { sut, calls } = setup({
      guides: () => (up ? Promise.resolve({ items: [GUIDE] }) : Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE))),
    });
    expect((await sut.forPairs([pair()])).get('pair-1')).toMatchObject({ guides: [] });
    expect(calls.guides).toHaveLength(1);
    // other pairs too: the service is away, not one pair's lookup
    up = true;
    now += RETRY_AFTER_MS - 1;
    expect((await sut.forPairs([pair(), pair({ id: 'pair-2', version: 3 })])).get('pair-2')).toMatchObject({ guides: [] });
    expect(calls.guides).toHaveLength(1);
    now += 1;
    expect((await sut.forPairs([pair({ id: 'pair-2', version: 3 })])).get('pair-2')).toMatchObject({ guides: [{ code: GUIDE.code }] });
    expect(calls.guides).toHaveLength(2);
  } finally {
    clock.mockRestore();
  }
});
