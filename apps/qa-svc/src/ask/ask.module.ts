import { Module } from '@nestjs/common';
import { AskHandlers } from './ask.handlers.js';
import { AskStatsRepository } from './ask-stats.repository.js';
import { AskStatsService } from './ask-stats.service.js';
import { AskService } from './ask.service.js';
import { PolicyFallback } from './policy-fallback.js';
import { PolicyDocuments } from '../pair/policy-documents.js';
import { QaIndexService } from './qa-index.service.js';
import { QaSearchPart } from './qa-search-part.js';
import { RelatedLookup } from './related-lookup.js';
import { RelatedPrefetch } from './related-prefetch.js';
import { UnansweredRepository } from './unanswered.repository.js';
import { UnansweredService } from './unanswered.service.js';

@Module({
  controllers: [AskHandlers],
  providers: [
    AskService,
    AskStatsRepository,
    AskStatsService,
    QaIndexService,
    QaSearchPart,
    UnansweredRepository,
    UnansweredService,
    PolicyFallback,
    PolicyDocuments,
    RelatedLookup,
    RelatedPrefetch,
  ],
})
export class AskModule {}
