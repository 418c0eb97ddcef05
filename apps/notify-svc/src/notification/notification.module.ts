import { Module } from '@nestjs/common';
import { NotificationHandlers } from './notification.handlers.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { PolicyPublishedConsumer } from './policy-published.consumer.js';

@Module({
  controllers: [NotificationHandlers],
  providers: [NotificationService, NotificationRepository, PolicyPublishedConsumer],
})
export class NotificationModule {}
