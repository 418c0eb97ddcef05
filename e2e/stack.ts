import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import {
  AppProcess,
  type PrivateNats,
  type TestDatabase,
  createMigratedDatabase,
  createTestDatabase,
  freePort,
  startPrivateNats,
} from '@govdisc/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedPhase } from './phase-time.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const serviceApps = ['policy-svc', 'qa-svc', 'service-guide-svc', 'disclosure-request-svc', 'notify-svc'] as const;
export type AppName = (typeof serviceApps)[number] | 'gateway';

/** The whole platform on a private NATS server and a fresh database: what a user would run, isolated. */
export interface Stack {
  gatewayUrl: string;
  /** The gateway's internal metrics listener (METRICS_PORT); its public port serves no /metrics. */
  gatewayMetricsUrl: string;
  databaseUrl: string;
  nats: PrivateNats;
  nc: NatsConnection;
  apps: Record<AppName, AppProcess>;
  /** Second replicas (same variables, own port) of the services started with `replicas`; stop() stops them too. */
  replicas: Partial<Record<(typeof serviceApps)[number], AppProcess>>;
  startupMs: number;
  /** Where tokens come from: Keycloak if the gateway uses it, else the gateway's embedded issuer. */
  issuerUrl: string;
  /** OpenSearch aliases of the services' search indices, when the stack was started with opensearchUrl. */
  searchAliases: { policies: string; qa: string; guides: string } | null;
  stop(): Promise<void>;
}

/** Each app's schema (its DB_SCHEMA default) and committed migrations. */
const schemaOf: Record<AppName, string> = {
  'policy-svc': 'policy',
  'qa-svc': 'qa',
  'service-guide-svc': 'guide',
  'disclosure-request-svc': 'disclosure',
  'notify-svc': 'notify',
  gateway: 'gateway',
};
const migrations = (Object.keys(schemaOf) as AppName[]).map((app) => ({
  schema: schemaOf[app],
  dir: `${repoRoot}apps/${app}/prisma/migrations`,
}));

/**
 * The stack's database: on the shared test server, a clone of a template with every app's migrations applied (the
 * apps still run migrate() on start and find nothing to do); on a private server (adminDatabaseUrl, the resilience
 * suite) an empty one the apps migrate from scratch, as a first install does.
 */
function stackDatabase(adminDatabaseUrl: string | undefined): Promise<TestDatabase> {
  return adminDatabaseUrl ? createTestDatabase('e2e', adminDatabaseUrl) : createMigratedDatabase('e2e', migrations);
}

/**
 * What a stack starts of each app: the one-file bundle of its compiled output (dist/main.bundle.mjs, made by its build:
 * scripts/bundle-app.mjs, ADR 0021) — about half the start CPU of loading dist/main.js's ~600 modules, with ~27 stacks
 * per CI run — or dist/main.js itself with E2E_APP_ENTRY=main.js. A bundle made before a file it holds changed (a package
 * rebuilt with tsc alone) fails the run rather than testing old code.
 */
