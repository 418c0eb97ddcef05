import {
  DomainError,
  ErrorCode,
  listDocumentsCitedByPairs,
  listMattersCitingPolicy,
  listPairsCitingDocument,
  listPoliciesCitedByMatters,
} from '@govdisc/contracts';
import type { RpcClient } from '@govdisc/service-kit';
import { CitingLookup } from './citing-lookup.js';

const doc = { id: '00000000-0000-4000-8000-000000000001', externalId: 'policy-1' };
const pair = { id: '00000000-0000-4000-8000-0000000000aa', question: '稳岗返还比例？' };
const guide = { code: 'G-1', name: '稳岗返还申领', department: '市人力资源和社会保障局', clause: '第二条' };

/**
 * A fake bus: each service answers, fails or hangs as the test says; `cited` are the ids the services say anything
 * cites (absent: they do not know the question, as a service not yet updated).
 */
function lookup(behaviour: { qa: 'ok' | 'fail' | 'hang'; guides: 'ok' | 'fail' | 'hang'; cited?: { qa: string[]; guides: string[] } }) {
  const calls: string[] = [];
  const answer = (how: 'ok' | 'fail' | 'hang', items: unknown[]) =>
    how === 'ok'
      ? Promise.resolve({ items })
      : how === 'fail'
        ? Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE))
        : new Promise(() => undefined);
  const rpc = {
    call: (contract: { subject: string }, request: unknown) => {
      calls.push(contract.subject);
      if (contract.subject === listDocumentsCitedByPairs.subject)
        return behaviour.cited
          ? Promise.resolve({ ids: behaviour.cited.qa })
          : Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE));
      if (contract.subject === listPoliciesCitedByMatters.subject)
        return behaviour.cited
          ? Promise.resolve({ ids: behaviour.cited.guides })
          : Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE));
      expect(request).toEqual({ documentId: doc.id, externalId: 'policy-1', limit: 20 });
      if (contract.subject === listPairsCitingDocument.subject) return answer(behaviour.qa, [pair]);
      if (contract.subject === listMattersCitingPolicy.subject) return answer(behaviour.guides, [guide]);
      throw new Error(`unexpected ${contract.subject}`);
    },
  } as unknown as RpcClient;
  return { citing: new CitingLookup(rpc), calls };
}

const perDocument = (calls: string[]) =>
  calls.filter((s) => s === listPairsCitingDocument.subject || s === listMattersCitingPolicy.subject);

test('lists the citing pairs and guides, asking each service once while cached', async () => {
  const { citing, calls } = lookup({ qa: 'ok', guides: 'ok' });
  expect(await citing.of(doc)).toEqual({ qa: [pair], guides: [guide] });
  expect(await citing.of(doc)).toEqual({ qa: [pair], guides: [guide] });
  expect(perDocument(calls)).toHaveLength(2);
});

test('a document no published pair or guide cites gets empty parts without a call, once the cited ids are known', async () => {
  const { citing, calls } = lookup({ qa: 'ok', guides: 'ok', cited: { qa: ['policy-1'], guides: [] } });
  expect(await citing.of(doc)).toEqual({ qa: [pair], guides: [guide] }); // the sets not yet known: asked per document
  await new Promise((res) => setImmediate(res));
  expect(calls).toEqual(expect.arrayContaining([listDocumentsCitedByPairs.subject, listPoliciesCitedByMatters.subject]));
  calls.length = 0;
  // the qa set holds the document's externalId (its cached answer stays); the guides' set does not: empty at once
  expect(await citing.of(doc)).toEqual({ qa: [pair], guides: [] });
  const uncited = { id: '00000000-0000-4000-8000-000000000002', externalId: null };
  expect(await citing.of(uncited)).toEqual({ qa: [], guides: [] });
  expect(calls).toEqual([]);
});

test('a service that fails leaves its part empty, never the detail, and is not asked again at once', async () => {
  const { citing, calls } = lookup({ qa: 'fail', guides: 'ok' });
  expect(await citing.of(doc)).toEqual({ qa: [], guides: [guide] });
  expect(await citing.of(doc)).toEqual({ qa: [], guides: [guide] });
  expect(calls.filter((s) => s === listPairsCitingDocument.subject)).toHaveLength(1);
});

test('a service that does not answer in time leaves its part empty', async () => {
  const { citing } = lookup({ qa: 'ok', guides: 'hang' });
  const started = Date.now();
  expect(await citing.of(doc)).toEqual({ qa: [pair], guides: [] });
  expect(Date.now() - started).toBeLessThan(2_000);
});
