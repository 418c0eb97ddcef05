import { type MiddlewareConsumer, Module, type DynamicModule, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { BusModule, DatabaseModule, ServiceKitModule } from '@govdisc/service-kit';
import { AuditController } from './audit/audit.controller.js';
import { AuditInterceptor } from './audit/audit.interceptor.js';
import { AuditRepository } from './audit/audit.repository.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { PrismaService } from './infra/prisma.service.js';
import { AuthModule } from './auth/auth.module.js';
import { GATEWAY_CONFIG, SERVICE_NAME, type AppConfig } from './config/env.js';
import { CorrelationMiddleware } from './http/correlation.middleware.js';
import { GatewayErrorFilter } from './http/error.filter.js';
import { DisclosureController } from './routes/disclosure.controller.js';
import { GuideController } from './routes/guide.controller.js';
import { PlatformHealthController } from './routes/health.controller.js';
import { NotificationController } from './routes/notification.controller.js';
import { PolicyController } from './routes/policy.controller.js';
import { QaController } from './routes/qa.controller.js';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // /metrics is not served on the public port; main.ts opens METRICS_PORT for it.
        ServiceKitModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY, publicMetrics: false }),
        BusModule.forRoot({
          url: config.NATS_URL,
          prefix: config.NATS_SUBJECT_PREFIX,
          name: SERVICE_NAME,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        DatabaseModule.forRoot({ config, prisma: PrismaService, outbox: false }),
        AuthModule.forRoot(config),
      ],
      controllers: [
        PlatformHealthController,
        PolicyController,
        QaController,
        GuideController,
        DisclosureController,
        NotificationController,
        AuditController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: GatewayErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        AuditRepository,
        IdempotencyRepository,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
