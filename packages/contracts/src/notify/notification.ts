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
});
export type NotificationView = z.infer<typeof NotificationView>;

export const listNotifications = defineRpc('rpc.notify.notification.list', {
  access: AUTHENTICATED,
  request: Page.extend({ eventId: Uuid.optional() }).strict(),
  response: pageOf(NotificationView),
});
export const notifyHealth = defineRpc('rpc.notify.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });
