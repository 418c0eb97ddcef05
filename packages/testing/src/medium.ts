import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createMigratedDatabase, uniquePrefix } from './database.js';

export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** What a medium test file needs: its own migrated database and its own bus namespace on the real NATS. */
export interface MediumEnv {
  databaseUrl: string;
  prefix: string;
  naming: BusNaming;
  nc: NatsConnection;
  /** Environment for the app's config loader. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function prepareMediumEnv(opts: { label: string; schema: string; migrationsDir: string }): Promise<MediumEnv> {
  // A clone of a template holding the schema's migrations (built once per set of migration files).
  const db = await createMigratedDatabase(opts.label, [{ schema: opts.schema, dir: opts.migrationsDir }]);
  const prefix = uniquePrefix();
  const naming = new BusNaming(prefix);
  const nc = await connect({ servers: TEST_NATS_URL, name: `medium-${opts.label}` });
  await applyBusLayout(nc, naming);
  return {
    databaseUrl: db.url,
    prefix,
    naming,
    nc,
    env: {
      DATABASE_URL: db.url,
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: prefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DB_SKIP_MIGRATIONS: 'true',
    },
    cleanup: async () => {
      await removeBusLayout(nc, naming);
      await nc.drain();
      await db.drop();
    },
  };
}

/** Deletes the test run's streams (and with them their consumers). */
async function removeBusLayout(nc: NatsConnection, naming: BusNaming) {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc);
  for (const spec of naming.streamSpecs()) await jsm.streams.delete(spec.name).catch(() => undefined);
}
