import { Module } from '@nestjs/common';
import { MatterModule } from '../matter/matter.module.js';
import { BundleHandlers } from './bundle.handlers.js';
import { BundleRepository } from './bundle.repository.js';
import { BundleService } from './bundle.service.js';

@Module({ imports: [MatterModule], controllers: [BundleHandlers], providers: [BundleRepository, BundleService] })
export class BundleModule {}
