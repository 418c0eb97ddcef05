import { Module } from '@nestjs/common';
import { MatterHandlers } from './matter.handlers.js';
import { MatterRepository } from './matter.repository.js';
import { MatterSearchService } from './matter-search.service.js';

@Module({ controllers: [MatterHandlers], providers: [MatterRepository, MatterSearchService] })
export class MatterModule {}
