import type { DynamicModule } from '@nestjs/common';
import { policyHealth } from '@govdisc/contracts';
import { serviceRootModule } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { DocumentModule } from './document/document.module.js';
import { ImportModule } from './import/import.module.js';
import { RelatedModule } from './related/related.module.js';
import { SearchModule } from './search/search.module.js';
import { PrismaService } from './infra/prisma.service.js';

export const AppModule = {
  forRoot: (config: AppConfig): DynamicModule =>
    serviceRootModule({
      name: SERVICE_NAME,
      config,
      prisma: PrismaService,
      outbox: true,
      health: policyHealth,
      features: [DocumentModule, SearchModule, RelatedModule, ImportModule],
    }),
};
