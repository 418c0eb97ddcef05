import { Module } from '@nestjs/common';
import { PairHandlers } from './pair.handlers.js';
import { PairRepository } from './pair.repository.js';

@Module({ controllers: [PairHandlers], providers: [PairRepository] })
export class PairModule {}
