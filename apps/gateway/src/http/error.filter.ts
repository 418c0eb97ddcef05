import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type ErrorBody, ErrorCode, errorMessages } from '@govdisc/contracts';
import { redactUrl } from '@govdisc/service-kit';
import type { Request, Response } from 'express';
import { httpStatusOf } from './status.js';

/** Every error leaves the gateway as `{ code, message, details?, requestId }` with a status from one table. */
@Catch()
export class GatewayErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception, req);
    res.status(httpStatusOf(body.code)).json({ ...body, requestId: req.id ?? null });
  }

  private toBody(exception: unknown, req: Request & { id?: string }): ErrorBody {
    if (exception instanceof DomainError) return exception.toBody();
    if (exception instanceof HttpException) return fromHttpException(exception, req);
    // The exception's text stays in the log, found by the request id the client got; never in the response.
    this.logger.error({ err: exception, requestId: req.id, method: req.method, url: redactUrl(req.originalUrl) }, 'unexpected error');
    return { code: ErrorCode.INTERNAL_ERROR, message: errorMessages.INTERNAL_ERROR.zh };
  }
}

/** Errors raised by Nest/Express before our code runs: unknown route, bad JSON, body too large. */
function fromHttpException(exception: HttpException, req: Request): ErrorBody {
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
  const message = code === ErrorCode.ROUTE_NOT_FOUND ? `${errorMessages[code].zh}（${req.method} ${req.originalUrl.split('?')[0]}）` : errorMessages[code].zh;
  return { code, message, ...hint };
}
