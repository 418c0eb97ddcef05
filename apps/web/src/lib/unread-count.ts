import { cookies } from 'next/headers';
import { forgetUnreadOf, sessionKey } from './header-account';

/** After marking notices read: the next page asks the gateway again (the header's count, lib/header-account). */
export async function forgetUnread(): Promise<void> {
  forgetUnreadOf(sessionKey(await cookies()));
}
