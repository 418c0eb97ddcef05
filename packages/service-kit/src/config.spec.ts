import { z } from 'zod';
import { ConfigError, baseServiceEnv, databaseEnv, loadConfig } from './config.js';

const schema = baseServiceEnv.extend(databaseEnv.shape).extend({ HTTP_PORT: z.coerce.number().int().default(3000) });

test('defaults fill in and the result is frozen', () => {
  const config = loadConfig('svc', schema, { DATABASE_URL: 'postgresql://x@h/db' });
  expect(config).toMatchObject({ HTTP_PORT: 3000, NATS_URL: 'nats://127.0.0.1:4222', DB_SKIP_MIGRATIONS: false });
  expect(Object.isFrozen(config)).toBe(true);
});

test('a missing or wrong variable stops start-up with its name', () => {
  expect(() => loadConfig('svc', schema, {})).toThrow(/DATABASE_URL/);
  expect(() => loadConfig('svc', schema, { DATABASE_URL: 'mysql://x', HTTP_PORT: 'abc' })).toThrow(ConfigError);
  try {
    loadConfig('svc', schema, { DATABASE_URL: 'postgresql://x@h/db', NATS_URL: 'http://nope', HTTP_PORT: 'abc' });
  } catch (error) {
    expect((error as ConfigError).message).toMatch(/NATS_URL/);
    expect((error as ConfigError).message).toMatch(/HTTP_PORT/);
  }
});
