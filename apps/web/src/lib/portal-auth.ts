import { readWebAuthConfig, sharedWebAuth, WebAuth } from '@govdisc/web-auth';
import { gatewayUrl, siteUrl } from './site';

/**
 * The portal's sign-in (packages/web-auth). Configuration: OIDC_ISSUER_URL (default: the gateway's
 * embedded issuer, GATEWAY_URL/realms/govdisc), OIDC_CLIENT_ID (default govdisc-web), AUTH_REDIRECT_BASE
 * (default PUBLIC_BASE_URL); checked at start (instrumentation.ts). One instance per process.
 * Free of `next/headers`, so the Pages Router's policy page (ADR 0034) can use it too.
 */
export function webAuth(): WebAuth {
  return sharedWebAuth('portal', () => new WebAuth(readWebAuthConfig(portalAuthEnv(), 'portal')));
}

export function portalAuthEnv(): Record<string, string | undefined> {
  return {
    OIDC_ISSUER_URL: process.env.OIDC_ISSUER_URL ?? `${gatewayUrl()}/realms/govdisc`,
    OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID ?? 'govdisc-web',
    OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET,
    AUTH_REDIRECT_BASE: process.env.AUTH_REDIRECT_BASE ?? siteUrl(),
  };
}
