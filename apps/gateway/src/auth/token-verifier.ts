import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, ROLES } from '@govdisc/contracts';
import { compactVerify, createRemoteJWKSet } from 'jose';
import KeycloakConnect from 'keycloak-connect';
import { GATEWAY_CONFIG, type AppConfig } from '../config/env.js';
import { GATEWAY_AUDIENCE } from './embedded-issuer.js';
import { type TokenRejection, isWellFormedJwt, rejectionOf } from './token-rejection.js';

const PLATFORM_ROLES: ReadonlySet<string> = new Set(ROLES);

interface TokenContent {
  sub: string;
  azp?: string;
  client_id?: string;
  realm_access?: { roles?: string[] };
  department?: string;
}

/**
 * Verifies bearer tokens with keycloak-connect (bearer-only): signature against the realm's JWKS
 * (rotation-aware), expiry, issuer = this realm, audience = the gateway. The same code checks
 * Keycloak's tokens and the embedded issuer's; only the server URL differs.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly keycloak: KeycloakConnect.Keycloak;
  /** Only asked when keycloak-connect refuses a token for a claim (see signedByRealm). */
  private readonly realmKeys: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(GATEWAY_CONFIG) config: AppConfig) {
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
  }

  async verify(bearer: string): Promise<Actor> {
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
    return {
      sub: content.sub,
      // Only the platform's roles travel on; Keycloak's defaults (offline_access, …) mean nothing here.
      roles: (content.realm_access?.roles ?? []).filter((r) => PLATFORM_ROLES.has(r)),
      department: content.department ?? null,
    };
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

function rejected(reason: TokenRejection): DomainError {
  return new DomainError(ErrorCode.AUTH_INVALID_TOKEN, undefined, { reason });
}
