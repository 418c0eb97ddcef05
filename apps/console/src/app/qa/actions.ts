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
  const clause = /^p-\d+$/.test(picked) ? paragraphs[Number(picked.slice(2))] : paragraphs.find((p) => p.anchor === picked);
  const anchor = clause?.anchor ?? undefined;
  if (!clause) back(page, 'error', '请选择答复所依据的条款。');
  const saved = await client.POST('/api/v1/qa/pairs', {
    body: {
      question: field(form, 'question'),
      answer: field(form, 'answer'),
      citations: [{ documentId: policy, ...(anchor ? { anchor } : {}), quote: clause!.text }],
    } as never,
  });
  if (!saved.data) return back(page, 'error', `${saved.error?.message ?? '保存失败'}（${saved.error?.code ?? ''}）`);
  const submitted = await client.POST('/api/v1/qa/pairs/{pairId}/transitions', {
    params: { path: { pairId: saved.data.id } },
    body: { action: 'SUBMIT' },
  });
  if (submitted.error) back('/qa', 'error', `已保存为草稿，但提交审核失败：${submitted.error.message}`);
  back('/qa', 'done', `已提交审核：${saved.data.question}`);
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
