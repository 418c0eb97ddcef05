import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { SearchModule } from '../search/search.module.js';
import { DetailHandlers } from './detail.handlers.js';
import { RelatedHandlers } from './related.handlers.js';
import { RelatedAhead } from './related-ahead.js';
import { RelatedCandidates } from './related-candidates.js';
import { RelatedRows } from './related-rows.js';
import { RelatedService } from './related.service.js';

@Module({
  imports: [DocumentModule, SearchModule],
  controllers: [RelatedHandlers, DetailHandlers],
  providers: [RelatedService, RelatedRows, RelatedCandidates, RelatedAhead],
})
export class RelatedModule {}
