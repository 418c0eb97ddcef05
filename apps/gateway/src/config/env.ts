import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { createPrivateKey } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { z } from 'zod';

export const SERVICE_NAME = 'gateway';

/** The realm export Keycloak imports; the embedded issuer serves the same users from it. */
const defaultRealmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('gateway'),
  IDEMPOTENCY_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1_500),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'like 512kb or 1mb')
    .default('1mb'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  KEYCLOAK_URL: z
    .url()
    .optional()
    .transform((v) => v?.replace(/\/$/, '')),
  /**
   * The public address browsers reach Keycloak at, when it differs from KEYCLOAK_URL (the in-cluster address the
   * gateway fetches keys from): tokens carry this one in `iss`. Unset: KEYCLOAK_URL's. Only with KEYCLOAK_URL.
   */
  KEYCLOAK_ISSUER_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((v) => v?.replace(/\/$/, '')),
  KEYCLOAK_REALM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('govdisc'),
  EMBEDDED_ISSUER_REALM_FILE: z.string().default(defaultRealmFile),
  /**
   * With KEYCLOAK_URL: the service-account client (client credentials grant) the gateway reads users and their realm
   * roles with (Admin REST API; the realm grants it view-users and query-users only). The secret is a secret: no
   * default; unset, the admins' user list answers 503 IDENTITY_PROVIDER_UNAVAILABLE (not-configured).
   */
  KEYCLOAK_DIRECTORY_CLIENT_ID: z.string().min(1).max(200).default('govdisc-user-directory'),
  KEYCLOAK_DIRECTORY_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * The embedded issuer's RS256 signing key (PEM, PKCS#8 `BEGIN PRIVATE KEY`; `\n` may stand for line breaks), shared
   * by every gateway replica so a token issued by one is accepted by all and survives a restart. A secret. Unset: a
   * key made at start in memory (one replica, tokens end with a restart).
   */
  EMBEDDED_ISSUER_SIGNING_KEY: z
    .string()
    .transform((v) => v.replaceAll('\\n', '\n'))
    .refine(
      isRsaPrivateKey,
      'must be an RSA private key in PEM (PKCS#8, -----BEGIN PRIVATE KEY-----), e.g. from openssl genpkey -algorithm RSA',
    )
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  RATE_LIMIT_SUBMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Embedded issuer: failed sign-ins from one client address before it is locked out (Keycloak's timing). */
  LOGIN_ADDRESS_FAILURE_FACTOR: z.coerce.number().int().min(1).max(10_000).default(20),
  /**
   * Proxies whose X-Forwarded-For is believed (client address for rate limits, lockout, audit):
   * comma-separated IPs/CIDRs or loopback, linklocal, uniquelocal. Empty: none, the peer address counts.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyEntry), 'comma-separated IP addresses or CIDR ranges, or loopback, linklocal, uniquelocal'),
  /** Internal listener for /metrics (never on the public port). Unset: the gateway serves no metrics. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
});

function isRsaPrivateKey(pem: string): boolean {
  try {
    return pem.includes('-----BEGIN PRIVATE KEY-----') && createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const GatewayConfig = Env.refine((env) => !env.EMBEDDED_ISSUER_SIGNING_KEY || !env.KEYCLOAK_URL, {
  path: ['EMBEDDED_ISSUER_SIGNING_KEY'],
  message: 'only for the embedded issuer: with KEYCLOAK_URL, Keycloak signs the tokens',
}).transform((env) => {
  /**
   * Without KEYCLOAK_URL the gateway serves an embedded issuer at its own address; KEYCLOAK_ISSUER_URL then names the
   * address clients reach the gateways at (a load balancer), so every replica issues and accepts one `iss`.
   */
  const issuerBaseUrl = env.KEYCLOAK_URL ?? `http://127.0.0.1:${env.HTTP_PORT}`;
  return {
    ...env,
    embeddedIssuer: !env.KEYCLOAK_URL,
    /** Where the gateway itself calls the issuer (keys, and the embedded issuer's own name). */
    issuerBaseUrl,
    /** Where browsers reach the issuer: its name in tokens (`iss` is checked against this realm URL) and its pages. */
    publicIssuerBaseUrl: env.KEYCLOAK_ISSUER_URL ?? issuerBaseUrl,
  };
});
export type AppConfig = Readonly<z.output<typeof GatewayConfig>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, GatewayConfig, env);
}
