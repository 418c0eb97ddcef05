import { eventually, requiredOpensearchUrl } from '@govdisc/testing';
import { bearer, tokenFor } from './auth.js';
import { FIXTURE_QA_PAIRS } from './corpus.js';
import { askScenario, importQaSample, repealScenario } from './qa-scenarios.js';
import { type Stack, startStack } from './stack.js';

// The same 一号答 scenarios as qa.e2e-spec.ts with the search read models in a real OpenSearch
// (qa-svc's Q&A index and policy-svc's policy index, each under this stack's own alias).
let stack: Stack;
let editor: Record<string, string>;
let admin: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ opensearchUrl: requiredOpensearchUrl() });
  const signIn = async (user: string) => bearer(await tokenFor(stack.issuerUrl, user));
  [editor, admin, reviewer] = await Promise.all([signIn('editor1'), signIn('admin1'), signIn('reviewer1')]);
  await importQaSample(stack, { editor, reviewer });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

test('qa-svc and policy-svc keep their indices in OpenSearch, each under its own alias of this stack', async () => {
  const { qa, policies } = stack.searchAliases!;
  expect(qa).not.toBe(policies);
  const count = async (alias: string) =>
    ((await (await fetch(`${requiredOpensearchUrl()}/${alias}/_count`)).json()) as { count: number }).count;
  await eventually(async () => expect(await count(qa)).toBe(FIXTURE_QA_PAIRS));
  expect(await count(policies)).toBe(0); // no policy published yet: the Q&A never land in the policy index
});

test('一号答 on OpenSearch: a reworded question finds its answer with confidence; an unanswerable one falls back and is queued', async () => {
  await askScenario(stack, editor);
});

test('一号答 on OpenSearch: repealing a cited policy takes its Q&A out of the answers into the needs-update queue, one event each', async () => {
  await repealScenario(stack, { admin, editor, reviewer });
});
