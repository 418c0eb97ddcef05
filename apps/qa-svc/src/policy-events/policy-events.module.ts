import { Module } from '@nestjs/common';
import { PairModule } from '../pair/pair.module.js';
import { PolicyDocumentChangedConsumer } from './policy-document-changed.consumer.js';
import { StalenessService } from './staleness.service.js';

/** Policy-svc's document events mark the pairs citing a changed document stale; depends on pairs, never the reverse. */
@Module({
  imports: [PairModule],
  providers: [StalenessService, PolicyDocumentChangedConsumer],
})
export class PolicyEventsModule {}
