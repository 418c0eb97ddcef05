import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * The Standard Webhooks headers of one message: `webhook-signature` holds one `v1,<base64>` per
 * secret, space-separated (the current secret, and the previous one while a rotation overlaps).
 */
export function signedHeaders(q: { msgId: string; at: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const at = new Date(Math.floor(q.at.getTime() / 1000) * 1000);
  return {
    'webhook-id': q.msgId,
    'webhook-timestamp': String(at.getTime() / 1000),
    'webhook-signature': q.secrets.map((s) => new Webhook(s).sign(q.msgId, at, q.body)).join(' '),
  };
}
