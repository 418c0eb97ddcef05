import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { redactUrl } from './redact-url.js';

/** Ops endpoints polled every few seconds: not worth a log line each. */
export const UNLOGGED_PATHS = ['/health', '/ready', '/metrics'];

/**
 * One JSON line per finished HTTP request — the same line pino-http wrote ("request completed",
 * method, url, status, response time, request id) without building a child logger for every request,
 * which was a tenth of the gateway's CPU per call. The URL is logged redacted.
 */
export function accessLogMiddleware(logger: Logger) {
  return (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void => {
    if (UNLOGGED_PATHS.includes(req.url ?? '')) return next();
    const started = performance.now();
    res.once('finish', () => {
      logRequest(logger, { id: req.id, method: req.method, url: req.url, statusCode: res.statusCode, ms: performance.now() - started });
    });
    next();
  };
}

const accessLoggers = new WeakMap<Logger, Logger>();

/**
 * The access log's logger: the root one without its redaction paths. Its line holds nothing but the
 * method, the already redacted URL, the status and the time, and pino's wildcard redaction (`*.token`,
 * …) cost about as much as writing the line itself (measured: 80 vs 40 µs per line under load).
 */
function accessLoggerOf(root: Logger): Logger {
  let logger = accessLoggers.get(root);
  if (!logger) accessLoggers.set(root, (logger = root.child({}, { redact: [] })));
  return logger;
}

/** A finished request, as the access log needs it. */
export interface FinishedRequest {
  id: string | undefined;
  method: string | undefined;
  url: string | undefined;
  statusCode: number;
  /** time to answer, in milliseconds */
  ms: number;
}

/**
 * Writes the access-log line of one request (ops paths excepted). Nothing is built when the level
 * would drop the line; the URL is logged redacted: tracking codes, tokens and personal numbers never
 * reach the log (redact-url.ts).
 */
export function logRequest(root: Logger, r: FinishedRequest): void {
  const failed = r.statusCode >= 500;
  if (!(failed ? root.isLevelEnabled('error') : root.isLevelEnabled('info'))) return;
  if (UNLOGGED_PATHS.includes(r.url ?? '')) return;
  const logger = accessLoggerOf(root);
  const line = {
    correlationId: r.id,
    req: { method: r.method, url: redactUrl(r.url) },
    res: { statusCode: r.statusCode },
    responseTime: Math.round(r.ms),
  };
  if (failed) logger.error(line, 'request errored');
  else logger.info(line, 'request completed');
}
