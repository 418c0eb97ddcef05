import { cookies } from 'next/headers';
import { randomBytes } from 'node:crypto';
import { webAuth } from './auth';
import { loginHref } from './signed-in';

/** What a failed form post hands to the page it goes back to: the values typed and a message per field. */
export interface Flash {
  id: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

const FLASH_COOKIE = 'portal_flash';

/** A 303 to `location` (Post/Redirect/Get), never cached. */
export function seeOther(location: string, setCookie?: string): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  if (setCookie) headers.append('set-cookie', setCookie);
  return new Response(null, { status: 303, headers });
}

/**
 * Back to `path` with the errors and the values typed: they ride in a short-lived HttpOnly cookie whose
 * id the URL names (`?failed=<id>`), so only this browser sees them, nobody can put words on the page
 * with a crafted link, and a reload shows the same page. Works without JavaScript.
 */
export function backWithErrors(path: string, errors: Record<string, string>, values: Record<string, string>): Response {
  const flash: Flash = { id: randomBytes(6).toString('base64url'), errors, values };
  const value = Buffer.from(JSON.stringify(flash)).toString('base64url');
  const cookie = `${FLASH_COOKIE}=${value}; Path=/me; Max-Age=600; HttpOnly; SameSite=Lax`;
  return seeOther(`${path}?failed=${flash.id}`, cookie);
}

/** The flash a page was sent back with (the `failed` query value must match), or null. */
export async function readFlash(failed: string): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw || !failed) return null;
  try {
    const flash = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flash;
    return flash.id === failed && typeof flash.errors === 'object' && typeof flash.values === 'object' ? flash : null;
  } catch {
    return null;
  }
}

/**
 * The checks every signed-in form post makes before it changes anything: a session (else sign in and
 * come back to `page`) and the session's CSRF token in the `csrf` field (else 403: another site's form
 * cannot act for the person). Returns the form, or the response to send instead.
 */
export async function signedInForm(request: Request, page: string): Promise<FormData | Response> {
  const jar = await cookies();
  if (!(await webAuth().user(jar))) return seeOther(loginHref(page));
  const form = await request.formData();
  if (!(await webAuth().checkCsrf(jar, form.get('csrf')))) {
    return new Response('操作请求无效或已过期，请回到原页面刷新后重试。', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return form;
}

/** The session's CSRF token for a page's forms ('' when signed out: such a post is refused anyway). */
export async function csrfToken(): Promise<string> {
  return (await webAuth().csrfToken(await cookies())) ?? '';
}
