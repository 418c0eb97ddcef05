import { isDatabaseUnavailable } from './database-errors.js';

// Shapes seen from @prisma/adapter-pg while a private PostgreSQL restarted (pg_ctl restart -m fast).
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error('Raw query failed.'), { code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

test('a database restarting, unreachable or cutting connections is "unavailable"', () => {
  expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01' }))).toBe(true);
  expect(isDatabaseUnavailable(adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('pool'), { code: 'P2024' }))).toBe(true);
  expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true);
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
});

test('errors of the request or the code are not', () => {
  expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '23505', originalCode: '23505' }))).toBe(false);
  expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  expect(isDatabaseUnavailable(null)).toBe(false);
});
