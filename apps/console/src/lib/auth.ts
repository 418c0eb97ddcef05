import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { readWebAuthConfig, sharedWebAuth, WebAuth, type SignedInUser } from '@govdisc/web-auth';
import { consoleUrl, gatewayUrl } from './site';

/**
 * The console's sign-in (packages/web-auth): same issuer and client as the portal, its own cookies.
 * OIDC_ISSUER_URL (default GATEWAY_URL/realms/govdisc), OIDC_CLIENT_ID (govdisc-web), AUTH_REDIRECT_BASE
 * (default http://127.0.0.1:3002); checked at start (instrumentation.ts).
 */
export function webAuth(): WebAuth {
  return sharedWebAuth('console', () => new WebAuth(readWebAuthConfig(consoleAuthEnv(), 'console')));
}

export function consoleAuthEnv(): Record<string, string | undefined> {
  return {
    OIDC_ISSUER_URL: process.env.OIDC_ISSUER_URL ?? `${gatewayUrl()}/realms/govdisc`,
    OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID ?? 'govdisc-web',
    OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET,
    AUTH_REDIRECT_BASE: consoleUrl(),
  };
}

export async function currentUser(): Promise<SignedInUser | null> {
  return webAuth().user(await cookies());
}

/** Every console page needs a signed-in person: anyone else goes to the login page and comes back here. */
export async function requireUser(returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The CSRF token for the hidden field of every form that changes something. */
export async function csrfToken(): Promise<string> {
  return (await webAuth().csrfToken(await cookies())) ?? '';
}

/** Server actions check the form's CSRF token before acting. */
export async function checkCsrf(form: FormData): Promise<boolean> {
  return webAuth().checkCsrf(await cookies(), form.get('csrf'));
}