export function entryOf(app: AppName): string {
  const dist = `${repoRoot}apps/${app}/dist/`;
  if (process.env.E2E_APP_ENTRY === 'main.js') return `${dist}main.js`;
  const bundle = `${dist}main.bundle.mjs`;
  if (!checkedBundles.has(app)) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npx turbo run build (or E2E_APP_ENTRY=main.js)`);
    const inputs = JSON.parse(readFileSync(`${dist}main.bundle.inputs.json`, 'utf8')) as Record<string, string>;
    const changed = Object.keys(inputs).find(
      (file) =>
        createHash('sha1')
          .update(readFileSync(`${repoRoot}${file}`))
          .digest('hex') !== inputs[file],
    );
    if (changed) throw new Error(`${bundle} was made before ${changed} changed: run npx turbo run build (or E2E_APP_ENTRY=main.js)`);
    checkedBundles.add(app);
  }
  return bundle;
}
const checkedBundles = new Set<AppName>();

export interface StackOptions {
  /** Extra variables for the gateway, e.g. KEYCLOAK_URL to use a real Keycloak, or rate limits. */
  gatewayEnv?: Record<string, string>;
  /**
   * Keep the search read models (policy-svc's, qa-svc's and service-guide-svc's) in this OpenSearch instead of the
   * embedded engine, under aliases of this stack only (dropped by stop()).
   */
  opensearchUrl?: string;
  /** Extra variables per app, knowing the gateway's URL (e.g. notify-svc's SMTP_URL and PUBLIC_BASE_URL). */
  appEnv?: (stack: { gatewayUrl: string }) => Partial<Record<AppName, Record<string, string>>>;
  /**
   * The NATS server(s) to use instead of a private single node (e.g. a private 3-node cluster, resilience/); the
   * caller stops it. `busReplicas`: copies of each stream (3 on such a cluster).
   */
  nats?: PrivateNats;
  busReplicas?: 1 | 3;
  /** Superuser URL of the PostgreSQL server to create the stack's database on (default: the shared test server). */
  adminDatabaseUrl?: string;
  /** A database to start on instead of a fresh one (e.g. one restored from a dump); stop() drops it too. */
  database?: TestDatabase;
  /** Services to run as two replicas (one NATS queue group, one database), e.g. to kill one under load. */
  replicas?: readonly (typeof serviceApps)[number][];
}

/** OpenSearch variables of each service: its own alias under a prefix unique to the stack. */
function searchEnv(opensearchUrl: string | undefined, aliasPrefix: string): Partial<Record<AppName, Record<string, string>>> {
  if (!opensearchUrl) return {};
  return {
    'policy-svc': { OPENSEARCH_URL: opensearchUrl, OPENSEARCH_ALIAS: `${aliasPrefix}-policies` },
    'qa-svc': { OPENSEARCH_URL: opensearchUrl, QA_INDEX_ALIAS: `${aliasPrefix}-qa` },
    'service-guide-svc': { OPENSEARCH_URL: opensearchUrl, GUIDE_INDEX_ALIAS: `${aliasPrefix}-guides` },
  };
}

/** Deletes every index behind the stack's aliases. */
async function dropSearchIndices(opensearchUrl: string | undefined, aliasPrefix: string): Promise<void> {
  if (!opensearchUrl) return;
  const res = await fetch(`${opensearchUrl}/${aliasPrefix}-*?expand_wildcards=all`);
  if (!res.ok) return;
  for (const name of Object.keys((await res.json()) as Record<string, unknown>))
    await fetch(`${opensearchUrl}/${name}`, { method: 'DELETE' });
}

/**
 * How long each app may take to answer /ready (E2E_START_TIMEOUT_MS, default 60 s): six apps starting at once on a
 * machine shared with other test runs (load 30+ on 2 cores) can need longer than a CI runner does.
 */
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS) || 60_000;

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const started = Date.now();
  const [nats, db] = await timedPhase('stack: NATS and database', () =>
    Promise.all([
      opts.nats ? { url: opts.nats.url, stop: async () => undefined } : startPrivateNats(),
      opts.database ?? stackDatabase(opts.adminDatabaseUrl),
    ]),
  );
  const nc = await connect({ servers: nats.url.split(','), name: 'e2e' });
  await applyBusLayout(nc, new BusNaming(''), { replicas: opts.busReplicas ?? 1 });
  // Search snapshots of a test run go to a throwaway folder, not the developer's cache.
  const searchDir = mkdtempSync(join(tmpdir(), 'govdisc-e2e-search-'));
  const aliasPrefix = `e2e-${randomUUID().slice(0, 8)}`;
  const perApp = searchEnv(opts.opensearchUrl, aliasPrefix);
  // The embedded search engine unless a test asks otherwise (an exported OPENSEARCH_URL would share one alias across runs).
  const base = {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    LOG_LEVEL: 'info',
    RPC_DRAIN_TIMEOUT_MS: '5000',
    SEARCH_DATA_DIR: searchDir,
    OPENSEARCH_URL: '',
  };
  const apps = {} as Record<AppName, AppProcess>;
  const replicas: Stack['replicas'] = {};
  // Ports are only reserved when an app binds them: never hand out the same free port twice.
  const taken = new Set<number>();
  const newPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (taken.has(port)) continue;
      taken.add(port);
      return port;
    }
  };
  const metricsPort = await newPort();
  const ports = {} as Record<AppName, number>;
  for (const name of [...serviceApps, 'gateway'] as const) ports[name] = await newPort();
  const extra = opts.appEnv?.({ gatewayUrl: `http://127.0.0.1:${ports.gateway}` }) ?? {};
  for (const name of [...serviceApps, 'gateway'] as const) {
    const port = ports[name];
    // The gateway uses the embedded issuer unless a test passes KEYCLOAK_URL (empty = unset, even if the runner exported one).
    const gatewayEnv = { KEYCLOAK_URL: '', METRICS_PORT: String(metricsPort), ...opts.gatewayEnv };
    const env = { ...base, HTTP_PORT: String(port), ...perApp[name], ...(name === 'gateway' ? gatewayEnv : {}), ...extra[name] };
    apps[name] = new AppProcess(name, entryOf(name), env, `http://127.0.0.1:${port}/ready`);
  }
  for (const name of opts.replicas ?? []) {
    const port = await newPort();
    // Its own folder for the embedded search engine's snapshots (each replica keeps its own in-memory index).
    const dataDir = mkdtempSync(join(searchDir, `${name}-2-`));
    const env = { ...base, HTTP_PORT: String(port), SEARCH_DATA_DIR: dataDir, ...perApp[name], ...extra[name] };
    replicas[name] = new AppProcess(`${name}#2`, entryOf(name), env, `http://127.0.0.1:${port}/ready`);
  }
  const everyApp = () => [...Object.values(apps), ...Object.values(replicas)];
  // Services first (they migrate their schemas), then the gateway. If any fails, stop what started.
  try {
    await timedPhase('stack: services', () => Promise.all(serviceApps.map((name) => apps[name].start(startTimeoutMs))));
    // Second replicas once the first ones have migrated the schemas.
    await Promise.all(Object.values(replicas).map((app) => app.start(startTimeoutMs)));
    await timedPhase('stack: gateway', () => apps.gateway.start(startTimeoutMs));
  } catch (error) {
    await stopStack(everyApp(), nc, nats, db).catch(() => undefined);
    rmSync(searchDir, { recursive: true, force: true });
    await dropSearchIndices(opts.opensearchUrl, aliasPrefix).catch(() => undefined);
    throw error;
  }
  const gatewayUrl = apps.gateway.readyUrl.replace('/ready', '');
  return {
    gatewayUrl,
    gatewayMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    databaseUrl: db.url,
    nats,
    nc,
    apps,
    replicas,
    startupMs: Date.now() - started,
    issuerUrl: `${opts.gatewayEnv?.KEYCLOAK_URL ?? gatewayUrl}/realms/govdisc`,
    searchAliases: opts.opensearchUrl
      ? {
          policies: perApp['policy-svc']!.OPENSEARCH_ALIAS!,
          qa: perApp['qa-svc']!.QA_INDEX_ALIAS!,
          guides: perApp['service-guide-svc']!.GUIDE_INDEX_ALIAS!,
        }
      : null,
    stop: async () => {
      await timedPhase('stack: stop', () => stopStack(everyApp(), nc, nats, db));
      rmSync(searchDir, { recursive: true, force: true });
      await dropSearchIndices(opts.opensearchUrl, aliasPrefix);
    },
  };
}

async function stopStack(apps: AppProcess[], nc: NatsConnection, nats: PrivateNats, db: TestDatabase) {
  await Promise.all(apps.map((a) => a.stop()));
  await nc.close();
  await nats.stop();
  await db.drop();
}

/** Calls the gateway's API; `headers` may carry `authorization: Bearer …` (see auth.ts). */
export async function api(stack: Stack, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.gatewayUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
