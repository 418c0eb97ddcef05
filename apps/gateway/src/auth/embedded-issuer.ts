import { type KeyObject, createPrivateKey, createPublicKey, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { type CodeGrant, pkceS256Matches, type RefreshGrant, SingleUseSecrets } from './authorization-codes.js';
import { LoginFailures } from './login-failures.js';
import type { RealmClient, RealmExport, RealmUser } from './realm-export.js';
import { redirectUriAllowed } from './redirect-uris.js';

export const GATEWAY_AUDIENCE = 'govdisc-gateway';

export class TokenRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 429,
    readonly error:
      'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'temporarily_unavailable',
    readonly description: string,
    /** For 429: seconds until the client address may try again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

/** The parameters of an authorization request that passed every check; the login form carries them back. */
export interface AuthorizationRequest {
  client_id: string;
  redirect_uri: string;
  state?: string;
  nonce?: string;
  scope: string;
  code_challenge: string;
}

/** What the authorization endpoint answers: the login page, a redirect back to the client, or an error page. */
export type AuthorizationOutcome =
  | { kind: 'login'; request: AuthorizationRequest; status: 200 | 400 | 429; errorZh?: string; username?: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; status: 400; messageZh: string };

/** Keycloak's defaults: codes live a minute, a refresh token as long as the SSO session is idle (30 min). */
const CODE_LIFETIME_MS = 60_000;
const REFRESH_LIFETIME_MS = 30 * 60_000;

const INVALID_USER = () => new TokenRequestError(400, 'invalid_grant', 'Invalid user credentials');
const INVALID_CLIENT = () => new TokenRequestError(401, 'invalid_client', 'Invalid client or Invalid client credentials');

export interface IssuerOptions {
  /** Failures from one client address that lock it (Keycloak's timing otherwise); a shared office address needs more than one user's allowance. */
  addressFailureFactor: number;
  /** RS256 private key (PEM, PKCS#8) shared by replicas; unset: one made at init, in memory. */
  signingKeyPem?: string;
  now?: () => number;
}

/**
 * A minimal OpenID Connect issuer for one-machine mode: the discovery document, JWKS and token
 * endpoint (password and client_credentials grants) of a Keycloak realm, with the same users,
 * clients and claim layout (realm_access.roles, department, aud), so the gateway verifies its
 * tokens with exactly the code it uses against Keycloak. The signing key comes from configuration (shared by every
 * replica, its key id the key's JWK thumbprint, so all replicas publish the same JWKS) or is made in memory at start.
 *
 * Brute-force protection follows the realm's Keycloak settings: wrong passwords lock the user and
 * wrong secrets the client for a while (refused like a wrong password, as Keycloak does), and every
 * failed sign-in also counts against the client address, which is then refused with 429.
 */
export class EmbeddedIssuer {
  private key!: { privateKey: CryptoKey | KeyObject; publicKey: CryptoKey | KeyObject; publicJwk: JWK };
  kid: string = randomUUID();
  private readonly signingKeyPem: string | undefined;
  private readonly principals: LoginFailures;
  private readonly addresses: LoginFailures;
  private readonly codes: SingleUseSecrets<CodeGrant>;
  private readonly refreshTokens: SingleUseSecrets<RefreshGrant>;
  private readonly now: () => number;

  constructor(
    private readonly realm: RealmExport,
    /** e.g. http://127.0.0.1:3000/realms/govdisc */
    readonly issuer: string,
    options: IssuerOptions = { addressFailureFactor: 20 },
  ) {
    this.principals = new LoginFailures(realm.bruteForce, options.now, 10_000);
    // Per address: same timing, its own allowance, no quick-login rule (one office, many people).
    this.addresses = new LoginFailures(
      { ...realm.bruteForce, failureFactor: options.addressFailureFactor, quickLoginCheckMilliSeconds: 0 },
      options.now,
    );
    this.now = options.now ?? Date.now;
    this.signingKeyPem = options.signingKeyPem;
    this.codes = new SingleUseSecrets(CODE_LIFETIME_MS, this.now);
    this.refreshTokens = new SingleUseSecrets(REFRESH_LIFETIME_MS, this.now);
  }

  async init(): Promise<void> {
    if (this.signingKeyPem) {
      const privateKey = createPrivateKey(this.signingKeyPem);
      const publicKey = createPublicKey(privateKey);
      const jwk = await exportJWK(publicKey);
      this.kid = await calculateJwkThumbprint(jwk);
      this.key = { privateKey, publicKey, publicJwk: { ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' } };
      return;
    }
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.key = { privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' } };
  }

  discovery() {
    const base = `${this.issuer}/protocol/openid-connect`;
    return {
      issuer: this.issuer,
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      end_session_endpoint: `${base}/logout`,
      jwks_uri: `${base}/certs`,
      grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      scopes_supported: ['openid', 'profile', 'email'],
      claims_supported: ['sub', 'iss', 'aud', 'name', 'preferred_username', 'realm_access', 'department'],
      authorization_response_iss_parameter_supported: true,
      subject_types_supported: ['public'],
    };
  }

  jwks() {
    return { keys: [this.key.publicJwk] };
  }

  /** The token endpoint: form fields in, an OAuth token response out (or TokenRequestError). */
  async token(form: Record<string, string | undefined>, basicAuth?: { id: string; secret: string }, clientAddress = 'unknown') {
    const address = `address:${clientAddress}`;
    const wait = this.addresses.lockedForSeconds(address);
    if (wait > 0)
      throw new TokenRequestError(429, 'temporarily_unavailable', 'Too many failed sign-ins from this address; try again later', wait);
    const { client, user, signIn } = this.authenticate(form, basicAuth, address);
    const expiresIn = this.realm.accessTokenLifespan;
    const accessToken = await this.signAccessToken(client, user, expiresIn, signIn?.sid);
    const response = { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: 'openid profile email' };
    if (!signIn) return response;
    // Code and refresh grants are sign-ins of a person: an id token, and a refresh token (rotated on use).
    const refreshToken = this.refreshTokens.issue({ clientId: client.clientId, username: user.username, ...signIn });
    return {
      ...response,
      id_token: await this.signIdToken(client, user, signIn, expiresIn),
      refresh_token: refreshToken,
      refresh_expires_in: REFRESH_LIFETIME_MS / 1000,
      session_state: signIn.sid,
    };
  }

  private signAccessToken(client: RealmClient, user: RealmUser, expiresIn: number, sid?: string): Promise<string> {
    return new SignJWT({
      typ: 'Bearer',
      azp: client.clientId,
      preferred_username: user.username,
      realm_access: { roles: user.roles },
      ...(user.department ? { department: user.department } : {}),
      ...(user.serviceAccountClientId ? { client_id: client.clientId } : {}),
      ...(sid ? { sid } : {}),
      scope: 'openid profile email',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(this.subjectOf(user))
      .setAudience([GATEWAY_AUDIENCE, 'account'])
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key.privateKey);
  }

  private signIdToken(client: RealmClient, user: RealmUser, signIn: SignIn, expiresIn: number): Promise<string> {
    return new SignJWT({
      typ: 'ID',
      azp: client.clientId,
      sid: signIn.sid,
      auth_time: Math.floor(signIn.authTime / 1000),
      preferred_username: user.username,
      name: user.username,
      ...(signIn.nonce ? { nonce: signIn.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(this.subjectOf(user))
      .setAudience(client.clientId)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key.privateKey);
  }

  /**
   * The authorization endpoint (GET): checks the client and redirect_uri first (a bad one gets an error
   * page, never a redirect), then the rest (errors go back to the client, as RFC 6749 §4.1.2.1 says).
   */
  authorize(query: Record<string, unknown>): AuthorizationOutcome {
    const text = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined);
    const client = this.realm.clients.find((c) => c.clientId === text('client_id'));
    if (!client || !client.standardFlow)
      return { kind: 'error', status: 400, messageZh: '登录请求无效：应用未登记或不允许此登录方式。请从原网站重新点击“登录”。' };
    const redirectUri = text('redirect_uri');
    if (!redirectUri || !redirectUriAllowed(redirectUri, client.redirectUris))
      return { kind: 'error', status: 400, messageZh: '登录请求无效：返回地址（redirect_uri）未登记。请从原网站重新点击“登录”。' };
    const back = (error: string, description: string): AuthorizationOutcome => ({
      kind: 'redirect',
      location: this.callbackLocation(redirectUri, { error, error_description: description, state: text('state') }),
    });
    if (text('response_type') !== 'code') return back('unsupported_response_type', 'Only response_type=code is supported');
    if (!(text('scope') ?? '').split(' ').includes('openid')) return back('invalid_scope', 'The openid scope is required');
    const challenge = text('code_challenge');
    if (text('code_challenge_method') !== 'S256' || !challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge))
      return back('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    return {
      kind: 'login',
      status: 200,
      request: {
        client_id: client.clientId,
        redirect_uri: redirectUri,
        state: text('state'),
        nonce: text('nonce'),
        scope: text('scope')!,
        code_challenge: challenge,
      },
    };
  }

  /**
   * The login form (POST): the authorization request again (hidden fields, checked as on GET) plus
   * username and password, under the same brute-force rules as the password grant.
   */
  login(form: Record<string, unknown>, clientAddress = 'unknown'): AuthorizationOutcome {
    const checked = this.authorize({ ...form, response_type: 'code', code_challenge_method: 'S256' });
    if (checked.kind !== 'login') return checked;
    const { request } = checked;
    const username = typeof form.username === 'string' ? form.username.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const page = (status: 400 | 429, errorZh: string): AuthorizationOutcome => ({ kind: 'login', request, status, errorZh, username });
    if (!username || !password) return page(400, '请填写用户名和密码。');
    const address = `address:${clientAddress}`;
    const wait = this.addresses.lockedForSeconds(address);
    if (wait > 0) return page(429, `登录失败次数过多，请在 ${Math.ceil(wait / 60)} 分钟后再试。`);
    let user: RealmUser;
    try {
      user = this.checkPassword(username, password);
    } catch {
      this.addresses.failure(address);
      return page(400, '用户名或密码不正确。连续输错多次后账号将被暂时锁定。');
    }
    const code = this.codes.issue({
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      codeChallenge: request.code_challenge,
      nonce: request.nonce,
      username: user.username,
      sid: randomUUID(),
      authTime: this.now(),
    });
    return { kind: 'redirect', location: this.callbackLocation(request.redirect_uri, { code, state: request.state }) };
  }

  /**
   * The end-session endpoint: ends the sign-in named by id_token_hint (its refresh tokens stop working)
   * and returns to post_logout_redirect_uri when the client registered it; otherwise null (a "signed
   * out" page is shown instead).
   */
  async endSession(query: Record<string, unknown>): Promise<string | null> {
    const text = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined);
    let clientId = text('client_id');
    const hint = text('id_token_hint');
    if (hint) {
      try {
        const { payload } = await jwtVerify(hint, this.key.publicKey, { issuer: this.issuer, clockTolerance: '1d' });
        if (typeof payload.sid === 'string') {
          this.refreshTokens.revokeSession(payload.sid);
          this.codes.revokeSession(payload.sid);
        }
        clientId ??= typeof payload.aud === 'string' ? payload.aud : undefined;
      } catch {
        // a hint we did not sign ends nothing; the person is still shown the signed-out page
      }
    }
    const target = text('post_logout_redirect_uri');
    const client = this.realm.clients.find((c) => c.clientId === clientId);
    if (!target || !client || !redirectUriAllowed(target, client.postLogoutRedirectUris)) return null;
    return this.callbackLocation(target, { state: text('state') });
  }

  private callbackLocation(redirectUri: string, params: Record<string, string | undefined>): string {
    const url = new URL(redirectUri);
    for (const [key, value] of Object.entries({ ...params, iss: this.issuer })) if (value !== undefined) url.searchParams.set(key, value);
    return url.href;
  }

  /** The client and the user the grant is for; a wrong password or secret also counts against the address. */
  private authenticate(form: Record<string, string | undefined>, basicAuth: { id: string; secret: string } | undefined, address: string) {
    try {
      const client = this.authenticateClient(form, basicAuth);
      return { client, ...this.userForGrant(form, client) };
    } catch (error) {
      if (error instanceof TokenRequestError && (error.error === 'invalid_grant' || error.error === 'invalid_client'))
        this.addresses.failure(address);
      throw error;
    }
  }

  /** Stable per-user subject ids, like Keycloak's user UUIDs. */
  private subjectOf(user: RealmUser): string {
    return `embedded-${this.realm.realm}-${user.username}`;
  }

  private authenticateClient(form: Record<string, string | undefined>, basic?: { id: string; secret: string }): RealmClient {
    const clientId = basic?.id ?? form.client_id;
    const secret = basic?.secret ?? form.client_secret;
    const client = this.realm.clients.find((c) => c.clientId === clientId);
    if (!client) throw INVALID_CLIENT();
    if (client.publicClient) return client;
    const key = `client:${client.clientId}`;
    if (this.principals.lockedForSeconds(key) > 0) throw INVALID_CLIENT(); // not even checked while locked
    if (!(client.secret && secret && safeEqual(client.secret, secret))) {
      this.principals.failure(key);
      throw INVALID_CLIENT();
    }
    this.principals.success(key);
    return client;
  }

  private userForGrant(form: Record<string, string | undefined>, client: RealmClient): { user: RealmUser; signIn?: SignIn } {
    if (form.grant_type === 'password') {
      if (!client.directAccessGrants)
        throw new TokenRequestError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
      return { user: this.checkPassword(form.username, form.password) };
    }
    if (form.grant_type === 'client_credentials') {
      const account = this.realm.users.find((u) => u.serviceAccountClientId === client.clientId);
      if (!client.serviceAccounts || !account) {
        throw new TokenRequestError(400, 'unauthorized_client', 'Client not enabled to retrieve service account');
      }
      return { user: account };
    }
    if (form.grant_type === 'authorization_code') {
      if (!client.standardFlow)
        throw new TokenRequestError(400, 'unauthorized_client', 'Client not allowed for the authorization code flow');
      // Taken (and so spent) before any check: a code presented twice never works again.
      const grant = this.codes.take(form.code);
      if (!grant || grant.clientId !== client.clientId) throw new TokenRequestError(400, 'invalid_grant', 'Code not valid');
      if (form.redirect_uri !== grant.redirectUri) throw new TokenRequestError(400, 'invalid_grant', 'Incorrect redirect_uri');
      if (!pkceS256Matches(form.code_verifier, grant.codeChallenge))
        throw new TokenRequestError(400, 'invalid_grant', 'PKCE verification failed: Code mismatch');
      return { user: this.signedInUser(grant.username), signIn: grant };
    }
    if (form.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.take(form.refresh_token);
      if (!grant || grant.clientId !== client.clientId) throw new TokenRequestError(400, 'invalid_grant', 'Invalid refresh token');
      return { user: this.signedInUser(grant.username), signIn: grant };
    }
    throw new TokenRequestError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  }

  /** A username and password checked under the brute-force rules (password grant and login page alike). */
  private checkPassword(username: string | undefined, password: string | undefined): RealmUser {
    // Keycloak matches usernames case-insensitively, so the lockout does too.
    const user = this.realm.users.find((u) => u.username === username?.toLowerCase() && !u.serviceAccountClientId);
    if (!user) throw INVALID_USER();
    const key = `user:${user.username}`;
    if (this.principals.lockedForSeconds(key) > 0) throw INVALID_USER(); // the right password too, as Keycloak
    if (!user.password || !password || !safeEqual(user.password, password)) {
      this.principals.failure(key);
      throw INVALID_USER();
    }
    this.principals.success(key);
    return user;
  }

  private signedInUser(username: string): RealmUser {
    const user = this.realm.users.find((u) => u.username === username);
    if (!user) throw new TokenRequestError(400, 'invalid_grant', 'User not found');
    return user;
  }
}

/** A person's sign-in that code and refresh grants continue. */
type SignIn = { sid: string; nonce?: string; authTime: number };

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
