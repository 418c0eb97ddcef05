import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
  type Type,
} from '@nestjs/common';
import { OUTBOX_DB, OutboxRelayHost } from './events.js';
import { ReadinessRegistry, registerDatabaseReadiness } from './health.js';
import { SqlReads, prismaAdapter, schemaPool } from './prisma.js';

/** The app's frozen configuration, provided globally under this token. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface DatabaseConfig {
  DATABASE_URL: string;
  DB_SCHEMA: string;
}

interface PrismaLike {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
}
type PrismaClientClass = abstract new (...args: never[]) => PrismaLike;

/**
 * Turns an app's generated PrismaClient into an injectable service bound to the app's schema.
 * It disconnects on application shutdown, i.e. after consumers and the outbox relay stopped.
 */
export function prismaServiceFor<C extends PrismaClientClass>(Client: C) {
  const Base = Client as unknown as new (options: { adapter: unknown }) => PrismaLike;
  @Injectable()
  class PrismaService extends Base implements OnModuleInit, OnApplicationShutdown {
    /** Hot reads without Prisma's query compiler, on the same pool (SqlReads). */
    readonly sql: SqlReads;

    constructor(@Inject(APP_CONFIG) config: DatabaseConfig, readiness: ReadinessRegistry) {
      const pool = schemaPool(config.DATABASE_URL, config.DB_SCHEMA);
      super({ adapter: prismaAdapter(pool, config.DB_SCHEMA) });
      this.sql = new SqlReads(pool, config.DB_SCHEMA);
      registerDatabaseReadiness(readiness, this);
    }

    async onModuleInit() {
      await this.$connect();
    }

    async onApplicationShutdown() {
      await this.$disconnect();
    }
  }
  return PrismaService as unknown as new (
    config: DatabaseConfig,
    readiness: ReadinessRegistry,
  ) => InstanceType<C> & { readonly sql: SqlReads };
}

/** Global providers of a database-owning app: its config, its Prisma service and (if it publishes events) the outbox relay. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(opts: { config: DatabaseConfig; prisma: Type<unknown>; outbox: boolean }): DynamicModule {
    const providers: Provider[] = [{ provide: APP_CONFIG, useValue: opts.config }, opts.prisma];
    if (opts.outbox) providers.push({ provide: OUTBOX_DB, useExisting: opts.prisma }, OutboxRelayHost);
    return {
      module: DatabaseModule,
      providers,
      exports: providers.map((p) => (typeof p === 'function' ? p : (p as { provide: symbol }).provide)),
    };
  }
}
