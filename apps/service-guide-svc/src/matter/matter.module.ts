import { Module } from '@nestjs/common';
import { MatterHandlers } from './matter.handlers.js';
import { MatterRepository } from './matter.repository.js';

@Module({ controllers: [MatterHandlers], providers: [MatterRepository] })
export class MatterModule {}
