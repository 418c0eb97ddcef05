import { isDependencyUnavailable } from './dependency-errors.js';

// Shapes seen from @prisma/adapter-pg while a private PostgreSQL restarted (pg_ctl restart -m fast).
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error('Raw query failed.'), { code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

test('a database restarting, unreachable or cutting connections is "unavailable"', () => {
  expect(isDependencyUnavailable(adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01' }))).toBe(true);
  expect(isDependencyUnavailable(adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe(true);
  expect(isDependencyUnavailable(Object.assign(new Error('pool'), { code: 'P2024' }))).toBe(true);
  expect(isDependencyUnavailable(Object.assign(new Error('Unable to start a transaction in the given time'), { code: 'P2028' }))).toBe(
    true,
  );
  expect(isDependencyUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true);
  expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  // OpenSearch's client while the cluster is away.
  expect(isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), { name: 'ConnectionError' }))).toBe(true);
});

test('errors of the request or the code are not', () => {
  expect(isDependencyUnavailable(adapterError({ kind: 'postgres', code: '23505', originalCode: '23505' }))).toBe(false);
  expect(isDependencyUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
  expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
  expect(isDependencyUnavailable(null)).toBe(false);
});

// node-postgres' own errors have no code, and @prisma/adapter-pg passes them on as they are (a plain Error with Prisma's
// clientVersion added): seen as a 500 when PostgreSQL restarted between two statements of an interactive transaction.
test('node-postgres\' uncoded errors for a lost or closed connection are "unavailable" too', () => {
  const uncoded = (message: string) => Object.assign(new Error(message), { clientVersion: '6.19.3' });
  expect(isDependencyUnavailable(uncoded('Client has encountered a connection error and is not queryable'))).toBe(true);
  expect(isDependencyUnavailable(uncoded('Client was closed and is not queryable'))).toBe(true);
  expect(isDependencyUnavailable(uncoded('Connection terminated due to connection timeout'))).toBe(true);
  expect(isDependencyUnavailable(uncoded('timeout exceeded when trying to connect'))).toBe(true);
  // Other uncoded errors of the driver are bugs, not outages.
  expect(isDependencyUnavailable(uncoded('Received unexpected dataRow message from backend.'))).toBe(false);
  expect(isDependencyUnavailable(uncoded('Release called on client which has already been released to the pool.'))).toBe(false);
});

test('the S3 object store refusing connections or answering a server fault is "unavailable"; a client fault is not', () => {
  const sdkError = (name: string, fault: 'client' | 'server', httpStatusCode: number) =>
    Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode, attempts: 3 } });
  expect(
    isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4569'), { code: 'ECONNREFUSED', $metadata: {} })),
  ).toBe(true);
  expect(isDependencyUnavailable(sdkError('ServiceUnavailable', 'server', 503))).toBe(true);
  expect(isDependencyUnavailable(sdkError('InternalError', 'server', 500))).toBe(true);
  expect(isDependencyUnavailable(sdkError('AccessDenied', 'client', 403))).toBe(false);
  expect(isDependencyUnavailable(sdkError('NoSuchBucket', 'client', 404))).toBe(false);
});
