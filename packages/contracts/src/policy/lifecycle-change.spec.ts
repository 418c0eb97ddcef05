import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../errors.js';
import { documentPublished, documentRepealed, policyLifecycleChange } from './document.js';

const ctx = { source: 'policy-svc', correlationId: randomUUID() };
const lifecycle = {
  documentId: randomUUID(),
  externalId: 'jd-1',
  title: '江东市测试办法',
  version: 2,
  byDocumentId: null,
  at: '2026-12-06T00:00:00.000Z',
};

test('a repeal is a change with its reason; a publication needs nothing; any other type is malformed', () => {
  const repealed = JSON.parse(JSON.stringify(documentRepealed.make(lifecycle, ctx))) as unknown;
  expect(policyLifecycleChange(repealed)).toMatchObject({ reason: 'REPEALED', envelope: { payload: { externalId: 'jd-1' } } });
  const published = JSON.parse(
    JSON.stringify(
      documentPublished.make(
        { documentId: lifecycle.documentId, docNumber: null, title: lifecycle.title, agency: null, publishedAt: lifecycle.at, version: 1 },
        ctx,
      ),
    ),
  ) as unknown;
  expect(policyLifecycleChange(published)).toBeNull();
  expect(() => policyLifecycleChange({ type: 'policy.document.renamed' })).toThrow(
    expect.objectContaining({ code: ErrorCode.MALFORMED_MESSAGE }),
  );
});
