import { Module } from '@nestjs/common';
import { DocumentAnalyzer } from '../analysis/document-analyzer.js';
import { CitingLookup } from './citing-lookup.js';
import { ClassificationService } from './classification.service.js';
import { DocumentLifecycleService } from './document-lifecycle.service.js';
import { DocumentHandlers } from './document.handlers.js';
import { DocumentRepository } from './document.repository.js';
import { DocumentService } from './document.service.js';
import { ExpiryScheduler } from './expiry.scheduler.js';

@Module({
  controllers: [DocumentHandlers],
  providers: [
    CitingLookup,
    DocumentService,
    DocumentRepository,
    DocumentAnalyzer,
    DocumentLifecycleService,
    ClassificationService,
    ExpiryScheduler,
  ],
  exports: [DocumentRepository, DocumentAnalyzer, DocumentService, CitingLookup],
})
export class DocumentModule {}
