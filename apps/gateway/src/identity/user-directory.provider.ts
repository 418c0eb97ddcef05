import type { Provider } from '@nestjs/common';
import { readRealmExport } from '../auth/realm-export.js';
import type { AppConfig } from '../config/env.js';
import { EmbeddedUserDirectory } from './embedded-user-directory.js';
import { KeycloakUserDirectory } from './keycloak-user-directory.js';
import { UserDirectory } from './user-directory.js';

/** The admins' user list from whichever identity provider the gateway trusts. */
export function userDirectoryProvider(config: AppConfig): Provider {
  return {
    provide: UserDirectory,
    useFactory: (): UserDirectory =>
      config.embeddedIssuer
        ? new EmbeddedUserDirectory(readRealmExport(config.EMBEDDED_ISSUER_REALM_FILE))
        : new KeycloakUserDirectory({
            baseUrl: config.issuerBaseUrl,
            publicBaseUrl: config.publicIssuerBaseUrl,
            realm: config.KEYCLOAK_REALM,
            clientId: config.KEYCLOAK_DIRECTORY_CLIENT_ID,
            clientSecret: config.KEYCLOAK_DIRECTORY_CLIENT_SECRET,
            timeoutMs: config.RPC_TIMEOUT_MS,
          }),
  };
}
