/**
 * Prisma's codes for a database it cannot reach, a connection it lost, a pool it waited too long for, or a
 * transaction that could not start or finish in its time (P2028: overload; the transaction was rolled back).
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Driver adapter error kinds (@prisma/adapter-pg) of the same meaning. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** PostgreSQL: connection exceptions (class 08), shutdown or restart (57P01–57P03), too many connections (53300). */
const SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/**
 * Texts of errors that carry no code. node-postgres raises plain Errors for a connection it lost: "Connection terminated
 * (unexpectedly | due to connection timeout)", and for the next statement sent on a pooled connection that died between
 * two statements of a transaction, "Client has encountered a connection error and is not queryable" (or "Client was
 * closed and is not queryable"); @prisma/adapter-pg passes them on unconverted (they have no SQLSTATE), so nothing but
 * the text says what they are. The last one escaped as a 500 when PostgreSQL restarted under an interactive transaction.
 */
const MESSAGE =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|\bE(CONNREFUSED|CONNRESET|PIPE)\b/i;
/** @opensearch-project/opensearch's errors for a cluster it cannot reach or that did not answer in time. */
const CLIENT_ERRORS = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError']);

/**
 * True when ERROR says a server the app depends on (PostgreSQL, OpenSearch, the S3 object store) is away — restarting, failing over,
 * unreachable — rather than that the request is wrong: callers answer 503 SERVICE_UNAVAILABLE, which clients retry,
 * instead of 500. A database transaction cut by it rolled back, so nothing was half-written.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { name, code, originalCode, kind, message, cause, meta } = e as Record<string, unknown>;
    if (typeof name === 'string' && CLIENT_ERRORS.has(name)) return true;
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof originalCode === 'string' && SQLSTATE.test(originalCode)) return true;
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === 'string' && MESSAGE.test(message)) return true;
    if (isServerFaultOfS3(e as Record<string, unknown>)) return true;
    queue.push(cause, (meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return false;
}

/**
 * The AWS SDK's error for an S3-compatible server (the attachment store) that answered 500/502/503/504 after the
 * SDK's own retries: `$fault: 'server'` with the status in `$metadata`. A refused or lost connection arrives as the
 * socket error (ECONNREFUSED, ECONNRESET) and a slow one as TimeoutError, both matched above.
 */
function isServerFaultOfS3(e: Record<string, unknown>): boolean {
  const status = (e.$metadata as { httpStatusCode?: unknown } | undefined)?.httpStatusCode;
  return e.$fault === 'server' && typeof status === 'number' && [500, 502, 503, 504].includes(status);
}
