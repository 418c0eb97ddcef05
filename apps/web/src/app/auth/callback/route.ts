import { cookies } from 'next/headers';
import { WebAuthError } from '@govdisc/web-auth';
import { webAuth } from '../../../lib/auth';

/** The issuer sends the browser back here with the code; the exchange happens server-side. */
export async function GET(request: Request): Promise<Response> {
  try {
    const back = await webAuth().finishLogin(await cookies(), new URL(request.url));
    return new Response(null, { status: 303, headers: { location: back, 'cache-control': 'no-store' } });
  } catch (error) {
    if (!(error instanceof WebAuthError)) throw error;
    return new Response(null, { status: 303, headers: { location: `/auth/failed?reason=${error.code}` } });
  }
}
