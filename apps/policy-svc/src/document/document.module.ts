import { Module } from '@nestjs/common';
import { DocumentHandlers } from './document.handlers.js';
import { DocumentRepository } from './document.repository.js';
import { DocumentService } from './document.service.js';

@Module({
  controllers: [DocumentHandlers],
  providers: [DocumentService, DocumentRepository],
})
export class DocumentModule {}
