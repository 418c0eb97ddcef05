import { cookies } from 'next/headers';
import { webAuth } from '../../../lib/auth';

/**
 * 退出: a form POST carrying the session's CSRF token (a GET or another site's POST cannot sign
 * anyone out); ends the session here, then at the issuer (RP-initiated logout), which returns home.
 */
export async function POST(request: Request): Promise<Response> {
  const jar = await cookies();
  const form = await request.formData();
  if (!(await webAuth().checkCsrf(jar, form.get('csrf')))) {
    return new Response('退出请求无效或已过期，请回到页面后重新点击“退出”。', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const target = await webAuth().logout(jar);
  return new Response(null, { status: 303, headers: { location: target.href, 'cache-control': 'no-store' } });
}
