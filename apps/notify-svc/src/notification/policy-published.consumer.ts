import { Inject, Injectable } from '@nestjs/common';
import { documentPublished } from '@govdisc/contracts';
import { BusNaming } from '@govdisc/messaging';
import { EventConsumerHost, NATS_CONNECTION, ROOT_LOGGER } from '@govdisc/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { NotificationService, POLICY_PUBLISHED_CONSUMER } from './notification.service.js';

/** policy.document.published → one in-app notification. Validates, then hands over to the service. */
@Injectable()
export class PolicyPublishedConsumer extends EventConsumerHost {
  protected readonly consumerName = POLICY_PUBLISHED_CONSUMER;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    naming: BusNaming,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly notifications: NotificationService,
  ) {
    super(nc, naming, logger);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notifications.onDocumentPublished(documentPublished.parse(raw));
  }
}
