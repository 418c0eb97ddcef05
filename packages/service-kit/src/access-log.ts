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
export function logRequest(logger: Logger, r: FinishedRequest): void {
  const failed = r.statusCode >= 500;
  if (!(failed ? logger.isLevelEnabled('error') : logger.isLevelEnabled('info'))) return;
  if (UNLOGGED_PATHS.includes(r.url ?? '')) return;
  const line = {
    correlationId: r.id,
    req: { method: r.method, url: redactUrl(r.url) },
    res: { statusCode: r.statusCode },
    responseTime: Math.round(r.ms),
  };
  if (failed) logger.error(line, 'request errored');
  else logger.info(line, 'request completed');
}
