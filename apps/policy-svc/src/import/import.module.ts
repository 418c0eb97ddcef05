import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { ImportJobRepository } from './import-job.repository.js';
import { ImportHandlers } from './import.handlers.js';
import { ImportService } from './import.service.js';

@Module({
  imports: [DocumentModule],
  controllers: [ImportHandlers],
  providers: [ImportService, ImportJobRepository],
})
export class ImportModule {}
