import { Controller } from '@nestjs/common';
import { listNotifications, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import type { Notification } from '../generated/prisma/client.js';
import { NotificationService } from './notification.service.js';

const toView = (n: Notification) => ({
  id: n.id,
  eventId: n.eventId,
  eventType: n.eventType,
  title: n.title,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
});

@Controller()
export class NotificationHandlers {
  constructor(private readonly notifications: NotificationService) {}

  @RpcHandler(listNotifications)
  async list(req: z.output<typeof listNotifications.request>) {
    return pageView(await this.notifications.list(req), req, toView);
  }
}
