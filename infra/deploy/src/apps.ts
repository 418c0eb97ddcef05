import { platform, type Reach } from './platform.js';

/** A variable taken from a Secret that ops create (never from the manifests): infra/README.md lists them. */
export interface SecretRef {
  secret: string;
  key: string;
  /** The app runs without it (a feature stays off). */
  optional?: boolean;
  /** For another setup than this ConfigMap's (the app refuses the two together): ops create it only after switching. */
  otherSetup?: boolean;
}

export interface AppVolume {
  name: string;
  mountPath: string;
  /** `scratch`: an emptyDir per pod; `shared`: a ReadWriteMany claim every replica mounts. */
  kind: 'scratch' | 'shared';
  size?: string;
}

export interface AppSpec {
  /** Directory under apps/, image name and Kubernetes name. */
  name: string;
  /** A NestJS service (`dist/main.bundle.mjs`) or a Next.js site (`scripts/serve.mjs`): decides the image's entry point. */
  runtime: 'nest' | 'next';
  port: number;
  /** Reached from outside through the ingress controller, under this host. */
  publicHost?: string;
  /**
   * The ingress controller sends a browser back to the pod it first reached (a cookie): the sites keep sign-in
   * sessions in process memory (docs/adr/0007-web-sign-in-sessions.md).
   */
  stickySessions?: boolean;
  /** An extra internal listener Prometheus scrapes (the gateway keeps /metrics off its public port). */
  metricsPort?: number;
  reach: Reach[];
  replicas: { min: number; max: number };
  /** requests (scheduling and the autoscaler's 100 %) and the memory limit; no CPU limit: throttling costs latency. */
  resources: { cpu: string; memory: string; memoryLimit: string };
  /** Every variable the app reads that is not a secret ('' = unset: the app's own default applies). */
  config: Record<string, string>;
  secrets: Record<string, SecretRef>;
  volumes: AppVolume[];
  /** Set while the app is being written elsewhere: its env coverage is checked only once apps/<name> exists. */
  pending?: string;
}

const nats = `nats://nats.${platform.namespace}.svc:4222`;
const opensearch = `http://opensearch.${platform.namespace}.svc:9200`;
const gateway = `http://gateway.${platform.namespace}.svc:3000`;
/** Keycloak as browsers reach it: tokens name this issuer (KC_HOSTNAME in k8s/keycloak.ts). */
export const publicIssuerBase = `https://${platform.hosts.auth}`;

/**
 * Sign-in of a Next.js site (packages/web-auth): the public client govdisc-web with PKCE. The issuer is Keycloak's
 * public address, because openid-client requires the discovered issuer to equal the configured one; the site's
 * server reaches it through the ingress controller (Reach `auth`).
 */
function siteSignIn(host: string): Record<string, string> {
  return { OIDC_ISSUER_URL: `${publicIssuerBase}/realms/govdisc`, OIDC_CLIENT_ID: 'govdisc-web', AUTH_REDIRECT_BASE: `https://${host}` };
}

/** Only for a confidential client: the public client govdisc-web has no secret, so ops create nothing by default. */
const clientSecret = (app: string): Record<string, SecretRef> => ({
  OIDC_CLIENT_SECRET: { secret: `${app}-oidc`, key: 'OIDC_CLIENT_SECRET', optional: true },
});

/** Variables of @govdisc/service-kit's baseServiceEnv and databaseEnv, the same for every service. */
function serviceBase(port: number, schema: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    HTTP_HOST: '0.0.0.0',
    HTTP_PORT: String(port),
    NATS_URL: nats,
    NATS_SUBJECT_PREFIX: '',
    RPC_DRAIN_TIMEOUT_MS: '10000',
    // Traces (packages/telemetry): set the collector's OTLP/HTTP address to export them; '' leaves tracing off.
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    OTEL_TRACES_SAMPLER_ARG: '0.1',
    OTEL_BSP_SCHEDULE_DELAY: '5000',
    DB_SCHEMA: schema,
    // Each service applies its own migrations on start under an advisory lock, so replicas can start together.
    DB_SKIP_MIGRATIONS: 'false',
  };
}

/** DATABASE_URL of one service: its own Secret, so each can have its own database role and be rotated alone. */
const databaseUrl = (app: string): Record<string, SecretRef> => ({ DATABASE_URL: { secret: `${app}-db`, key: 'DATABASE_URL' } });

