import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService, migrate, runMain, startMetricsListener, tracingOf } from '@govdisc/service-kit';
import { AppModule } from './app.module.js';
import { SERVICE_NAME, loadAppConfig } from './config/env.js';
import { configureGateway, gatewayHttpAdapter } from './http/setup.js';

runMain(async () => {
  const config = loadAppConfig();
  if (!config.DB_SKIP_MIGRATIONS) {
    const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
    await migrate({ databaseUrl: config.DATABASE_URL, schema: config.DB_SCHEMA, migrationsDir });
  }
  await bootstrapService<NestFastifyApplication>({
    name: SERVICE_NAME,
    module: AppModule.forRoot(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    httpAdapter: gatewayHttpAdapter(config),
    drainTimeoutMs: config.RPC_DRAIN_TIMEOUT_MS,
    tracing: tracingOf(config),
    configure: (app) => configureGateway(app, config),
  });
  if (config.METRICS_PORT) {
    const metrics = await startMetricsListener({ host: config.METRICS_HOST, port: config.METRICS_PORT });
    new Logger('Bootstrap').log(`metrics (internal) on ${metrics.url}`);
  }
});
