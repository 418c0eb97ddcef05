import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// The CLI runs with the JS/WASM schema engine (its native engine is a download these machines
// cannot make); only `prisma generate` and `prisma migrate diff` are used. Migrations are applied
// by @govdisc/service-kit's runner.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:5432/postgres' }),
});
