import { Module } from '@nestjs/common';
import { InboxHandlers } from '../inbox/inbox.handlers.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { InboxService } from '../inbox/inbox.service.js';
import { DisclosureEventsConsumer } from './disclosure-events.consumer.js';
import { NoticeService } from './notice.service.js';
import { PolicyPublishedConsumer } from './policy-published.consumer.js';
import { QaNeedsUpdateConsumer } from './qa-needs-update.consumer.js';

@Module({
  controllers: [InboxHandlers],
  providers: [InboxService, InboxRepository, NoticeService, PolicyPublishedConsumer, QaNeedsUpdateConsumer, DisclosureEventsConsumer],
})
export class NotificationModule {}
