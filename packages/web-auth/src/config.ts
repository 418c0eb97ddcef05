/** What a web app needs to sign people in; read from environment variables at start-up. */
export interface WebAuthConfig {
  /** The OpenID Connect issuer, e.g. http://127.0.0.1:3000/realms/govdisc (embedded) or Keycloak's realm URL. */
  issuerUrl: URL;
  clientId: string;
  /** Only for confidential clients; the portal and console use the public client with PKCE. */
  clientSecret?: string;
  /** This app's public origin (and base path), e.g. http://127.0.0.1:3001; callback and logout return here. */
  redirectBase: URL;
  /** Prefix of this app's cookie names, so portal and console on one host keep separate sessions. */
  cookiePrefix: string;
}

export class WebAuthConfigError extends Error {}

/**
 * Reads and checks OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (optional) and AUTH_REDIRECT_BASE;
 * a missing or malformed value stops the app with a message that names the variable.
 */
export function readWebAuthConfig(env: Record<string, string | undefined>, cookiePrefix: string): WebAuthConfig {
  const url = (name: string): URL => {
    const value = env[name]?.trim();
    if (!value) throw new WebAuthConfigError(`${name} is required (an http(s) URL)`);
    let parsed: URL;
    try {
      parsed = new URL(value.replace(/\/+$/, ''));
    } catch {
      throw new WebAuthConfigError(`${name} must be an http(s) URL, got "${value}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new WebAuthConfigError(`${name} must be an http(s) URL, got "${value}"`);
    return parsed;
  };
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new WebAuthConfigError('OIDC_CLIENT_ID is required (e.g. govdisc-web)');
  if (!/^[a-z][a-z0-9_]*$/.test(cookiePrefix))
    throw new WebAuthConfigError(`cookie prefix "${cookiePrefix}" must be lowercase letters, digits, _`);
  return {
    issuerUrl: url('OIDC_ISSUER_URL'),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || undefined,
    redirectBase: url('AUTH_REDIRECT_BASE'),
    cookiePrefix,
  };
}
