import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BusModule, DatabaseModule, ServiceKitModule } from '@govdisc/service-kit';
import { AuditLog } from './audit/audit-log.js';
import { AuditRepository } from './audit/audit.repository.js';
import { Idempotency } from './idempotency/idempotency.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { PrismaService } from './infra/prisma.service.js';
import { AuthModule } from './auth/auth.module.js';
import { SERVICE_NAME, type AppConfig } from './config/env.js';
import { GatewayErrorFilter } from './http/error.filter.js';
import { userDirectoryProvider } from './identity/user-directory.provider.js';

/**
 * Nest gives the gateway its dependency injection and lifecycle; the public routes are the route
 * table's rows, registered on the HTTP server by configureGateway (http/setup.ts), not controllers.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // /metrics is not served on the public port (main.ts opens METRICS_PORT for it); the access
        // log is written from the HTTP server's response hook (http/setup.ts).
        ServiceKitModule.forRoot({
          service: SERVICE_NAME,
          level: config.LOG_LEVEL,
          pretty: config.LOG_PRETTY,
          publicMetrics: false,
          accessLog: false,
        }),
        BusModule.forRoot({
          url: config.NATS_URL,
          prefix: config.NATS_SUBJECT_PREFIX,
          name: SERVICE_NAME,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        DatabaseModule.forRoot({ config, prisma: PrismaService, outbox: false }),
        AuthModule.forRoot(config),
      ],
      providers: [
        { provide: APP_FILTER, useClass: GatewayErrorFilter },
        AuditRepository,
        AuditLog,
        IdempotencyRepository,
        Idempotency,
        userDirectoryProvider(config),
      ],
    };
  }
}
