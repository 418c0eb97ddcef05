import type { DynamicModule } from '@nestjs/common';
import { qaHealth } from '@govdisc/contracts';
import { serviceRootModule } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { AskModule } from './ask/ask.module.js';
import { FeedbackModule } from './feedback/feedback.module.js';
import { PairModule } from './pair/pair.module.js';
import { PolicyEventsModule } from './policy-events/policy-events.module.js';
import { PrismaService } from './infra/prisma.service.js';

export const AppModule = {
  forRoot: (config: AppConfig): DynamicModule =>
    serviceRootModule({
      name: SERVICE_NAME,
      config,
      prisma: PrismaService,
      outbox: true,
      health: qaHealth,
      features: [PairModule, FeedbackModule, PolicyEventsModule, AskModule],
    }),
};
