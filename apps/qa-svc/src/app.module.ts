import { Module, type DynamicModule } from '@nestjs/common';
import { qaHealth } from '@govdisc/contracts';
import { BusModule, DatabaseModule, ServiceKitModule, healthRpcController } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { PairModule } from './pair/pair.module.js';
import { PrismaService } from './infra/prisma.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }),
        BusModule.forRoot({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: SERVICE_NAME }),
        DatabaseModule.forRoot({ config, prisma: PrismaService, outbox: false }),
        PairModule,
      ],
      controllers: [healthRpcController(SERVICE_NAME, qaHealth)],
    };
  }
}
