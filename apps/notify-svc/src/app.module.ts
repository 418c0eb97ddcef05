import type { DynamicModule } from '@nestjs/common';
import { notifyHealth } from '@govdisc/contracts';
import { serviceRootModule } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { NotificationModule } from './notification/notification.module.js';
import { PrismaService } from './infra/prisma.service.js';

export const AppModule = {
  forRoot: (config: AppConfig): DynamicModule =>
    serviceRootModule({
      name: SERVICE_NAME,
      config,
      prisma: PrismaService,
      outbox: true,
      health: notifyHealth,
      features: [NotificationModule.forRoot(config)],
    }),
};
