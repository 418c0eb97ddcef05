import { Module } from '@nestjs/common';
import { FeedbackHandlers } from '../feedback/feedback.handlers.js';
import { FeedbackRepository } from '../feedback/feedback.repository.js';
import { PolicyDocumentChangedConsumer } from '../policy-events/policy-document-changed.consumer.js';
import { StalenessService } from '../policy-events/staleness.service.js';
import { TopicHandlers } from '../topic/topic.handlers.js';
import { TopicRepository } from '../topic/topic.repository.js';
import { CitationVerifier } from './citation-verifier.js';
import { ExtractHandlers } from './extract.handlers.js';
import { ImportPairsUseCase } from './import-pairs.usecase.js';
import { PairHandlers } from './pair.handlers.js';
import { PolicyDocuments } from './policy-documents.js';
import { PairRepository } from './pair.repository.js';
import { PairService } from './pair.service.js';

@Module({
  controllers: [PairHandlers, TopicHandlers, FeedbackHandlers, ExtractHandlers],
  providers: [
    PairService,
    PairRepository,
    CitationVerifier,
    PolicyDocuments,
    ImportPairsUseCase,
    TopicRepository,
    FeedbackRepository,
    StalenessService,
    PolicyDocumentChangedConsumer,
  ],
})
export class PairModule {}
