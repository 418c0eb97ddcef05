import { z } from 'zod';
import { IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { AUTHENTICATED, PUBLIC } from '../roles.js';

export const NotificationView = z.object({
  id: Uuid,
  eventId: Uuid,
  eventType: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: IsoDateTime,
  /** Whether the caller has read it (group notices are read per person). */
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** The caller's own inbox only: notices addressed to them, or to a role (and department) their token holds. */
export const listNotifications = defineRpc('rpc.notify.notification.list', {
  access: AUTHENTICATED,
  request: Page.extend({
    eventId: Uuid.optional(),
    unreadOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .or(z.boolean())
      .optional()
      .describe('only unread notices'),
  }).strict(),
  response: pageOf(NotificationView).extend({ unread: z.number().int().nonnegative().describe("the caller's unread notices in all") }),
});

export const markNotificationRead = defineRpc('rpc.notify.notification.mark-read', {
  access: AUTHENTICATED,
  request: z.strictObject({ id: z.uuid('请提供有效的通知编号。') }),
  response: z.object({ id: Uuid, read: z.literal(true), unread: z.number().int().nonnegative() }),
});

export const markAllNotificationsRead = defineRpc('rpc.notify.notification.mark-all-read', {
  access: AUTHENTICATED,
  request: z.strictObject({}),
  response: z.object({ marked: z.number().int().nonnegative(), unread: z.literal(0) }),
});

export const notifyHealth = defineRpc('rpc.notify.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });
