import { Injectable, type NestMiddleware } from '@nestjs/common';
import { CORRELATION_HEADER, runWithCorrelation } from '@govdisc/service-kit';
import type { NextFunction, Request, Response } from 'express';

/** Makes the request id (set by pino-http from X-Request-Id or fresh) current for logs and RPC headers. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request & { id?: string }, res: Response, next: NextFunction) {
    if (req.id) res.setHeader(CORRELATION_HEADER, req.id);
    runWithCorrelation(req.id, next);
  }
}
