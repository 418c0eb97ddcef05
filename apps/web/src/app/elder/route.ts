/**
 * 长辈版 switch: a form POST (works without JavaScript) that remembers the choice in a cookie for a
 * year and sends the citizen back to the page they were on (same site only).
 */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  const on = form.get('on') === '1';
  let back = '/';
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const ref = new URL(referer);
      if (ref.host === request.headers.get('host')) back = `${ref.pathname}${ref.search}`;
    } catch {
      // not a URL: go home
    }
  }
  const cookie = `elder=${on ? '1' : '0'}; Path=/; Max-Age=${on ? 31536000 : 0}; SameSite=Lax`;
  return new Response(null, { status: 303, headers: { location: back, 'set-cookie': cookie } });
}
