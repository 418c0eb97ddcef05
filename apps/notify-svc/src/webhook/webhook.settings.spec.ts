import { loadAppConfig } from '../config/env.js';
import { webhookSettingsOf } from './webhook.settings.js';

const base = { DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222' };

test('WEBHOOK_RETRY_TIME_SCALE compresses the real schedule (default 1: unchanged); the failure window is not scaled', () => {
  const real = webhookSettingsOf(loadAppConfig(base));
  expect(real.retryScheduleMs).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  const fast = webhookSettingsOf(loadAppConfig({ ...base, WEBHOOK_RETRY_TIME_SCALE: '0.004' }));
  expect(fast.retryScheduleMs).toEqual([20, 1_200, 7_200, 28_800, 72_000, 144_000, 144_000]);
  expect(fast.failureWindowMs).toBe(real.failureWindowMs);
  expect(() => loadAppConfig({ ...base, WEBHOOK_RETRY_TIME_SCALE: '0' })).toThrow(/WEBHOOK_RETRY_TIME_SCALE/);
});
