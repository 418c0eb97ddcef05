import { Module } from '@nestjs/common';
import { MatterHandlers } from './matter.handlers.js';
import { MatterRepository } from './matter.repository.js';
import { MatterSearchService } from './matter-search.service.js';
import { MatterService } from './matter.service.js';

@Module({ controllers: [MatterHandlers], providers: [MatterRepository, MatterService, MatterSearchService] })
export class MatterModule {}
