import type { DynamicModule } from '@nestjs/common';
import { guideHealth } from '@govdisc/contracts';
import { serviceRootModule } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { BundleModule } from './bundle/bundle.module.js';
import { MatterModule } from './matter/matter.module.js';
import { SearchModule } from './search/search.module.js';
import { SiteModule } from './site/site.module.js';
import { PolicyEventsModule } from './policy-events/policy-events.module.js';
import { PrismaService } from './infra/prisma.service.js';

export const AppModule = {
  forRoot: (config: AppConfig): DynamicModule =>
    serviceRootModule({
      name: SERVICE_NAME,
      config,
      prisma: PrismaService,
      outbox: true,
      health: guideHealth,
      features: [MatterModule, BundleModule, SiteModule, PolicyEventsModule, SearchModule],
    }),
};
