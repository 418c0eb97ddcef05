'use server';
import { redirect } from 'next/navigation';
import { api } from '../../lib/api';
import { UUID, field } from '../../lib/site';

/** 有用 / 没用: records the feedback on the answer's Q&A pair, then shows the same answer with a thank-you. */
export async function sendFeedback(form: FormData): Promise<void> {
  const pairId = field(form, 'pairId');
  const q = field(form, 'q').slice(0, 300);
  const helpful = form.get('helpful') === 'yes';
  let ok = false;
  if (UUID.test(pairId)) {
    const { response } = await (
      await api()
    ).POST('/api/v1/qa/pairs/{pairId}/feedback', { params: { path: { pairId } }, body: { helpful } });
    ok = response.ok;
  }
  redirect(`/ask?q=${encodeURIComponent(q)}&fb=${ok ? 'ok' : 'fail'}`);
}
