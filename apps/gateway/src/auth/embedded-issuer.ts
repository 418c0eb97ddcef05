import { randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { RealmClient, RealmExport, RealmUser } from './realm-export.js';

export const GATEWAY_AUDIENCE = 'govdisc-gateway';

export class TokenRequestError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * A minimal OpenID Connect issuer for one-machine mode: the discovery document, JWKS and token
 * endpoint (password and client_credentials grants) of a Keycloak realm, with the same users,
 * clients and claim layout (realm_access.roles, department, aud), so the gateway verifies its
 * tokens with exactly the code it uses against Keycloak. The signing key lives in memory.
 */
export class EmbeddedIssuer {
  private key!: { privateKey: CryptoKey; publicJwk: JWK };
  readonly kid = randomUUID();

  constructor(
    private readonly realm: RealmExport,
    /** e.g. http://127.0.0.1:3000/realms/govdisc */
    readonly issuer: string,
  ) {}

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
  async token(form: Record<string, string | undefined>, basicAuth?: { id: string; secret: string }) {
    const client = this.authenticateClient(form, basicAuth);
    const user = this.userForGrant(form, client);
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

  /** Stable per-user subject ids, like Keycloak's user UUIDs. */
  private subjectOf(user: RealmUser): string {
    return `embedded-${this.realm.realm}-${user.username}`;
  }

  private authenticateClient(form: Record<string, string | undefined>, basic?: { id: string; secret: string }): RealmClient {
    const clientId = basic?.id ?? form.client_id;
    const secret = basic?.secret ?? form.client_secret;
    const client = this.realm.clients.find((c) => c.clientId === clientId);
    if (!client) throw new TokenRequestError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
    if (!client.publicClient && !(client.secret && secret && safeEqual(client.secret, secret))) {
      throw new TokenRequestError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
    }
    return client;
  }

  private userForGrant(form: Record<string, string | undefined>, client: RealmClient): RealmUser {
    if (form.grant_type === 'password') {
      if (!client.directAccessGrants) throw new TokenRequestError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
      const user = this.realm.users.find((u) => u.username === form.username && !u.serviceAccountClientId);
      if (!user || !user.password || !form.password || !safeEqual(user.password, form.password)) {
        throw new TokenRequestError(400, 'invalid_grant', 'Invalid user credentials');
      }
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