const scratch = (mountPath: string, name = 'tmp'): AppVolume => ({ name, mountPath, kind: 'scratch' });

export const apps: AppSpec[] = [
  {
    name: 'gateway',
    runtime: 'nest',
    port: 3000,
    publicHost: platform.hosts.api,
    metricsPort: 3100,
    reach: ['nats', 'postgres', 'keycloak'],
    replicas: { min: 2, max: 8 },
    resources: { cpu: '250m', memory: '256Mi', memoryLimit: '512Mi' },
    config: {
      ...serviceBase(3000, 'gateway'),
      IDEMPOTENCY_TTL_HOURS: '24',
      RPC_TIMEOUT_MS: '5000',
      HEALTH_TIMEOUT_MS: '1500',
      BODY_LIMIT: '1mb',
      CORS_ORIGINS: `https://${platform.hosts.portal},https://${platform.hosts.console}`,
      // Tokens come from the cluster's Keycloak; the embedded issuer (and its realm file) is then off. Keys are
      // fetched in the cluster; tokens name Keycloak's public host, where browsers sign in.
      KEYCLOAK_URL: `http://keycloak.${platform.namespace}.svc:8080`,
      KEYCLOAK_ISSUER_URL: publicIssuerBase,
      KEYCLOAK_REALM: 'govdisc',
      // The admins' user list reads Keycloak's Admin REST API as this read-only service-account client.
      KEYCLOAK_DIRECTORY_CLIENT_ID: 'govdisc-user-directory',
      EMBEDDED_ISSUER_REALM_FILE: '',
      // Rate limits count per replica: the platform-wide limit is this times the number of gateway pods.
      RATE_LIMIT_PER_MINUTE: '1200',
      RATE_LIMIT_SUBMIT_PER_MINUTE: '20',
      LOGIN_ADDRESS_FAILURE_FACTOR: '20',
      // The ingress controller and the portals reach the gateway from pod addresses (private ranges).
      TRUST_PROXY: 'uniquelocal',
      METRICS_PORT: '3100',
      METRICS_HOST: '0.0.0.0',
    },
    secrets: {
      ...databaseUrl('gateway'),
      // Only for a cluster run with the embedded issuer (KEYCLOAK_URL unset): one RS256 key every replica signs with,
      // so tokens work on all of them and survive restarts. With KEYCLOAK_URL set (as here) ops create no such Secret.
      EMBEDDED_ISSUER_SIGNING_KEY: { secret: 'gateway-issuer', key: 'EMBEDDED_ISSUER_SIGNING_KEY', optional: true, otherSetup: true },
      // The govdisc-user-directory client's secret (view-users, query-users); without it 用户与角色 answers 503.
      KEYCLOAK_DIRECTORY_CLIENT_SECRET: { secret: 'gateway-user-directory', key: 'KEYCLOAK_DIRECTORY_CLIENT_SECRET', optional: true },
    },
    volumes: [scratch('/tmp')],
  },
  {
    name: 'policy-svc',
    runtime: 'nest',
    port: 3101,
    reach: ['nats', 'postgres', 'opensearch'],
    replicas: { min: 2, max: 6 },
    resources: { cpu: '500m', memory: '512Mi', memoryLimit: '1536Mi' },
    config: {
      ...serviceBase(3101, 'policy'),
      OPENSEARCH_URL: opensearch,
      OPENSEARCH_ALIAS: 'govdisc-policies',
      // result rows held per document version (ADR 0044); counted in the pod's memory limit
      OPENSEARCH_PAGE_ROWS_MB: '32',
      // Only the embedded engine writes here; with OpenSearch it stays empty, so a per-pod scratch volume.
      SEARCH_DATA_DIR: '/var/cache/govdisc/search',
      SEARCH_SNAPSHOT_DEBOUNCE_MS: '3000',
      SEARCH_CACHE_SIZE: '2000',
      SEARCH_CACHE_TTL_MS: '300000',
      EXPIRY_CHECK_INTERVAL_MS: '3600000',
      // `auto` counts the node's cores, not the pod's share of them.
      IMPORT_ANALYSIS_THREADS: '1',
      SEARCH_EXTERNAL_LIBRARIES: '',
      // Empty: national documents first, then every place alike; a deployment names its city (浙江省杭州市).
      SEARCH_HOME_REGION: '',
      SEARCH_ANALYTICS_FLUSH_MS: '1000',
      SEARCH_ANALYTICS_RETENTION_DAYS: '180',
      // Each replica reads the documents changed since its last poll (ADR 0038): another replica's publication
      // reaches this one's related-list candidates within this time.
      RELATED_ROWS_POLL_MS: '5000',
      // Every public document's related list is ranked ahead once the library has not changed for this long (ADR 0041):
      // ~10 CPU s per pass on the full corpus, on every replica, after each settled change.
      RELATED_AHEAD_SETTLE_MS: '10000',
      RELATED_AHEAD_LIMIT: '5',
    },
    secrets: { ...databaseUrl('policy-svc') },
    volumes: [scratch('/tmp'), scratch('/var/cache/govdisc/search', 'search-data')],
  },
  {
    name: 'qa-svc',
    runtime: 'nest',
    port: 3102,
    reach: ['nats', 'postgres', 'opensearch'],
    replicas: { min: 2, max: 6 },
    resources: { cpu: '250m', memory: '512Mi', memoryLimit: '1Gi' },
    config: {
      ...serviceBase(3102, 'qa'),
      // Empty: the threshold of the fitted confidence model the image was built with.
      ASK_CONFIDENCE_THRESHOLD: '',
      ASK_SUGGESTION_MIN_CONFIDENCE: '0.05',
      ASK_CACHE_SIZE: '10000',
      ASK_CACHE_TTL_MS: '60000',
      QA_INDEX_REFRESH_MS: '2000',
      OPENSEARCH_URL: opensearch,
      QA_INDEX_ALIAS: 'govdisc-qa',
    },
    secrets: { ...databaseUrl('qa-svc') },
    volumes: [scratch('/tmp')],
  },
  {
    name: 'service-guide-svc',
    runtime: 'nest',
    port: 3103,
    reach: ['nats', 'postgres', 'opensearch'],
    replicas: { min: 2, max: 4 },
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' },
    config: {
      ...serviceBase(3103, 'guide'),
      // The search index of published matters and bundles (unified search), refreshed from the database.
      OPENSEARCH_URL: opensearch,
      GUIDE_INDEX_ALIAS: 'govdisc-guides',
      GUIDE_INDEX_REFRESH_MS: '2000',
    },
    secrets: { ...databaseUrl('service-guide-svc') },
    volumes: [scratch('/tmp')],
  },
  {
    name: 'disclosure-request-svc',
    runtime: 'nest',
    port: 3104,
    reach: ['nats', 'postgres', 'objectstore'],
    replicas: { min: 2, max: 4 },
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' },
    config: {
      ...serviceBase(3104, 'disclosure'),
      DISCLOSURE_DEFAULT_AGENCY: '江东市人民政府办公室',
      DISCLOSURE_REVIEW_BODY: '江东市人民政府',
      DISCLOSURE_SUPPLEMENT_WINDOW_WD: '15',
      DISCLOSURE_FEE_PAUSES_CLOCK: 'true',
      DISCLOSURE_REASONS_PAUSE_CLOCK: 'true',
      DISCLOSURE_DUPLICATE_WINDOW_MINUTES: '60',
      // Attachments in the S3-compatible object store outside the cluster (platform.objectStore): every replica, any node.
      ATTACHMENT_STORE: 's3',
      ATTACHMENT_DIR: '',
      ATTACHMENT_S3_BUCKET: platform.objectStore.bucket,
      ATTACHMENT_S3_PREFIX: 'attachments/',
      ATTACHMENT_S3_ENDPOINT: platform.objectStore.endpoint,
      ATTACHMENT_S3_REGION: 'us-east-1',
      ATTACHMENT_S3_FORCE_PATH_STYLE: 'true',
      ATTACHMENT_MAX_BYTES: '700000',
      DEADLINE_SCAN_INTERVAL_MS: '600000',
    },
    secrets: {
      ...databaseUrl('disclosure-request-svc'),
      // Optional: without a key pair the AWS SDK's default chain applies (e.g. a workload identity the cluster grants).
      ATTACHMENT_S3_ACCESS_KEY_ID: { secret: 'disclosure-request-svc-s3', key: 'ATTACHMENT_S3_ACCESS_KEY_ID', optional: true },
      ATTACHMENT_S3_SECRET_ACCESS_KEY: { secret: 'disclosure-request-svc-s3', key: 'ATTACHMENT_S3_SECRET_ACCESS_KEY', optional: true },
    },
    volumes: [scratch('/tmp')],
  },
  {
    name: 'notify-svc',
    runtime: 'nest',
    port: 3105,
    reach: ['nats', 'postgres', 'internet'],
    replicas: { min: 2, max: 4 },
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' },
    config: {
      ...serviceBase(3105, 'notify'),
      SMTP_FROM: '江东市政务公开平台 <no-reply@govdisc.example>',
      PUBLIC_BASE_URL: `https://${platform.hosts.api}`,
      EMAIL_POLL_INTERVAL_MS: '1000',
      EMAIL_MAX_ATTEMPTS: '8',
      WEBHOOK_POLL_INTERVAL_MS: '500',
      WEBHOOK_TIMEOUT_MS: '10000',
      WEBHOOK_RETRY_SCHEDULE_MS: '5000,300000,1800000,7200000,18000000,36000000,36000000',
      WEBHOOK_RETRY_TIME_SCALE: '1',
      WEBHOOK_FAILURE_WINDOW_MS: '86400000',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false',
      // Policy pushes (政策推送): fan-out batches, daily digests, and the SMS/WeChat provider ports.
      FANOUT_BATCH_SIZE: '5000',
      FANOUT_POLL_INTERVAL_MS: '1000',
      DIGEST_POLL_INTERVAL_MS: '60000',
      SMS_PROVIDER: 'log',
      WECHAT_PROVIDER: 'log',
      CHANNEL_POLL_INTERVAL_MS: '1000',
      CHANNEL_MAX_ATTEMPTS: '8',
    },
    secrets: {
      ...databaseUrl('notify-svc'),
      // Without SMTP_URL there is no email channel; UNSUBSCRIBE_SECRET is required with it (≥ 32 characters).
      SMTP_URL: { secret: 'notify-svc-smtp', key: 'SMTP_URL', optional: true },
      UNSUBSCRIBE_SECRET: { secret: 'notify-svc-smtp', key: 'UNSUBSCRIBE_SECRET', optional: true },
    },
    volumes: [scratch('/tmp')],
  },
  {
    name: 'web',
    runtime: 'next',
    port: 3001,
    publicHost: platform.hosts.portal,
    stickySessions: true,
    reach: ['gateway', 'auth'],
    replicas: { min: 2, max: 6 },
    resources: { cpu: '250m', memory: '256Mi', memoryLimit: '768Mi' },
    config: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      GATEWAY_URL: gateway,
      SITE_NAME: '政务公开平台',
      PUBLIC_BASE_URL: `https://${platform.hosts.portal}`,
      // The /sites map's raster tiles, an XYZ template (e.g. 天地图 with its browser key, which every visitor's
      // browser sees anyway) and the credit line the provider asks for; '' = no map, the list only.
      MAP_TILE_URL: '',
      MAP_TILE_ATTRIBUTION: '',
      ...siteSignIn(platform.hosts.portal),
      HOST: '0.0.0.0',
      HTTP_PORT: '3001',
      PORT: '3001',
    },
    secrets: { ...clientSecret('web') },
    volumes: [scratch('/tmp')],
  },
  // ─── apps/console: the staff console, built and served like apps/web (packages/web-serve) on port 3002. ───
  {
    name: 'console',
    runtime: 'next',
    port: 3002,
    publicHost: platform.hosts.console,
    stickySessions: true,
    reach: ['gateway', 'auth'],
    replicas: { min: 2, max: 3 },
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '768Mi' },
    config: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      GATEWAY_URL: gateway,
      ...siteSignIn(platform.hosts.console),
      HOST: '0.0.0.0',
      HTTP_PORT: '3002',
      PORT: '3002',
    },
    secrets: { ...clientSecret('console') },
    volumes: [scratch('/tmp')],
  },
];

export function imageOf(app: string): string {
  return `${platform.registry}/${app}:${platform.imageTag}`;
}
