/** The options this package sets on its cookies (Next.js' cookies() accepts them as they are). */
export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge: number;
}

/**
 * The cookie access this package needs. Next.js' `await cookies()` fits it in route handlers and
 * server actions (where cookies may be set); in server components only `get` is used.
 */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: CookieOptions): unknown;
  delete(name: string): unknown;
}

export interface CookieNames {
  session: string;
  login: string;
}

/**
 * Over HTTPS the names carry the __Host- prefix, which browsers accept only with Secure, Path=/ and
 * no Domain, so a sibling sub-domain cannot plant or overwrite them. Plain http (one-machine mode on
 * 127.0.0.1) cannot use the prefix.
 */
export function cookieNames(prefix: string, secure: boolean): CookieNames {
  const host = secure ? '__Host-' : '';
  return { session: `${host}${prefix}_session`, login: `${host}${prefix}_login` };
}

/**
 * HttpOnly: no script can read them. SameSite=Lax: sent on top-level navigations (the return from the
 * issuer to the callback is one) but not on cross-site POSTs or sub-requests.
 */
export function cookieOptions(secure: boolean, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds };
}
