import { api } from '../../../../lib/api';
import { seeOther, signedInForm } from '../../../../lib/form-post';
import { UUID, field } from '../../../../lib/site';
import { loginHref } from '../../../../lib/signed-in';

const PAGE = '/me/subscriptions';

/** 删除: a form POST with the session's CSRF token; someone else's subscription answers like a gone one. */
export async function POST(request: Request): Promise<Response> {
  const form = await signedInForm(request, PAGE);
  if (form instanceof Response) return form;
  const id = field(form, 'id');
  if (!UUID.test(id)) return seeOther(`${PAGE}?done=gone`);
  const { response } = await (await api()).DELETE('/api/v1/subscriptions/{subscriptionId}', { params: { path: { subscriptionId: id } } });
  if (response.status === 401) return seeOther(loginHref(PAGE));
  return seeOther(`${PAGE}?done=${response.ok ? 'removed' : response.status === 404 ? 'gone' : 'error'}`);
}
