import { Module } from '@nestjs/common';
import { MatterHandlers } from './matter.handlers.js';
import { MatterImportService } from './matter-import.service.js';
import { MatterRepository } from './matter.repository.js';
import { MatterSearchService } from './matter-search.service.js';
import { MatterService } from './matter.service.js';

@Module({
  controllers: [MatterHandlers],
  providers: [MatterRepository, MatterService, MatterSearchService, MatterImportService],
  exports: [MatterRepository],
})
export class MatterModule {}
