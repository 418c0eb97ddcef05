import { cookies } from 'next/headers';
import { WebAuthError } from '@govdisc/web-auth';
import { webAuth } from '../../../lib/auth';

/** 登录: remembers where the person was (returnTo, a path on this site) and sends them to the issuer's login page. */
export async function GET(request: Request): Promise<Response> {
  const returnTo = new URL(request.url).searchParams.get('returnTo') ?? undefined;
  try {
    const target = await webAuth().startLogin(await cookies(), returnTo);
    return new Response(null, { status: 303, headers: { location: target.href, 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof WebAuthError) return failed(error.code);
    throw error;
  }
}

function failed(code: string): Response {
  return new Response(null, { status: 303, headers: { location: `/auth/failed?reason=${code}` } });
}
