import { Module } from '@nestjs/common';
import { MatterModule } from '../matter/matter.module.js';
import { PolicyDocumentChangedConsumer } from './policy-document-changed.consumer.js';
import { StalenessService } from './staleness.service.js';

/** Policy-svc's document events flag the matters whose legal basis cites a changed document; depends on matters, never the reverse. */
@Module({
  imports: [MatterModule],
  providers: [StalenessService, PolicyDocumentChangedConsumer],
})
export class PolicyEventsModule {}
