import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALL_STAFF, type Actor, hasAnyRole } from '@govdisc/contracts';
import { redactUrl } from '@govdisc/service-kit';
import type { Request, Response } from 'express';
import { type Observable, finalize } from 'rxjs';
import { ACCESS_KEY } from '../auth/access.decorator.js';
import { AuditRepository } from './audit.repository.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Records every write by staff (who, what, when, from where, with which result) in the append-only audit log. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor | null; id?: string }>();
    const actor = req.actor;
    if (!WRITE_METHODS.has(req.method) || !actor || !hasAnyRole(actor, ALL_STAFF)) return next.handle();
    const routeKey = this.reflector.get<string>(ACCESS_KEY, context.getHandler()) ?? 'unknown';
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      finalize(() => {
        // After the error filter has set the status, so failures are recorded with their real code.
        setImmediate(() => {
          this.audit
            .append({
              actorSub: actor.sub,
              actorRoles: actor.roles,
              department: actor.department ?? null,
              method: req.method,
              path: redactUrl(req.originalUrl).slice(0, 500),
              routeKey,
              status: res.statusCode,
              requestId: req.id ?? 'none',
              ip: req.ip ?? 'unknown',
              userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
            })
            .catch((error: unknown) => this.logger.error({ err: error, routeKey }, 'audit entry could not be written'));
        });
      }),
    );
  }
}
