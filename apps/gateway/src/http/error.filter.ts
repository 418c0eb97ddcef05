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
    const reply = http.getResponse<FastifyReply>();
    // Fastify closes the connection after a body it refused (too large, not JSON), so a client still
    // sending gets EPIPE instead of the answer. Node reads and drops the rest of an unread body once
    // the answer is out, as it did behind Express, so the connection may stay.
    if (reply.getHeader('connection') === 'close') reply.removeHeader('connection');
    sendError(reply, exception, { id: req.id, method: req.method, url: req.url }, this.logger);
  }
}
