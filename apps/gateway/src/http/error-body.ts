import { HttpException, type Logger } from '@nestjs/common';
import { DomainError, type ErrorBody, ErrorCode, errorMessages } from '@govdisc/contracts';
import { isDependencyUnavailable, redactUrl } from '@govdisc/service-kit';
import type { FastifyReply } from 'fastify';
import { httpStatusOf } from './status.js';

/** The request as an error answer needs it. */
export interface FailedRequest {
  id: string;
  method: string;
  url: string;
}

/**
 * Every error leaves the gateway as `{ code, message, details?, requestId }` with its status from one
 * table (status.ts): the route pipeline and the Nest exception filter (unknown routes, bodies that do
 * not parse or are too large, the issuer's and ops endpoints) both answer through here.
 */
export function sendError(reply: FastifyReply, exception: unknown, req: FailedRequest, logger: Logger): void {
  const body = errorBodyOf(exception, req, logger);
  if (body.code === ErrorCode.IDEMPOTENCY_IN_PROGRESS) reply.header('Retry-After', '1');
  reply
    .code(httpStatusOf(body.code))
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ ...body, requestId: req.id ?? null }));
}

export function errorBodyOf(exception: unknown, req: FailedRequest, logger: Logger): ErrorBody {
  if (exception instanceof DomainError) return exception.toBody();
  if (exception instanceof HttpException) return fromHttpException(exception, req);
  if (isDependencyUnavailable(exception)) {
    // The gateway's own database (idempotency keys, audit) is restarting or failing over: retryable, not a bug.
    logger.warn({ err: exception, requestId: req.id, method: req.method, url: redactUrl(req.url) }, 'database unavailable');
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: errorMessages.SERVICE_UNAVAILABLE.zh };
  }
  // The exception's text stays in the log, found by the request id the client got; never in the response.
  logger.error({ err: exception, requestId: req.id, method: req.method, url: redactUrl(req.url) }, 'unexpected error');
  return { code: ErrorCode.INTERNAL_ERROR, message: errorMessages.INTERNAL_ERROR.zh };
}

/** Errors raised by Nest/Fastify before our code runs: unknown route, bad JSON, body too large. */
function fromHttpException(exception: HttpException, req: FailedRequest): ErrorBody {
  const status = exception.getStatus();
  const code =
    status === 404
      ? ErrorCode.ROUTE_NOT_FOUND
      : status === 413
        ? ErrorCode.PAYLOAD_TOO_LARGE
        : status === 429
          ? ErrorCode.RATE_LIMITED
          : status >= 500
            ? ErrorCode.INTERNAL_ERROR
            : ErrorCode.VALIDATION_FAILED;
  const hint = status === 400 ? { details: { reason: 'request body is not valid JSON' } } : {};
  return { code, message: code === ErrorCode.ROUTE_NOT_FOUND ? routeNotFoundMessage(req) : errorMessages[code].zh, ...hint };
}

export function routeNotFoundMessage(req: { method: string; url: string }): string {
  return `${errorMessages.ROUTE_NOT_FOUND.zh}（${req.method} ${req.url.split('?')[0]}）`;
}
