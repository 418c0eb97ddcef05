import { type MiddlewareConsumer, Module, type DynamicModule, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BusModule, ServiceKitModule } from '@govdisc/service-kit';
import { GATEWAY_CONFIG, SERVICE_NAME, type AppConfig } from './config/env.js';
import { CorrelationMiddleware } from './http/correlation.middleware.js';
import { GatewayErrorFilter } from './http/error.filter.js';
import { DisclosureController } from './routes/disclosure.controller.js';
import { GuideController } from './routes/guide.controller.js';
import { PlatformHealthController } from './routes/health.controller.js';
import { NotificationController } from './routes/notification.controller.js';
import { PolicyController } from './routes/policy.controller.js';
import { QaController } from './routes/qa.controller.js';
import { RpcClient } from './rpc/rpc-client.service.js';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }),
        BusModule.forRoot({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: SERVICE_NAME }),
      ],
      controllers: [
        PlatformHealthController,
        PolicyController,
        QaController,
        GuideController,
        DisclosureController,
        NotificationController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: GatewayErrorFilter },
        RpcClient,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
