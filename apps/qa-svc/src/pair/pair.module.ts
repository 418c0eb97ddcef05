import { Module } from '@nestjs/common';
import { TopicHandlers } from '../topic/topic.handlers.js';
import { TopicRepository } from '../topic/topic.repository.js';
import { TopicService } from '../topic/topic.service.js';
import { CitationBackfill } from './citation-backfill.service.js';
import { CitationVerifier } from './citation-verifier.js';
import { ClauseSearch } from './clause-search.js';
import { ExtractHandlers } from './extract.handlers.js';
import { ImportPairsUseCase } from './import-pairs.usecase.js';
import { PairHandlers } from './pair.handlers.js';
import { PolicyDocuments } from './policy-documents.js';
import { PairRepository } from './pair.repository.js';
import { PairService } from './pair.service.js';

@Module({
  controllers: [PairHandlers, TopicHandlers, ExtractHandlers],
  providers: [
    PairService,
    PairRepository,
    CitationVerifier,
    ClauseSearch,
    CitationBackfill,
    PolicyDocuments,
    ImportPairsUseCase,
    TopicRepository,
    TopicService,
  ],
  exports: [PairService, PairRepository],
})
export class PairModule {}
