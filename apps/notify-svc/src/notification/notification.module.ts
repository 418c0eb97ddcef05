import { Module } from '@nestjs/common';
import { NotificationHandlers } from './notification.handlers.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { PolicyPublishedConsumer } from './policy-published.consumer.js';
import { QaNeedsUpdateConsumer } from './qa-needs-update.consumer.js';

@Module({
  controllers: [NotificationHandlers],
  providers: [NotificationService, NotificationRepository, PolicyPublishedConsumer, QaNeedsUpdateConsumer],
})
export class NotificationModule {}
