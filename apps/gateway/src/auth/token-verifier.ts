import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, ROLES } from '@govdisc/contracts';
import { compactVerify, createRemoteJWKSet } from 'jose';
import KeycloakConnect from 'keycloak-connect';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { APP_CONFIG } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { GATEWAY_AUDIENCE } from './embedded-issuer.js';
import { type TokenRejection, isWellFormedJwt, rejectionOf } from './token-rejection.js';

const PLATFORM_ROLES: ReadonlySet<string> = new Set(ROLES);
/** Verified tokens remembered (by hash) so a client's next request costs no RS256 verify. */
const CACHE_ENTRIES = 10_000;
/** Never longer than this, nor past the token's own `exp`. */
const CACHE_MAX_MS = 5 * 60_000;

interface TokenContent {
  sub: string;
  azp?: string;
  client_id?: string;
  realm_access?: { roles?: string[] };
  department?: string;
  exp?: number;
}

interface Verified {
  actor: Actor;
  /** when the cached verdict lapses (ms since epoch): at the latest the token's expiry */
  until: number;
}

/**
 * Verifies bearer tokens with keycloak-connect (bearer-only): signature against the realm's JWKS
 * (rotation-aware), expiry, issuer = this realm at its public address, audience = the gateway. The same code
 * checks Keycloak's tokens and the embedded issuer's; only the server URL differs.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly keycloak: KeycloakConnect.Keycloak;
  /** Only asked when keycloak-connect refuses a token for a claim (see signedByRealm). */
  private readonly realmKeys: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.realmKeys = createRemoteJWKSet(new URL(`${config.issuerBaseUrl}/realms/${config.KEYCLOAK_REALM}/protocol/openid-connect/certs`));
    this.keycloak = new KeycloakConnect({}, {
      realm: config.KEYCLOAK_REALM,
      'auth-server-url': config.issuerBaseUrl,
      resource: GATEWAY_AUDIENCE,
      'bearer-only': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'verify-token-audience': true,
    } as never);
    // keycloak-connect compares `iss` with the URL it fetches keys from. Keycloak behind a public host names itself
    // by that host (KC_HOSTNAME) while the gateway fetches keys in the cluster: the check uses the public name, the
    // key rotation (which keeps its own copy of the URL) stays on issuerBaseUrl.
    (this.keycloak.grantManager as unknown as { realmUrl: string }).realmUrl = issuerOf(config);
  }

  private readonly verified = new LRUCache<string, Verified>({ max: CACHE_ENTRIES });

  /**
   * The actor of a bearer token. A token verified before (and not yet expired) is answered from a
   * bounded cache keyed by its SHA-256, never holding the token itself; the verdict lapses at the
   * token's `exp` (and after 5 minutes at most), so an expired token is refused exactly as before.
   */
  async verify(bearer: string): Promise<Actor> {
    const id = createHash('sha256').update(bearer).digest('base64url');
    const hit = this.verified.get(id);
    const now = Date.now();
    if (hit && hit.until > now) return hit.actor;
    const { actor, exp } = await this.verifyOnce(bearer);
    if (typeof exp === 'number') this.verified.set(id, { actor, until: Math.min(exp * 1000, now + CACHE_MAX_MS) });
    return actor;
  }

  private async verifyOnce(bearer: string): Promise<{ actor: Actor; exp: number | undefined }> {
    if (!isWellFormedJwt(bearer)) throw rejected('malformed');
    let content: TokenContent;
    try {
      const grant = await this.keycloak.grantManager.createGrant({ access_token: bearer } as never);
      content = (grant.access_token as unknown as { content: TokenContent }).content;
    } catch (error) {
      let reason = rejectionOf(error);
      // keycloak-connect checks expiry, issuer and audience before the signature: a forged token
      // with an old `exp` would be called "expired". Only a genuine token has a claim problem.
      if (reason !== 'bad_signature' && reason !== 'malformed' && !(await this.signedByRealm(bearer))) reason = 'bad_signature';
      // The library's own words stay in the log (with the request id), never in the response.
      this.logger.debug({ reason, cause: (error as Error)?.message }, 'token rejected');
      throw rejected(reason);
    }
    if (typeof content?.sub !== 'string' || !content.sub) throw rejected('malformed');
    const actor = {
      sub: content.sub,
      // Only the platform's roles travel on; Keycloak's defaults (offline_access, …) mean nothing here.
      roles: (content.realm_access?.roles ?? []).filter((r) => PLATFORM_ROLES.has(r)),
      department: content.department ?? null,
    };
    return { actor, exp: content.exp };
  }
  /** Whether one of the realm's current keys signed the token (jose, with its own cached JWKS). */
  private async signedByRealm(bearer: string): Promise<boolean> {
    try {
      await compactVerify(bearer, this.realmKeys);
      return true;
    } catch {
      return false;
    }
  }
}

/** The `iss` every accepted token carries: the realm at the issuer's public address. */
export function issuerOf(config: Pick<AppConfig, 'publicIssuerBaseUrl' | 'KEYCLOAK_REALM'>): string {
  return `${config.publicIssuerBaseUrl}/realms/${config.KEYCLOAK_REALM}`;
}

function rejected(reason: TokenRejection): DomainError {
  return new DomainError(ErrorCode.AUTH_INVALID_TOKEN, undefined, { reason });
}
