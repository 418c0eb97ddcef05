import type { AppConfig } from '../config/env.js';

export const EMAIL_SETTINGS = Symbol('EmailSettings');

/** What the email channel needs from the config; `smtpUrl` null = the channel is off and nothing is queued. */
export interface EmailSettings {
  smtpUrl: string | null;
  from: string;
  secret: string;
  publicBaseUrl: string;
  pollIntervalMs: number;
  maxAttempts: number;
}

export const emailSettingsOf = (c: AppConfig): EmailSettings => ({
  smtpUrl: c.SMTP_URL ?? null,
  from: c.SMTP_FROM,
  secret: c.UNSUBSCRIBE_SECRET ?? '',
  publicBaseUrl: c.PUBLIC_BASE_URL.replace(/\/+$/, ''),
  pollIntervalMs: c.EMAIL_POLL_INTERVAL_MS,
  maxAttempts: c.EMAIL_MAX_ATTEMPTS,
});
