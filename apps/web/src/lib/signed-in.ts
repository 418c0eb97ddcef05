import { redirect } from 'next/navigation';
import type { SignedInUser } from '@govdisc/web-auth';
import { currentUser } from './auth';

/** The login route with a way back here (only paths on this site are honoured by web-auth). */
export const loginHref = (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

/** The signed-in person, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function signedInOrLogin(returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(loginHref(returnTo));
  return user;
}

/** The page number from `?page=` (1 when absent or silly). */
export function pageParam(value: string, max = 500): number {
  return Math.min(max, Math.max(1, Number.parseInt(value, 10) || 1));
}
