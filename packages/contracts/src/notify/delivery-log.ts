import { z } from 'zod';
import { IsoDateTime, Page, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { ADMINS } from '../roles.js';

/** Channels with a delivery log here (department webhooks have theirs under /webhooks/endpoints/…/deliveries). */
export const LoggedChannel = z.enum(['email', 'sms', 'wechat']);
export const DeliveryStatus = z.enum(['PENDING', 'SENT', 'FAILED', 'SUPPRESSED']);

export const DeliveryLogEntry = z.object({
  id: Uuid,
  channel: LoggedChannel,
  eventId: Uuid,
  eventType: z.string(),
  /** The address, partly masked (admins need to tell deliveries apart, not to read contacts). */
  to: z.string(),
  subject: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  provider: z.string().nullable(),
  createdAt: IsoDateTime,
  nextAttemptAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
});
export type DeliveryLogEntry = z.infer<typeof DeliveryLogEntry>;

export const listDeliveries = defineRpc('rpc.notify.delivery.list', {
  access: ADMINS,
  request: Page.extend({
    channel: LoggedChannel.optional(),
    status: DeliveryStatus.optional(),
    eventId: Uuid.optional().describe('every delivery of one message (event)'),
  }).strict(),
  response: pageOf(DeliveryLogEntry),
});

export const ChannelMetrics = z.object({
  channel: z.enum(['inbox', 'email', 'sms', 'wechat', 'webhook']),
  sent: z.number().int(),
  failed: z.number().int(),
  /** waiting for another attempt after a failed one */
  retrying: z.number().int(),
  /** waiting for a first attempt (including pushes held by quiet hours) */
  pending: z.number().int(),
  /** how long the oldest delivery that is due now has been waiting, in seconds (0 when none) */
  lagSeconds: z.number(),
});

export const getChannelMetrics = defineRpc('rpc.notify.delivery.metrics', {
  access: ADMINS,
  request: z.strictObject({}),
  response: z.object({ channels: z.array(ChannelMetrics), at: IsoDateTime }),
});
