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
  request: z.strictObject({ notificationId: z.uuid('请提供有效的通知编号。') }),
  response: z.object({ id: Uuid, read: z.literal(true), unread: z.number().int().nonnegative() }),
});

export const markAllNotificationsRead = defineRpc('rpc.notify.notification.mark-all-read', {
  access: AUTHENTICATED,
  request: z.strictObject({}),
  response: z.object({ marked: z.number().int().nonnegative(), unread: z.literal(0) }),
});

/** RFC 8058 one-click unsubscribe: the signed token of an email's List-Unsubscribe link; no sign-in (mail providers post it). */
export const unsubscribeEmail = defineRpc('rpc.notify.email.unsubscribe', {
  access: PUBLIC,
  request: z.strictObject({
    token: z
      .string('退订链接缺少 token 参数，请使用邮件中的完整退订链接。')
      .min(1, '退订链接缺少 token 参数，请使用邮件中的完整退订链接。')
      .max(2_000),
  }),
  response: z.object({ unsubscribed: z.literal(true) }),
});

export const notifyHealth = defineRpc('rpc.notify.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });
