import { Controller } from '@nestjs/common';
import {
  type Actor,
  createSubscription,
  deleteSubscription,
  getNotificationPreferences,
  listSubscriptions,
  updateNotificationPreferences,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import { SubscriptionService } from './subscription.service.js';

/** Every RPC here is for SUBSCRIBERS, so @RpcHandler has refused anyone else before these run. */
const subscriber = (meta: RpcMeta): Actor => meta.actor!;

@Controller()
export class SubscriptionHandlers {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @RpcHandler(listSubscriptions)
  list(_req: z.output<typeof listSubscriptions.request>, meta: RpcMeta) {
    return this.subscriptions.list(subscriber(meta));
  }

  @RpcHandler(createSubscription)
  create(req: z.output<typeof createSubscription.request>, meta: RpcMeta) {
    return this.subscriptions.create(subscriber(meta), req);
  }

  @RpcHandler(deleteSubscription)
  delete(req: z.output<typeof deleteSubscription.request>, meta: RpcMeta) {
    return this.subscriptions.delete(subscriber(meta), req.subscriptionId);
  }

  @RpcHandler(getNotificationPreferences)
  preferences(_req: z.output<typeof getNotificationPreferences.request>, meta: RpcMeta) {
    return this.subscriptions.preferences(subscriber(meta));
  }

  @RpcHandler(updateNotificationPreferences)
  savePreferences(req: z.output<typeof updateNotificationPreferences.request>, meta: RpcMeta) {
    return this.subscriptions.savePreferences(subscriber(meta), req);
  }
}
