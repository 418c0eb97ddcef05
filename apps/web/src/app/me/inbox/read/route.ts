import { api } from '../../../../lib/api';
import { seeOther, signedInForm } from '../../../../lib/form-post';
import { UUID, field } from '../../../../lib/site';
import { pageParam } from '../../../../lib/signed-in';
import { forgetUnread } from '../../../../lib/unread-count';

const back = (query: string) => seeOther(`/me/inbox${query}`);

/**
 * 标为已读 / 全部标为已读: a form POST with the session's CSRF token (another site's form cannot mark
 * anyone's notices), then back to the inbox page it came from (Post/Redirect/Get). The header's cached
 * unread count is dropped, so the next page shows the new one.
 */
export async function POST(request: Request): Promise<Response> {
  const form = await signedInForm(request, '/me/inbox');
  if (form instanceof Response) return form;
  const page = pageParam(field(form, 'page'));
  const keep = page > 1 ? `&page=${page}` : '';
  const client = await api();
  if (field(form, 'all') === '1') {
    const { response } = await client.POST('/api/v1/notifications/read-all');
    await forgetUnread();
    return back(response.ok ? '?done=all' : '?failed=1');
  }
  const id = field(form, 'id');
  if (!UUID.test(id)) return back(`?failed=1${keep}`);
  const { response } = await client.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId: id } } });
  await forgetUnread();
  return back(`${response.ok ? '?done=one' : '?failed=1'}${keep}`);
}
