import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { Clock } from '../../src/request/clock.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

export interface Harness {
  env: MediumEnv;
  app: INestApplication;
  attachmentDir: string;
  /** Moves "now" (the Shanghai date derives from it). */
  setNow(iso: string): void;
}

export async function startHarness(label: string, extra: Record<string, string> = {}): Promise<Harness> {
  const env = await prepareMediumEnv({ label, schema: 'disclosure', migrationsDir });
  const attachmentDir = mkdtempSync(join(tmpdir(), 'disclosure-att-'));
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'disclosure',
    ATTACHMENT_DIR: attachmentDir,
    DEADLINE_SCAN_INTERVAL_MS: '0',
    ...extra,
  });
  const app = await startMediumApp(AppModule.forRoot(config));
  const clock = app.get(Clock);
  return { env, app, attachmentDir, setNow: (iso) => (clock.now = () => new Date(iso)) };
}

export async function stopHarness(h: Harness | undefined) {
  await h?.app.close();
  await h?.env.cleanup();
}

/** Event payloads of one type on this run's DISCLOSURE_EVENTS stream, in stream order. */
export async function streamEvents(h: Harness, type: string): Promise<Array<Record<string, unknown>>> {
  const jsm = await jetstreamManager(h.env.nc);
  const stream = h.env.naming.stream('DISCLOSURE_EVENTS');
  const info = await jsm.streams.info(stream);
  const subject = h.env.naming.subject(type);
  const out: Array<Record<string, unknown>> = [];
  for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m && m.subject === subject) out.push(m.json<{ payload: Record<string, unknown> }>().payload);
  }
  return out;
}
