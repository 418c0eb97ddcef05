'use server';
import { redirect } from 'next/navigation';
import { DisclosureAction } from '@govdisc/contracts';
import { api } from '../../../lib/api';
import { checkCsrf } from '../../../lib/auth';
import { actionFromForm } from '../../../lib/disclosure-action';
import { field } from '../../../lib/site';

/** One statutory step on a request; the gateway's answer (done, or why not, in Chinese) comes back on the page. */
export async function act(form: FormData): Promise<void> {
  const requestNumber = field(form, 'requestNumber');
  const page = `/disclosure/${encodeURIComponent(requestNumber)}`;
  if (!(await checkCsrf(form))) redirect(`${page}?error=${encodeURIComponent('页面已过期，请刷新后重试。')}`);
  const type = DisclosureAction.options.map((o) => o.shape.type.value).find((t) => t === field(form, 'type'));
  if (!type) redirect(`${page}?error=${encodeURIComponent('请选择办理步骤。')}`);
  const { error } = await (
    await api()
  ).POST('/api/v1/disclosure-requests/{requestNumber}/actions', {
    params: { path: { requestNumber } },
    // the gateway validates the body against the contract and answers a wrong one with 422 and a Chinese message
    body: { action: actionFromForm(type, (name) => field(form, name)) } as never,
  });
  if (error) redirect(`${page}?error=${encodeURIComponent(`${error.message}（${error.code}）`)}`);
  redirect(`${page}?done=${type}`);
}
