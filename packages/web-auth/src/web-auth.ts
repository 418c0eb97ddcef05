import * as oidc from 'openid-client';
import type { WebAuthConfig } from './config.js';
import { type CookieJar, cookieNames, cookieOptions } from './cookies.js';
import { csrfMatches, randomToken } from './csrf.js';
import { MemorySessionStore, type Session, type SessionStore } from './session-store.js';

/** Sign-in failures with a stable code and a Chinese message the person can act on. */
export class WebAuthError extends Error {
  constructor(
    readonly code: 'LOGIN_EXPIRED' | 'LOGIN_DENIED' | 'LOGIN_FAILED' | 'ISSUER_UNAVAILABLE',
    readonly messageZh: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageZh}`, options);
  }
}

/** What the login cookie carries between "start login" and the callback (short-lived, HttpOnly). */
interface LoginTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** What pages may show about the signed-in person (no tokens). */
export interface SignedInUser {
  subject: string;
  name: string;
  roles: string[];
}

const LOGIN_COOKIE_SECONDS = 10 * 60;
/** Refresh this long before the access token expires, so a call made now does not fail mid-flight. */
const REFRESH_MARGIN_MS = 30_000;

export interface WebAuthOptions {
  store?: SessionStore;
  /** Session cookie lifetime; the store's own limits may end a session sooner. */
  sessionCookieSeconds?: number;
  scope?: string;
  callbackPath?: string;
  now?: () => number;
}

/**
 * OpenID Connect sign-in for a server-rendered app: authorization code + PKCE (S256) with state and
 * nonce, tokens held in a server-side session store, the browser holding only an opaque session id in
 * an HttpOnly SameSite=Lax cookie. Protocol work (discovery, code exchange, id token checks, refresh,
 * end-session URL) is openid-client's.
 */
export class WebAuth {
  private configuration?: Promise<oidc.Configuration>;
  private readonly store: SessionStore;
  private readonly secure: boolean;
  private readonly names;
  private readonly now: () => number;
  private readonly refreshing = new Map<string, Promise<string | null>>();

  constructor(
    readonly config: WebAuthConfig,
    private readonly options: WebAuthOptions = {},
  ) {
    this.store = options.store ?? new MemorySessionStore();
    this.secure = config.redirectBase.protocol === 'https:';
    this.names = cookieNames(config.cookiePrefix, this.secure);
    this.now = options.now ?? Date.now;
  }

  get cookieNames() {
    return this.names;
  }

  get callbackUrl(): string {
    return this.appUrl(this.options.callbackPath ?? '/auth/callback');
  }

  /** Starts sign-in: remembers state, nonce and PKCE verifier in the login cookie; returns where to send the browser. */
  async startLogin(jar: CookieJar, returnTo?: string): Promise<URL> {
    const configuration = await this.discover();
    const tx: LoginTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
    };
    jar.set(this.names.login, Buffer.from(JSON.stringify(tx)).toString('base64url'), cookieOptions(this.secure, LOGIN_COOKIE_SECONDS));
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl,
      scope: this.options.scope ?? 'openid profile',
      response_type: 'code',
      state: tx.state,
      nonce: tx.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(tx.verifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * The callback: checks state, exchanges the code with the PKCE verifier, checks the id token (issuer,
   * audience, signature, nonce) and opens a session. Returns the app path to continue at.
   */
  async finishLogin(jar: CookieJar, callbackUrl: URL): Promise<string> {
    const tx = readLoginCookie(jar.get(this.names.login)?.value);
    jar.delete(this.names.login); // single use, whatever happens next
    const issuerError = callbackUrl.searchParams.get('error');
    if (issuerError === 'access_denied') throw new WebAuthError('LOGIN_DENIED', '登录已取消。如需使用个人服务，请重新登录。');
    if (!tx) throw new WebAuthError('LOGIN_EXPIRED', '登录已超时或在其他窗口完成，请重新登录。');
    const configuration = await this.discover();
    // openid-client compares the redirect URI it sends with what the callback URL says; behind a proxy the
    // request URL is internal, so rebuild it on the configured public base.
    const publicUrl = new URL(this.callbackUrl);
    publicUrl.search = callbackUrl.search;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, publicUrl, {
        pkceCodeVerifier: tx.verifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new WebAuthError('LOGIN_FAILED', '登录未能完成，请重新登录；如多次失败，请稍后再试。', { cause: error });
    }
    const claims = tokens.claims()!;
    const now = this.now();
    const session: Session = {
      id: randomToken(),
      subject: claims.sub,
      name: displayName(claims),
      roles: rolesOf(tokens.access_token),
      accessToken: tokens.access_token,
      accessTokenExpiresAt: now + (tokens.expiresIn() ?? 60) * 1000,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token!,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
    };
    await this.store.set(session);
    jar.set(this.names.session, session.id, cookieOptions(this.secure, this.options.sessionCookieSeconds ?? 10 * 60 * 60));
    return tx.returnTo;
  }

  /** The signed-in person, or null. Safe in server components (reads cookies only). */
  async user(jar: CookieJar): Promise<SignedInUser | null> {
    const session = await this.session(jar);
    return session ? { subject: session.subject, name: session.name, roles: session.roles } : null;
  }

  /**
   * A valid access token for calls to the gateway on the person's behalf, refreshed when about to
   * expire; null when not signed in or the session can no longer be refreshed (then it is ended).
   */
  async accessToken(jar: CookieJar): Promise<string | null> {
    const session = await this.session(jar);
    if (!session) return null;
    if (session.accessTokenExpiresAt - REFRESH_MARGIN_MS > this.now()) return session.accessToken;
    // One refresh per session at a time: a page renders several gateway calls at once, and the issuer
    // takes each refresh token once (rotation), so a second refresh with the same token would fail and
    // end the session.
    const running = this.refreshing.get(session.id);
    if (running) return running;
    const refresh = this.refresh(session).finally(() => this.refreshing.delete(session.id));
    this.refreshing.set(session.id, refresh);
    return refresh;
  }

  private async refresh(session: Session): Promise<string | null> {
    if (!session.refreshToken) return this.end(session);
    try {
      const tokens = await oidc.refreshTokenGrant(await this.discover(), session.refreshToken);
      session.accessToken = tokens.access_token;
      session.accessTokenExpiresAt = this.now() + (tokens.expiresIn() ?? 60) * 1000;
      session.refreshToken = tokens.refresh_token ?? session.refreshToken;
      if (tokens.id_token) session.idToken = tokens.id_token;
      session.roles = rolesOf(tokens.access_token);
      await this.store.set(session);
      return session.accessToken;
    } catch {
      return this.end(session); // refresh token expired or revoked at the issuer: sign in again
    }
  }

  /** The CSRF token to put in a hidden `csrf` field of this session's forms; null when signed out. */
  async csrfToken(jar: CookieJar): Promise<string | null> {
    return (await this.session(jar))?.csrfToken ?? null;
  }

  /** Whether a state-changing request carries this session's CSRF token. */
  async checkCsrf(jar: CookieJar, sent: unknown): Promise<boolean> {
    const session = await this.session(jar);
    return !!session && csrfMatches(session.csrfToken, sent);
  }

  /**
   * Ends the session here and returns the issuer's end-session URL (RP-initiated logout, coming back to
   * the app's home page), or the home page when there is no session or the issuer has no such endpoint.
   */
  async logout(jar: CookieJar): Promise<URL> {
    const session = await this.session(jar);
    jar.delete(this.names.session);
    const home = new URL(this.appUrl('/'));
    if (!session) return home;
    await this.store.delete(session.id);
    const configuration = await this.discover();
    if (!configuration.serverMetadata().end_session_endpoint) return home;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: session.idToken,
      post_logout_redirect_uri: home.href,
      client_id: this.config.clientId,
    });
  }

  private async session(jar: CookieJar): Promise<Session | null> {
    const id = jar.get(this.names.session)?.value;
    if (!id) return null;
    return (await this.store.get(id)) ?? null;
  }

  private async end(session: Session): Promise<null> {
    await this.store.delete(session.id);
    return null;
  }

  private appUrl(path: string): string {
    return `${this.config.redirectBase.href.replace(/\/+$/, '')}${path}`;
  }

  /** The issuer's metadata, fetched once; a failure is not cached, so the next sign-in tries again. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const { issuerUrl, clientId, clientSecret } = this.config;
      const auth = clientSecret ? oidc.ClientSecretPost(clientSecret) : oidc.None();
      // Plain http only for the one-machine issuer on this host; production issuers are https.
      const execute = issuerUrl.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
      return oidc.discovery(issuerUrl, clientId, undefined, auth, { execute });
    })().catch((error: unknown) => {
      this.configuration = undefined;
      throw new WebAuthError('ISSUER_UNAVAILABLE', '登录服务暂时无法访问，请稍后再试。', { cause: error });
    });
    return this.configuration;
  }
}

/** Only a path on this site (never "//host" or "/\host", which browsers treat as another origin). */
export function safeReturnPath(returnTo: string | undefined | null): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return '/';
  return returnTo;
}

function readLoginCookie(value: string | undefined): LoginTransaction | null {
  if (!value) return null;
  try {
    const tx = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<LoginTransaction>;
    if (typeof tx.state !== 'string' || typeof tx.nonce !== 'string' || typeof tx.verifier !== 'string') return null;
    return { state: tx.state, nonce: tx.nonce, verifier: tx.verifier, returnTo: safeReturnPath(tx.returnTo) };
  } catch {
    return null;
  }
}

function displayName(claims: oidc.IDToken): string {
  for (const key of ['name', 'preferred_username', 'email'] as const) {
    const value = claims[key];
    if (typeof value === 'string' && value) return value;
  }
  return claims.sub;
}

/** Realm roles from the access token (Keycloak's layout). The token came straight from the issuer over TLS; the gateway verifies it on every call. */
export function rolesOf(accessToken: string): string[] {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      realm_access?: { roles?: unknown };
    };
    const roles = payload.realm_access?.roles;
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
