import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { GATEWAY_CONFIG, type AppConfig } from '../config/env.js';
import { AuthGuard } from './auth.guard.js';
import { EmbeddedIssuer } from './embedded-issuer.js';
import { embeddedIssuerController } from './embedded-issuer.controller.js';
import { readRealmExport } from './realm-export.js';
import { SlidingWindowThrottlerStorage } from './sliding-window-storage.js';
import { GatewayThrottlerGuard } from './throttler.guard.js';
import { TokenVerifier } from './token-verifier.js';

/** Token verification, the access matrix, rate limits and (without KEYCLOAK_URL) the embedded issuer. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = [
      { provide: GATEWAY_CONFIG, useValue: config },
      TokenVerifier,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_GUARD, useClass: GatewayThrottlerGuard },
    ];
    const controllers = [];
    if (config.embeddedIssuer) {
      providers.push({
        provide: EmbeddedIssuer,
        useFactory: async () => {
          const realm = readRealmExport(config.EMBEDDED_ISSUER_REALM_FILE);
          const issuer = new EmbeddedIssuer(realm, `${config.issuerBaseUrl}/realms/${config.KEYCLOAK_REALM}`, {
            addressFailureFactor: config.LOGIN_ADDRESS_FAILURE_FACTOR,
          });
          await issuer.init();
          return issuer;
        },
      });
      controllers.push(embeddedIssuerController(config.KEYCLOAK_REALM));
    }
    return {
      module: AuthModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
            { name: 'submit', ttl: 60_000, limit: config.RATE_LIMIT_SUBMIT_PER_MINUTE },
          ],
          storage: new SlidingWindowThrottlerStorage(),
        }),
      ],
      controllers,
      providers,
    };
  }
}
