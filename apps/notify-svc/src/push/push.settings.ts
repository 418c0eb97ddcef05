import type { AppConfig } from '../config/env.js';

export const PUSH_SETTINGS = Symbol('PushSettings');

export interface PushSettings {
  fanoutBatchSize: number;
  fanoutPollIntervalMs: number;
  digestPollIntervalMs: number;
}

export const pushSettingsOf = (c: AppConfig): PushSettings => ({
  fanoutBatchSize: c.FANOUT_BATCH_SIZE,
  fanoutPollIntervalMs: c.FANOUT_POLL_INTERVAL_MS,
  digestPollIntervalMs: c.DIGEST_POLL_INTERVAL_MS,
});
