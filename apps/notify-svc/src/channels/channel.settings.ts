import type { AppConfig } from '../config/env.js';
import type { ChannelProvider } from './channel-provider.port.js';
import { LogSmsProvider, LogWechatProvider } from './log-providers.js';

export const CHANNEL_SETTINGS = Symbol('ChannelSettings');

export interface ChannelSettings {
  pollIntervalMs: number;
  maxAttempts: number;
}

export const channelSettingsOf = (c: AppConfig): ChannelSettings => ({
  pollIntervalMs: c.CHANNEL_POLL_INTERVAL_MS,
  maxAttempts: c.CHANNEL_MAX_ATTEMPTS,
});

/** The configured providers (only the logging defaults ship; a real one is one more case here). */
export const smsProviderOf = (c: AppConfig): ChannelProvider => {
  switch (c.SMS_PROVIDER) {
    case 'log':
      return new LogSmsProvider();
  }
};
export const wechatProviderOf = (c: AppConfig): ChannelProvider => {
  switch (c.WECHAT_PROVIDER) {
    case 'log':
      return new LogWechatProvider();
  }
};
