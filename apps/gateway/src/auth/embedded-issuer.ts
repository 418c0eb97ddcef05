import { randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { LoginFailures } from './login-failures.js';
import type { RealmClient, RealmExport, RealmUser } from './realm-export.js';

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

const INVALID_USER = () => new TokenRequestError(400, 'invalid_grant', 'Invalid user credentials');
const INVALID_CLIENT = () => new TokenRequestError(401, 'invalid_client', 'Invalid client or Invalid client credentials');

export interface IssuerOptions {
  /** Failures from one client address that lock it (Keycloak's timing otherwise); a shared office address needs more than one user's allowance. */
  addressFailureFactor: number;
  now?: () => number;
}

/**
 * A minimal OpenID Connect issuer for one-machine mode: the discovery document, JWKS and token
 * endpoint (password and client_credentials grants) of a Keycloak realm, with the same users,
 * clients and claim layout (realm_access.roles, department, aud), so the gateway verifies its
 * tokens with exactly the code it uses against Keycloak. The signing key lives in memory.
 *
 * Brute-force protection follows the realm's Keycloak settings: wrong passwords lock the user and
 * wrong secrets the client for a while (refused like a wrong password, as Keycloak does), and every
 * failed sign-in also counts against the client address, which is then refused with 429.
 */
export class EmbeddedIssuer {
  private key!: { privateKey: CryptoKey; publicJwk: JWK };
  readonly kid = randomUUID();
  private readonly principals: LoginFailures;
  private readonly addresses: LoginFailures;

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
  }

  async init(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.key = { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' } };
  }

  discovery() {
    const base = `${this.issuer}/protocol/openid-connect`;
    return {
      issuer: this.issuer,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/certs`,
      grant_types_supported: ['password', 'client_credentials'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['token'],
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
    const { client, user } = this.authenticate(form, basicAuth, address);
    const expiresIn = this.realm.accessTokenLifespan;
    const accessToken = await new SignJWT({
      typ: 'Bearer',
      azp: client.clientId,
      preferred_username: user.username,
      realm_access: { roles: user.roles },
      ...(user.department ? { department: user.department } : {}),
      ...(user.serviceAccountClientId ? { client_id: client.clientId } : {}),
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
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: 'openid profile email' };
  }

  /** The client and the user the grant is for; a wrong password or secret also counts against the address. */
  private authenticate(form: Record<string, string | undefined>, basicAuth: { id: string; secret: string } | undefined, address: string) {
    try {
      const client = this.authenticateClient(form, basicAuth);
      return { client, user: this.userForGrant(form, client) };
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

  private userForGrant(form: Record<string, string | undefined>, client: RealmClient): RealmUser {
    if (form.grant_type === 'password') {
      if (!client.directAccessGrants)
        throw new TokenRequestError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
      // Keycloak matches usernames case-insensitively, so the lockout does too.
      const user = this.realm.users.find((u) => u.username === form.username?.toLowerCase() && !u.serviceAccountClientId);
      if (!user) throw INVALID_USER();
      const key = `user:${user.username}`;
      if (this.principals.lockedForSeconds(key) > 0) throw INVALID_USER(); // the right password too, as Keycloak
      if (!user.password || !form.password || !safeEqual(user.password, form.password)) {
        this.principals.failure(key);
        throw INVALID_USER();
      }
      this.principals.success(key);
      return user;
    }
    if (form.grant_type === 'client_credentials') {
      const account = this.realm.users.find((u) => u.serviceAccountClientId === client.clientId);
      if (!client.serviceAccounts || !account) {
        throw new TokenRequestError(400, 'unauthorized_client', 'Client not enabled to retrieve service account');
      }
      return account;
    }
    throw new TokenRequestError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
