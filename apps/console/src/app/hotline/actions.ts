'use server';
import { redirect } from 'next/navigation';
import { api } from '../../lib/api';
import { checkCsrf } from '../../lib/auth';
import { field } from '../../lib/site';

/** 记录结果: whether the answer settled the caller's question, as feedback on the pair (the editors see it in the stats). */
export async function recordOutcome(form: FormData): Promise<void> {
  const q = field(form, 'q');
  const back = (status: string) => redirect(`/hotline?q=${encodeURIComponent(q)}&recorded=${status}`);
  if (!(await checkCsrf(form))) back('csrf');
  const pairId = field(form, 'pairId');
  const helpful = field(form, 'outcome') === 'solved';
  const comment = field(form, 'note');
  const { error } = await (
    await api()
  ).POST('/api/v1/qa/pairs/{pairId}/feedback', {
    params: { path: { pairId } },
    body: { helpful, comment: `热线来电：${comment || (helpful ? '已解答' : '未解答')}` },
  });
  back(error ? 'failed' : helpful ? 'solved' : 'unsolved');
}
