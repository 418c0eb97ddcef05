import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { SearchModule } from '../search/search.module.js';
import { RelatedHandlers } from './related.handlers.js';
import { RelatedService } from './related.service.js';

@Module({
  imports: [DocumentModule, SearchModule],
  controllers: [RelatedHandlers],
  providers: [RelatedService],
})
export class RelatedModule {}
