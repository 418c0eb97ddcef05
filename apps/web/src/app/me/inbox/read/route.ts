import { cookies } from 'next/headers';
import { api } from '../../../../lib/api';
import { webAuth } from '../../../../lib/auth';
import { field, UUID } from '../../../../lib/site';
import { loginHref, pageParam } from '../../../../lib/signed-in';

const back = (query: string) =>
  new Response(null, { status: 303, headers: { location: `/me/inbox${query}`, 'cache-control': 'no-store' } });

/**
 * 标为已读 / 全部标为已读: a form POST with the session's CSRF token (another site's form cannot mark
 * anyone's notices), then back to the inbox page it came from (Post/Redirect/Get).
 */
export async function POST(request: Request): Promise<Response> {
  const jar = await cookies();
  if (!(await webAuth().user(jar))) return redirectTo(loginHref('/me/inbox'));
  const form = await request.formData();
  if (!(await webAuth().checkCsrf(jar, form.get('csrf')))) {
    return new Response('操作请求无效或已过期，请回到“我的消息”页面后重试。', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const page = pageParam(field(form, 'page'));
  const keep = page > 1 ? `&page=${page}` : '';
  const client = await api();
  if (field(form, 'all') === '1') {
    const { response } = await client.POST('/api/v1/notifications/read-all');
    return back(response.ok ? '?done=all' : '?failed=1');
  }
  const id = field(form, 'id');
  if (!UUID.test(id)) return back(`?failed=1${keep}`);
  const { response } = await client.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId: id } } });
  return back(`${response.ok ? '?done=one' : '?failed=1'}${keep}`);
}

function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
