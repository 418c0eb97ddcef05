import type { CookieJar } from './cookies.js';
import { WebAuthError, type WebAuth } from './web-auth.js';

/**
 * One WebAuth per process and app, kept on globalThis: Next may load a module more than once
 * (route handlers, pages), and each copy must see the same sessions.
 */
export function sharedWebAuth(app: string, create: () => WebAuth): WebAuth {
  const holder = globalThis as { __govdiscWebAuth?: Map<string, WebAuth> };
  holder.__govdiscWebAuth ??= new Map();
  let auth = holder.__govdiscWebAuth.get(app);
  if (!auth) {
    auth = create();
    holder.__govdiscWebAuth.set(app, auth);
  }
  return auth;
}

const redirect = (location: string): Response => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
const failed = (code: string): Response => redirect(`/auth/failed?reason=${code}`);

/**
 * The sign-in route handlers every web app mounts the same way (Next's cookies() is the jar):
 *   app/auth/login/route.ts     export const GET = authRoutes(webAuth, cookies).login;
 *   app/auth/callback/route.ts  export const GET = authRoutes(webAuth, cookies).callback;
 *   app/auth/logout/route.ts    export const POST = authRoutes(webAuth, cookies).logout;
 * Failures go to the app's /auth/failed?reason=CODE page.
 */
export function authRoutes(auth: () => WebAuth, jar: () => Promise<CookieJar>) {
  return {
    /** 登录: remembers where the person was (returnTo, a path on this site) and sends them to the issuer's login page. */
    login: async (request: Request): Promise<Response> => {
      const returnTo = new URL(request.url).searchParams.get('returnTo') ?? undefined;
      try {
        return redirect((await auth().startLogin(await jar(), returnTo)).href);
      } catch (error) {
        if (error instanceof WebAuthError) return failed(error.code);
        throw error;
      }
    },
    /** The issuer sends the browser back here with the code; the exchange happens server-side. */
    callback: async (request: Request): Promise<Response> => {
      try {
        return redirect(await auth().finishLogin(await jar(), new URL(request.url)));
      } catch (error) {
        if (error instanceof WebAuthError) return failed(error.code);
        throw error;
      }
    },
    /**
     * 退出: a form POST carrying the session's CSRF token (a GET or another site's POST cannot sign
     * anyone out); ends the session here, then at the issuer (RP-initiated logout), which returns home.
     */
    logout: async (request: Request): Promise<Response> => {
      const cookies = await jar();
      const form = await request.formData();
      if (!(await auth().checkCsrf(cookies, form.get('csrf')))) {
        return new Response('退出请求无效或已过期，请回到页面后重新点击“退出”。', {
          status: 403,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
      return redirect((await auth().logout(cookies)).href);
    },
  };
}
