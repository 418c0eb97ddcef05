import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module.js';
import { BestBetHandlers } from './best-bet.handlers.js';
import { BestBetRepository } from './best-bet.repository.js';
import { BestBetService } from './best-bet.service.js';
import { PinTableService } from './pin-table.service.js';
import { PinnedItemsService } from './pinned-items.service.js';

@Module({
  imports: [DocumentModule],
  controllers: [BestBetHandlers],
  providers: [BestBetRepository, BestBetService, PinTableService, PinnedItemsService],
  exports: [PinnedItemsService],
})
export class BestBetModule {}
