'use server';
import { redirect } from 'next/navigation';
import { api } from '../../lib/api';
import { checkCsrf } from '../../lib/auth';
import { field } from '../../lib/site';

const back = (path: string, key: 'error' | 'done', value: string): never =>
  redirect(`${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`);

/** 保存并提交审核: a new pair citing the chosen clause (quoted verbatim from the policy), submitted for a reviewer. */
export async function draftPair(form: FormData): Promise<void> {
  const policy = field(form, 'policy');
  const page = `/qa/new?policy=${encodeURIComponent(policy)}`;
  if (!(await checkCsrf(form))) back(page, 'error', '页面已过期，请刷新后重试。');
  const client = await api();
  const picked = field(form, 'anchor');
  const detail = await client.GET('/api/v1/policies/{documentId}/detail', { params: { path: { documentId: policy } } });
  const paragraphs = detail.data?.paragraphs ?? [];
  const clause = clauseOf(paragraphs, picked);
  const anchor = clause?.anchor ?? undefined;
  if (!clause) back(page, 'error', '请选择答复所依据的条款。');
  const outcome = await saveAndSubmit(client, {
    question: field(form, 'question'),
    answer: field(form, 'answer'),
    topics: topicsOf(form),
    citations: [{ documentId: policy, ...(anchor ? { anchor } : {}), quote: clause!.text }],
  });
  if ('error' in outcome) back(outcome.saved ? '/qa' : page, 'error', outcome.error);
  back('/qa', 'done', `已提交审核：${field(form, 'question')}`);
}

/**
 * 修改 → 保存并提交审核: the pair's new text and (re)chosen clause, quoted from the policy's current text, saved in
 * place and submitted; everything the form does not show (alternatives, audience, dates, topics) stays as it was.
 */
export async function editPair(form: FormData): Promise<void> {
  const pairId = field(form, 'pairId');
  const page = `/qa/${encodeURIComponent(pairId)}/edit`;
  if (!(await checkCsrf(form))) back(page, 'error', '页面已过期，请刷新后重试。');
  const client = await api();
  const { data: pair, error } = await client.GET('/api/v1/qa/pairs/{pairId}', { params: { path: { pairId } } });
  if (!pair) return back(page, 'error', `${error?.message ?? '读取问答失败'}（${error?.code ?? ''}）`);
  const [first, ...others] = pair.citations;
  const citations = others.map(({ state: _state, ...c }) => withoutNulls(c));
  if (first) {
    const detail = await client.GET('/api/v1/policies/{documentId}/detail', { params: { path: { documentId: first.documentId } } });
    const clause = clauseOf(detail.data?.paragraphs ?? [], field(form, 'anchor'));
    if (!clause) back(page, 'error', '请选择答复所依据的条款。');
    citations.unshift({ documentId: first.documentId, ...(clause!.anchor ? { anchor: clause!.anchor } : {}), quote: clause!.text });
  }
  const saved = await client.PUT('/api/v1/qa/pairs/{pairId}', {
    params: { path: { pairId } },
    body: {
      question: field(form, 'question'),
      answer: field(form, 'answer'),
      alternatives: pair.alternatives,
      audience: pair.audience,
      ...withoutNulls({
        ownerDepartment: pair.ownerDepartment,
        effectiveFrom: pair.effectiveFrom,
        effectiveTo: pair.effectiveTo,
        sourcePolicyId: pair.sourcePolicyId,
      }),
      citations,
    } as never,
  });
  if (saved.error) back(page, 'error', `${saved.error.message}（${saved.error.code}）`);
  const submitted = await client.POST('/api/v1/qa/pairs/{pairId}/transitions', {
    params: { path: { pairId } },
    body: { action: 'SUBMIT' },
  });
  // a published pair's edit waits for review as it is (pendingEdit): there is nothing to submit
  if (submitted.error && pair.status !== 'PUBLISHED') back('/qa', 'error', `已保存，但提交审核失败：${submitted.error.message}`);
  back('/qa', 'done', `已提交审核：${field(form, 'question')}`);
}

type Paragraph = { anchor?: string | null; text: string };
/**
 * The clause a picker key names: its anchor (art-5, and p-7 now that every paragraph has one), or i-<position> for a
 * paragraph without one (a page rendered before paragraph anchors).
 */
