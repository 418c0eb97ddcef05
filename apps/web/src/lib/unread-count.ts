import { cookies } from 'next/headers';
import { api } from './api';
import { webAuth } from './auth';
import { TtlCache } from './ttl-cache';

/** How long the header's unread count is reused for one session before the gateway is asked again. */
const UNREAD_TTL_MS = 20_000;

/** One cache per process (route handlers and pages may be separate bundles, so it hangs off globalThis). */
function cache(): TtlCache<number> {
  const holder = globalThis as { __portalUnread?: TtlCache<number> };
  holder.__portalUnread ??= new TtlCache<number>(UNREAD_TTL_MS, 10_000);
  return holder.__portalUnread;
}

async function sessionKey(): Promise<string | undefined> {
  return (await cookies()).get(webAuth().cookieNames.session)?.value;
}

/**
 * The signed-in person's unread notices for the header, reused for a short time per session: every
 * page shows it, and asking the gateway on each render cost a round trip per page. Null when the inbox
 * cannot be read (not cached: the next page tries again).
 */
export async function unreadCount(): Promise<number | null> {
  const key = await sessionKey();
  const hit = key ? cache().get(key) : undefined;
  if (hit !== undefined) return hit;
  const { data } = await (await api()).GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1 } } });
  if (data && key) cache().set(key, data.unread);
  return data ? data.unread : null;
}

/** After marking notices read: the next page asks the gateway again. */
export async function forgetUnread(): Promise<void> {
  const key = await sessionKey();
  if (key) cache().delete(key);
}
