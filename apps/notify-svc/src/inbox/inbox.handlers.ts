import { Controller } from '@nestjs/common';
import { type Actor, listNotifications, markAllNotificationsRead, markNotificationRead, type z } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { InboxRow } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';

const toView = (n: InboxRow) => ({
  id: n.id,
  eventId: n.eventId,
  eventType: n.eventType,
  title: n.title,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
  read: n.read,
});

/** Every inbox RPC is AUTHENTICATED, so @RpcHandler has refused anonymous callers before these run. */
const reader = (meta: RpcMeta): Actor => meta.actor!;

@Controller()
export class InboxHandlers {
  constructor(private readonly inbox: InboxService) {}

  @RpcHandler(listNotifications)
  async list(req: z.output<typeof listNotifications.request>, meta: RpcMeta) {
    const result = await this.inbox.list(reader(meta), req);
    return { ...pageView(result, req, toView), unread: result.unread };
  }

  @RpcHandler(markNotificationRead)
  markRead(req: z.output<typeof markNotificationRead.request>, meta: RpcMeta) {
    return this.inbox.markRead(reader(meta), req.notificationId);
  }

  @RpcHandler(markAllNotificationsRead)
  markAllRead(_req: z.output<typeof markAllNotificationsRead.request>, meta: RpcMeta) {
    return this.inbox.markAllRead(reader(meta));
  }
}
