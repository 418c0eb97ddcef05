import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

/** The app's real module graph, initialised in-process (lifecycle hooks run: relays, consumers). */
export async function startMediumApp(module: DynamicModule): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}
