import { cookies } from 'next/headers';
import type { SignedInUser } from '@govdisc/web-auth';
import { webAuth } from './portal-auth';

export { portalAuthEnv, webAuth } from './portal-auth';

/** The signed-in person for the header, or null. */
export async function currentUser(): Promise<SignedInUser | null> {
  return webAuth().user(await cookies());
}
