import { Module } from '@nestjs/common';
import { SiteHandlers } from './site.handlers.js';
import { SiteRepository } from './site.repository.js';
import { SiteService } from './site.service.js';

@Module({ controllers: [SiteHandlers], providers: [SiteRepository, SiteService] })
export class SiteModule {}
