import { type Stack, api } from './stack.js';

type Headers = Record<string, string>;
/** Four eyes in the e2e specs: content is written by an editor and published by a different reviewer. */
export interface Pair {
  editor: Headers;
  reviewer: Headers;
}

/** A policy document saved by the editor and published by the reviewer; its id. */
export async function publishedPolicy(stack: Stack, by: Pair, doc: Record<string, unknown>): Promise<string> {
  const created = await api(stack, 'POST', '/policies', doc, by.editor);
  expect(created.status).toBe(201);
  const published = await api(stack, 'POST', `/policies/${created.json.id}/publish`, undefined, by.reviewer);
  expect(published.status).toBe(200);
  return created.json.id;
}

/** A Q&A pair drafted and submitted by the editor, approved by the reviewer; its id. */
export async function publishedPair(stack: Stack, by: Pair, pair: Record<string, unknown>): Promise<string> {
  const draft = await api(stack, 'POST', '/qa/pairs', pair, by.editor);
  expect(draft.status).toBe(201);
  expect((await api(stack, 'POST', `/qa/pairs/${draft.json.id}/transitions`, { action: 'SUBMIT' }, by.editor)).status).toBeLessThan(300);
  const approved = await api(stack, 'POST', `/qa/pairs/${draft.json.id}/transitions`, { action: 'APPROVE' }, by.reviewer);
  expect([approved.status, approved.json.status]).toEqual([200, 'PUBLISHED']);
  return draft.json.id;
}

/** An import batch by the editor (drafts), then the reviewer publishes the job; the editor's job view. */
export async function importPoliciesPublished(stack: Stack, by: Pair, batch: Record<string, unknown>) {
  const job = await api(stack, 'POST', '/policies/import/batches', batch, by.editor);
  if (job.status < 300) {
    const published = await api(stack, 'POST', `/policies/import/jobs/${job.json.id}/publish`, undefined, by.reviewer);
    expect([published.status, published.json.refused]).toEqual([200, []]);
  }
  return job;
}

/** A Q&A import by the editor (drafts), signed off by the reviewer sending it again with publish:true; the editor's report. */
export async function importQaPublished(stack: Stack, by: Pair, items: unknown[]) {
  const res = await api(stack, 'POST', '/qa/import', { items }, by.editor);
  if (res.status < 300) {
    const signed = await api(stack, 'POST', '/qa/import', { items, publish: true }, by.reviewer);
    expect(signed.status).toBe(200);
  }
  return res;
}
