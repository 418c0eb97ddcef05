import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { runService } from '@govdisc/service-kit';
import { AppModule } from './app.module.js';
import { SERVICE_NAME, loadAppConfig } from './config/env.js';

runService({
  name: SERVICE_NAME,
  loadConfig: loadAppConfig,
  module: (config) => AppModule.forRoot(config),
  migrations: {
    dir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    schema: (c) => c.DB_SCHEMA,
    url: (c) => c.DATABASE_URL,
    skip: (c) => c.DB_SKIP_MIGRATIONS,
  },
});
