import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { EmailHandlers } from '../email/email.handlers.js';
import { EmailRepository } from '../email/email.repository.js';
import { EmailSender } from '../email/email-sender.service.js';
import { EMAIL_SETTINGS, emailSettingsOf } from '../email/email.settings.js';
import { UnsubscribeService } from '../email/unsubscribe.service.js';
import { InboxHandlers } from '../inbox/inbox.handlers.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { InboxService } from '../inbox/inbox.service.js';
import { DisclosureEventsConsumer } from './disclosure-events.consumer.js';
import { NoticeService } from './notice.service.js';
import { PolicyPublishedConsumer } from './policy-published.consumer.js';
import { QaNeedsUpdateConsumer } from './qa-needs-update.consumer.js';
import { GuideNeedsUpdateConsumer } from './guide-needs-update.consumer.js';
import { DepartmentFanout } from '../webhook/department-fanout.service.js';
import { WebhookEndpointService } from '../webhook/webhook-endpoint.service.js';
import { WebhookHandlers } from '../webhook/webhook.handlers.js';
import { WebhookRepository } from '../webhook/webhook.repository.js';
import { WebhookSender } from '../webhook/webhook-sender.service.js';
import { SMS_PROVIDER, WECHAT_PROVIDER } from '../channels/channel-provider.port.js';
import { ChannelRepository } from '../channels/channel.repository.js';
import { ChannelSender } from '../channels/channel-sender.service.js';
import { CHANNEL_SETTINGS, channelSettingsOf, smsProviderOf, wechatProviderOf } from '../channels/channel.settings.js';
import { DeliveryLogHandlers } from '../delivery-log/delivery-log.handlers.js';
import { DeliveryLogRepository } from '../delivery-log/delivery-log.repository.js';
import { DeliveryLogService } from '../delivery-log/delivery-log.service.js';
import { DigestRepository } from '../push/digest.repository.js';
import { DigestSender } from '../push/digest-sender.service.js';
import { FanoutRepository } from '../push/fanout.repository.js';
import { FanoutWorker } from '../push/fanout-worker.service.js';
import { PolicyPushConsumer } from '../push/policy-push.consumer.js';
import { PUSH_SETTINGS, pushSettingsOf } from '../push/push.settings.js';
import { SubscriptionHandlers } from '../subscription/subscription.handlers.js';
import { SubscriptionRepository } from '../subscription/subscription.repository.js';
import { SubscriptionService } from '../subscription/subscription.service.js';
import { WEBHOOK_CLOCK, WEBHOOK_SETTINGS, systemClock, webhookSettingsOf } from '../webhook/webhook.settings.js';

@Module({})
export class NotificationModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationModule,
      controllers: [InboxHandlers, EmailHandlers, WebhookHandlers, SubscriptionHandlers, DeliveryLogHandlers],
      providers: [
        { provide: EMAIL_SETTINGS, useValue: emailSettingsOf(config) },
        InboxService,
        InboxRepository,
        EmailRepository,
        EmailSender,
        UnsubscribeService,
        NoticeService,
        PolicyPublishedConsumer,
        QaNeedsUpdateConsumer,
        GuideNeedsUpdateConsumer,
        DisclosureEventsConsumer,
        { provide: WEBHOOK_SETTINGS, useValue: webhookSettingsOf(config) },
        { provide: WEBHOOK_CLOCK, useValue: systemClock },
        WebhookRepository,
        WebhookEndpointService,
        WebhookSender,
        DepartmentFanout,
        SubscriptionRepository,
        SubscriptionService,
        { provide: PUSH_SETTINGS, useValue: pushSettingsOf(config) },
        FanoutRepository,
        FanoutWorker,
        PolicyPushConsumer,
        DigestRepository,
        DigestSender,
        { provide: CHANNEL_SETTINGS, useValue: channelSettingsOf(config) },
        { provide: SMS_PROVIDER, useValue: smsProviderOf(config) },
        { provide: WECHAT_PROVIDER, useValue: wechatProviderOf(config) },
        ChannelRepository,
        ChannelSender,
        DeliveryLogRepository,
        DeliveryLogService,
      ],
    };
  }
}
