import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-body.js';

/** Errors outside the route table's pipeline (unknown routes, body parsing, ops and issuer endpoints) get the same body. */
@Catch()
export class GatewayErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    sendError(http.getResponse<FastifyReply>(), exception, { id: req.id, method: req.method, url: req.url }, this.logger);
  }
}
