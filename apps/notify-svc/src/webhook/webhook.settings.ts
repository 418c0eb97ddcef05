import type { AppConfig } from '../config/env.js';

export const WEBHOOK_SETTINGS = Symbol('WebhookSettings');
export const WEBHOOK_CLOCK = Symbol('WebhookClock');

export interface WebhookSettings {
  pollIntervalMs: number;
  timeoutMs: number;
  /** Wait after failed attempt n (index n-1); when it runs out the delivery is dead-lettered. */
  retryScheduleMs: readonly number[];
  failureWindowMs: number;
  /** Extra random wait on top of each step, as a fraction of it (0.1 = up to +10 %). */
  jitter: number;
  /** Development and tests only: let deliveries connect to loopback and private addresses. */
  allowPrivateAddresses: boolean;
}

/** The webhook channel's notion of now: injected, so tests can move through a day of retries in seconds. */
export interface WebhookClock {
  now(): Date;
}

export const systemClock: WebhookClock = { now: () => new Date() };

export const webhookSettingsOf = (c: AppConfig): WebhookSettings => ({
  pollIntervalMs: c.WEBHOOK_POLL_INTERVAL_MS,
  timeoutMs: c.WEBHOOK_TIMEOUT_MS,
  retryScheduleMs: c.WEBHOOK_RETRY_SCHEDULE_MS.map((ms) => Math.max(1, Math.round(ms * c.WEBHOOK_RETRY_TIME_SCALE))),
  failureWindowMs: c.WEBHOOK_FAILURE_WINDOW_MS,
  jitter: 0.1,
  allowPrivateAddresses: c.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
});

/** When to try again after failed attempt `attempt` (1-based), or null: the schedule is used up (dead letter). */
export function nextAttemptAt(
  s: Pick<WebhookSettings, 'retryScheduleMs' | 'jitter'>,
  attempt: number,
  now: Date,
  random = Math.random,
): Date | null {
  const step = s.retryScheduleMs[attempt - 1];
  if (step === undefined) return null;
  return new Date(now.getTime() + Math.round(step * (1 + random() * s.jitter)));
}
