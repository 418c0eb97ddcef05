import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { type AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { startTracing, stopTracing, type TracingOptions } from '@govdisc/telemetry';
import { ReadinessRegistry } from './health.js';
import { NatsRpcServer } from './rpc-server.js';
import { migrate } from './migrate.js';
import { metricsRegistry } from './metrics.js';
import { tracingOf } from './config.js';

export interface BootstrapOptions<App extends INestApplication = INestApplication> {
  name: string;
  module: Type<unknown> | DynamicModule;
  http: { host: string; port: number };
  /** Serve RPC on core NATS with a queue group named after the app, so replicas share requests. */
  rpc?: { natsUrl: string };
  drainTimeoutMs: number;
  /** OpenTelemetry export (tracingOf(config)); without an endpoint tracing stays off. */
  tracing?: Omit<TracingOptions, 'serviceName'>;
  /**
   * The HTTP server under Nest (default: Express, via @nestjs/platform-express). The gateway passes
   * a FastifyAdapter; it then parses bodies itself (`bodyParser: false`).
   */
  httpAdapter?: AbstractHttpAdapter;
  /** Extra setup before listening (gateway: swagger, body limits, the route table). */
  configure?: (app: App) => void | Promise<void>;
}

/**
 * Starts one app: HTTP (health, readiness, metrics, API) plus the NATS RPC transport, and installs
 * graceful shutdown: readiness goes down, RPC intake stops, in-flight work finishes, then the app
 * closes (consumers stop, outbox relay stops, database and NATS connections drain).
 */
export async function bootstrapService<App extends INestApplication = INestApplication>(opts: BootstrapOptions<App>): Promise<App> {
  // Before any client is built: the database adapter and the NATS clients trace only when it is on.
  startTracing({ serviceName: opts.name, ...opts.tracing });
  // Every sample says which app it came from, whatever the scrape configuration adds.
  metricsRegistry.setDefaultLabels({ service: opts.name });
  const app = opts.httpAdapter
    ? await NestFactory.create<App>(opts.module, opts.httpAdapter, { bufferLogs: true, bodyParser: false })
    : await NestFactory.create<App>(opts.module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = new NestLogger('Bootstrap');
  await opts.configure?.(app);

  let rpcServer: NatsRpcServer | undefined;
  if (opts.rpc) {
    rpcServer = new NatsRpcServer({ app, natsUrl: opts.rpc.natsUrl, queue: opts.name, name: `${opts.name}-rpc` });
    app.connectMicroservice({ strategy: rpcServer }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(opts.http.port, opts.http.host);
  logger.log(`${opts.name} listening on http://${opts.http.host}:${opts.http.port}`);

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      logger.log(`${signal} received: draining`);
      app.get(ReadinessRegistry).markShuttingDown();
      const idle = rpcServer ? await rpcServer.drain(opts.drainTimeoutMs) : true;
      if (!idle) logger.warn('in-flight RPC work did not finish before the drain timeout');
      await app.close();
      await stopTracing(); // the last spans leave before the process does
      logger.log('stopped cleanly');
    })()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error(error, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
}

/** Runs a main function; configuration errors print plainly (no stack) and exit 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const err = error as Error;
    process.stderr.write(`${err.name === 'ConfigError' ? err.message : (err.stack ?? String(err))}\n`);
    process.exit(1);
  });
}

interface ServiceConfig {
  HTTP_HOST: string;
  HTTP_PORT: number;
  NATS_URL: string;
  RPC_DRAIN_TIMEOUT_MS: number;
  DATABASE_URL: string;
  DB_SCHEMA: string;
  DB_SKIP_MIGRATIONS: boolean;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_TRACES_SAMPLER_ARG: number;
  OTEL_BSP_SCHEDULE_DELAY: number;
}

export interface ServiceMain<C extends ServiceConfig> {
  name: string;
  loadConfig: () => C;
  module: (config: C) => DynamicModule;
  /** Where the committed migrations live; applied to DB_SCHEMA on start unless DB_SKIP_MIGRATIONS. */
  migrationsDir: string;
}

/** The whole main.ts of a database-owning service: config, migrations under a lock, then bootstrap. */
export function runService<C extends ServiceConfig>(def: ServiceMain<C>): void {
  runMain(async () => {
    const config = def.loadConfig();
    if (!config.DB_SKIP_MIGRATIONS) {
      await migrate({ databaseUrl: config.DATABASE_URL, schema: config.DB_SCHEMA, migrationsDir: def.migrationsDir });
    }
    await bootstrapService({
      name: def.name,
      module: def.module(config),
      http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
      rpc: { natsUrl: config.NATS_URL },
      drainTimeoutMs: config.RPC_DRAIN_TIMEOUT_MS,
      tracing: tracingOf(config),
    });
  });
}
