import type { GatewayClient } from '@govdisc/api-client';
import type { CookieJar } from '@govdisc/web-auth';
import { webAuth } from './portal-auth';
import { TtlCache } from './ttl-cache';

/** How long the header's unread count is reused for one session before the gateway is asked again. */
const UNREAD_TTL_MS = 20_000;

/** One cache per process (route handlers and pages may be separate bundles, so it hangs off globalThis). */
function cache(): TtlCache<number> {
  const holder = globalThis as { __portalUnread?: TtlCache<number> };
  holder.__portalUnread ??= new TtlCache<number>(UNREAD_TTL_MS, 10_000);
  return holder.__portalUnread;
}

/** The session id the unread count is held under (the session cookie), if any. */
export const sessionKey = (jar: Pick<CookieJar, 'get'>) => jar.get(webAuth().cookieNames.session)?.value;

/**
 * The signed-in person's unread notices for the header, reused for a short time per session: every
 * page shows it, and asking the gateway on each render cost a round trip per page. Null when the inbox
 * cannot be read (not cached: the next page tries again).
 */
export async function cachedUnread(key: string | undefined, client: () => Promise<GatewayClient>): Promise<number | null> {
  const hit = key ? cache().get(key) : undefined;
  if (hit !== undefined) return hit;
  const { data } = await (await client()).GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1 } } });
  if (data && key) cache().set(key, data.unread);
  return data ? data.unread : null;
}

/** After marking notices read: the next page asks the gateway again. */
export function forgetUnreadOf(key: string | undefined): void {
  if (key) cache().delete(key);
}

/** What the header shows of the signed-in person: the name, the logout form's CSRF token, the unread count. */
export interface HeaderAccount {
  name: string;
  csrf: string;
  unread: number | null;
}

/** The header's account part for this request's cookies; null when nobody is signed in (no gateway call then). */
export async function headerAccount(jar: CookieJar, client: () => Promise<GatewayClient>): Promise<HeaderAccount | null> {
  const user = await webAuth().user(jar);
  if (!user) return null;
  const [csrf, unread] = await Promise.all([webAuth().csrfToken(jar), cachedUnread(sessionKey(jar), client)]);
  return { name: user.name, csrf: csrf ?? '', unread };
}
