import type { DynamicModule } from '@nestjs/common';
import { disclosureHealth } from '@govdisc/contracts';
import { serviceRootModule } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { RequestModule } from './request/request.module.js';
import { PrismaService } from './infra/prisma.service.js';

export const AppModule = {
  forRoot: (config: AppConfig): DynamicModule =>
    serviceRootModule({
      name: SERVICE_NAME,
      config,
      prisma: PrismaService,
      outbox: true,
      health: disclosureHealth,
      features: [CalendarModule, RequestModule],
    }),
};
