import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { runService } from '@govdisc/service-kit';
import { AppModule } from './app.module.js';
import { SERVICE_NAME, loadAppConfig } from './config/env.js';

const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
runService({ name: SERVICE_NAME, loadConfig: loadAppConfig, module: AppModule.forRoot, migrationsDir });
