import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { BulkSql } from '../infra/bulk-sql.service.js';
import { ImportAnalysis } from './import-analysis.js';
import { ImportJobRepository } from './import-job.repository.js';
import { ImportTurns } from './import-turns.js';
import { ImportWriter } from './import-writer.repository.js';
import { ImportHandlers } from './import.handlers.js';
import { ImportService } from './import.service.js';

@Module({
  imports: [DocumentModule],
  controllers: [ImportHandlers],
  providers: [ImportService, ImportJobRepository, ImportWriter, ImportAnalysis, ImportTurns, BulkSql],
})
export class ImportModule {}