function clauseOf<P extends Paragraph>(paragraphs: P[], key: string): P | undefined {
  return paragraphs.find((p) => p.anchor === key) ?? (/^i-\d+$/.test(key) ? paragraphs[Number(key.slice(2))] : undefined);
}

/** The API's null (unset) fields left out, as the write schemas expect. */
function withoutNulls<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as never;
}

/** The topics the editor ticked (none: the service's classifier chooses, as before). */
const topicsOf = (form: FormData): string[] => form.getAll('topics').filter((t): t is string => typeof t === 'string' && t !== '');

type Client = Awaited<ReturnType<typeof api>>;
interface PairDraft {
  question: string;
  answer: string;
  topics: string[];
  citations: Array<{ documentId: string; documentVersion?: number; anchor?: string; quote: string }>;
}

/** Saves one pair as a draft and submits it for review (four eyes: a reviewer publishes it). */
async function saveAndSubmit(client: Client, draft: PairDraft): Promise<{ id: string } | { error: string; saved: boolean }> {
  const { topics, ...rest } = draft;
  const saved = await client.POST('/api/v1/qa/pairs', { body: { ...rest, ...(topics.length ? { topics } : {}) } as never });
  if (!saved.data) return { error: `${saved.error?.message ?? '保存失败'}（${saved.error?.code ?? ''}）`, saved: false };
  const submitted = await client.POST('/api/v1/qa/pairs/{pairId}/transitions', {
    params: { path: { pairId: saved.data.id } },
    body: { action: 'SUBMIT' },
  });
  if (submitted.error) return { error: `已保存为草稿，但提交审核失败：${submitted.error.message}`, saved: true };
  return { id: saved.data.id };
}

/**
 * Extraction assistant: the drafts the editor kept (ticked), as edited, each citing its clause verbatim, saved
 * and submitted for review; the ones that failed are named.
 */
export async function sendDrafts(form: FormData): Promise<void> {
  const policy = field(form, 'policy');
  const page = `/qa/extract?policy=${encodeURIComponent(policy)}`;
  if (!(await checkCsrf(form))) back(page, 'error', '页面已过期，请刷新后重试。');
  const picked = form.getAll('pick').filter((p): p is string => typeof p === 'string');
  if (picked.length === 0) back(page, 'error', '请至少勾选一条草稿。');
  const client = await api();
  const failed: string[] = [];
  for (const i of picked) {
    const anchor = field(form, `anchor-${i}`);
    const version = Number(field(form, `version-${i}`));
    const outcome = await saveAndSubmit(client, {
      question: field(form, `question-${i}`),
      answer: field(form, `answer-${i}`),
      topics: topicsOf(form),
      citations: [
        {
          documentId: policy,
          ...(version > 0 ? { documentVersion: version } : {}),
          ...(anchor ? { anchor } : {}),
          quote: field(form, `quote-${i}`),
        },
      ],
    });
    if ('error' in outcome) failed.push(`${field(form, `question-${i}`)}：${outcome.error}`);
  }
  if (failed.length) back(page, 'error', `${picked.length - failed.length} 条已提交审核；未成功：${failed.join('；')}`);
  back('/qa', 'done', `已提交审核 ${picked.length} 条（提取助手）`);
}

/** 发布 / 退回: a reviewer signs off a pair someone else wrote (the service refuses one's own: four eyes). */
export async function reviewPair(form: FormData): Promise<void> {
  if (!(await checkCsrf(form))) back('/qa/review', 'error', '页面已过期，请刷新后重试。');
  const action = field(form, 'decision') === 'reject' ? 'REJECT' : 'APPROVE';
  const { data, error } = await (
    await api()
  ).POST('/api/v1/qa/pairs/{pairId}/transitions', {
    params: { path: { pairId: field(form, 'pairId') } },
    body: { action, ...(field(form, 'note') ? { note: field(form, 'note') } : {}) },
  });
  if (error) back('/qa/review', 'error', `${error.message}（${error.code}）`);
  back('/qa/review', 'done', `${action === 'APPROVE' ? '已发布' : '已退回'}：${data!.question}`);
}
