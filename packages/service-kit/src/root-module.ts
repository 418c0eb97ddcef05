import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { RpcContract, ServiceHealth } from '@govdisc/contracts';
import type { z } from 'zod';
import { BusModule } from './bus.module.js';
import { DatabaseModule, type DatabaseConfig } from './database.module.js';
import { rpcHealthController } from './rpc-health.js';
import { ServiceKitModule } from './service-kit.module.js';

export interface ServiceRootConfig extends DatabaseConfig {
  LOG_LEVEL: string;
  LOG_PRETTY: boolean;
  NATS_URL: string;
  NATS_SUBJECT_PREFIX: string;
}

export interface ServiceRootOptions {
  name: string;
  config: ServiceRootConfig;
  /** The app's Prisma service class (see prismaServiceFor). */
  prisma: Type<unknown>;
  /** Whether the app publishes events (runs the outbox relay). */
  outbox: boolean;
  health: RpcContract<z.ZodType, typeof ServiceHealth>;
  features: Array<Type<unknown> | DynamicModule>;
}

@Module({})
class ServiceRootModule {}

/** The root module every database-owning service shares: kit, bus, database, health RPC, then its features. */
export function serviceRootModule(opts: ServiceRootOptions): DynamicModule {
  const { config } = opts;
  return {
    module: ServiceRootModule,
    imports: [
      ServiceKitModule.forRoot({ service: opts.name, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }),
      BusModule.forRoot({ url: config.NATS_URL, prefix: config.NATS_SUBJECT_PREFIX, name: opts.name }),
      DatabaseModule.forRoot({ config, prisma: opts.prisma, outbox: opts.outbox }),
      ...opts.features,
    ],
    controllers: [rpcHealthController(opts.name, opts.health)],
  };
}
