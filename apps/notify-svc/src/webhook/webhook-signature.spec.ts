import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signedHeaders } from './webhook-signature.js';
import { nextAttemptAt } from './webhook.settings.js';

test('both secrets of a rotation verify the same message; a third does not', () => {
  const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
  const body = JSON.stringify({ type: 'disclosure.request.assigned' });
  const headers = signedHeaders({ msgId: 'msg-1', at: new Date(), body, secrets: [newSecret, oldSecret] });
  expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
  for (const s of [oldSecret, newSecret]) expect(new Webhook(s).verify(body, headers)).toEqual({ type: 'disclosure.request.assigned' });
  expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
});

test('the retry schedule: each step plus at most 10 % jitter, then null (dead letter)', () => {
  const s = { retryScheduleMs: [5_000, 300_000], jitter: 0.1 };
  const t0 = new Date('2026-06-01T00:00:00Z');
  expect(nextAttemptAt(s, 1, t0, () => 0)!.getTime() - t0.getTime()).toBe(5_000);
  expect(nextAttemptAt(s, 2, t0, () => 0.999)!.getTime() - t0.getTime()).toBe(329_970);
  expect(nextAttemptAt(s, 3, t0)).toBeNull();
});
