import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { EmbeddedIssuer } from './embedded-issuer.js';
import { embeddedIssuerController } from './embedded-issuer.controller.js';
import { RateLimiter } from './rate-limiter.js';
import { readRealmExport } from './realm-export.js';
import { TokenVerifier, issuerOf } from './token-verifier.js';

/** Token verification, rate limits and (without KEYCLOAK_URL) the embedded issuer; the access check is the route table's. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = [
      TokenVerifier,
      {
        provide: RateLimiter,
        useFactory: () =>
          new RateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, submitPerMinute: config.RATE_LIMIT_SUBMIT_PER_MINUTE }),
      },
    ];
    const controllers = [];
    if (config.embeddedIssuer) {
      providers.push({
        provide: EmbeddedIssuer,
        useFactory: async () => {
          const realm = readRealmExport(config.EMBEDDED_ISSUER_REALM_FILE);
          const issuer = new EmbeddedIssuer(realm, issuerOf(config), {
            addressFailureFactor: config.LOGIN_ADDRESS_FAILURE_FACTOR,
            ...(config.EMBEDDED_ISSUER_SIGNING_KEY ? { signingKeyPem: config.EMBEDDED_ISSUER_SIGNING_KEY } : {}),
          });
          await issuer.init();
          return issuer;
        },
      });
      controllers.push(embeddedIssuerController(config.KEYCLOAK_REALM));
    }
    return { module: AuthModule, controllers, providers, exports: [TokenVerifier, RateLimiter] };
  }
}
