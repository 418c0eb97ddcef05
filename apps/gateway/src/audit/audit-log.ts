import { Injectable, Logger } from '@nestjs/common';
import { ALL_STAFF, type Actor, hasAnyRole } from '@govdisc/contracts';
import { pageView, redactUrl } from '@govdisc/service-kit';
import { AuditRepository } from './audit.repository.js';

/** What the audit log keeps of one finished request. */
export interface AuditedRequest {
  actor: Actor;
  routeKey: string;
  method: string;
  url: string;
  status: number;
  requestId: string;
  ip: string;
  userAgent: string | undefined;
}

/** The append-only record of staff writes: who, what, when, from where, with which result. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(private readonly entries: AuditRepository) {}

  /** Whether a finished request belongs in the log: writes by staff (rows that write: POST, PUT, PATCH, DELETE). */
  static covers(actor: Actor | null): actor is Actor {
    return !!actor && hasAnyRole(actor, ALL_STAFF);
  }

  /** Written after the answer went out, never delaying it; a failure is logged (an operator must act). */
  record(req: AuditedRequest): void {
    setImmediate(() => {
      this.entries
        .append({
          actorSub: req.actor.sub,
          actorRoles: req.actor.roles,
          department: req.actor.department ?? null,
          method: req.method,
          path: redactUrl(req.url).slice(0, 500),
          routeKey: req.routeKey,
          status: req.status,
          requestId: req.requestId,
          ip: req.ip,
          userAgent: req.userAgent?.slice(0, 300) ?? null,
        })
        .catch((error: unknown) => this.logger.error({ err: error, routeKey: req.routeKey }, 'audit entry could not be written'));
    });
  }

  async list(query: { page: number; pageSize: number; actorSub?: string }) {
    return pageView(await this.entries.list(query), query, (e) => ({ ...e, id: e.id.toString(), at: e.at.toISOString() }));
  }
}
