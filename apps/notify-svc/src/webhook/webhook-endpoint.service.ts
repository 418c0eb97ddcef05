import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, Role, hasAnyRole, isDisclosureDepartment } from '@govdisc/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { newWebhookSecret } from './webhook-signature.js';
import { WEBHOOK_CLOCK, type WebhookClock } from './webhook.settings.js';
import { type EndpointRow, WebhookRepository } from './webhook.repository.js';

const HOUR_MS = 3_600_000;

/** An absolute http(s) URL, or NOTIFY_WEBHOOK_URL_INVALID (400). */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_URL_INVALID, undefined, { url: raw.slice(0, 200) });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_URL_INVALID, undefined, { url: raw.slice(0, 200), protocol: url.protocol });
  }
  return url.toString();
}

/**
 * Endpoint management. Admins manage every department's endpoints; anyone else (a department's
 * officers, and its own system through a client-credentials token) only their `department` claim's,
 * and another department's endpoint answers like an unknown id.
 */
@Injectable()
export class WebhookEndpointService {
  constructor(
    private readonly repo: WebhookRepository,
    @Inject(WEBHOOK_CLOCK) private readonly clock: WebhookClock,
  ) {}

  async create(actor: Actor, q: { department?: string; url: string; description: string; eventTypes: string[]; enabled: boolean }) {
    const department = this.departmentFor(actor, q.department);
    const url = checkWebhookUrl(q.url);
    const secret = newWebhookSecret();
    const row = await this.repo.createEndpoint({
      department,
      url,
      description: q.description,
      eventTypes: [...new Set(q.eventTypes)],
      enabled: q.enabled,
      secret,
      createdBy: actor.sub,
    });
    return { row, secret };
  }

  list(actor: Actor, q: { department?: string; page: number; pageSize: number }) {
    const department = isAdmin(actor) ? q.department : this.departmentFor(actor, q.department);
    return this.repo.pageEndpoints({ ...q, department });
  }

  async get(actor: Actor, id: string): Promise<EndpointRow> {
    const row = await this.repo.findEndpoint(id);
    if (!row || !(isAdmin(actor) || row.department === actor.department)) {
      throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND, undefined, { endpointId: id });
    }
    return row;
  }

  async update(actor: Actor, q: { endpointId: string; url?: string; description?: string; eventTypes?: string[]; enabled?: boolean }) {
    const row = await this.get(actor, q.endpointId);
    const data: Prisma.WebhookEndpointUpdateInput = {
      ...(q.url !== undefined ? { url: checkWebhookUrl(q.url) } : {}),
      ...(q.description !== undefined ? { description: q.description } : {}),
      ...(q.eventTypes !== undefined ? { eventTypes: [...new Set(q.eventTypes)] } : {}),
      ...(q.enabled === true && !row.enabled ? { enabled: true, disabledReason: null, failingSince: null } : {}),
      ...(q.enabled === false ? { enabled: false, disabledReason: row.enabled ? '已手动停用' : row.disabledReason } : {}),
    };
    return this.repo.updateEndpoint(row.id, data);
  }

  async remove(actor: Actor, id: string) {
    await this.repo.deleteEndpoint((await this.get(actor, id)).id);
    return { id, deleted: true as const };
  }

  /** A new current secret; the old one keeps signing too (a second signature) for `previousValidForHours`. */
  async rotate(actor: Actor, q: { endpointId: string; previousValidForHours: number }) {
    const row = await this.get(actor, q.endpointId);
    const secret = newWebhookSecret();
    const until = new Date(this.clock.now().getTime() + q.previousValidForHours * HOUR_MS);
    const updated = await this.repo.updateEndpoint(row.id, {
      secret,
      previousSecret: q.previousValidForHours > 0 ? row.secret : null,
      previousSecretExpiresAt: q.previousValidForHours > 0 ? until : null,
    });
    return { row: updated, secret };
  }

  async deliveries(actor: Actor, q: { endpointId: string; status?: string; page: number; pageSize: number }) {
    await this.get(actor, q.endpointId);
    return this.repo.pageDeliveries(q);
  }

  async replay(actor: Actor, q: { endpointId: string; deliveryId: string }) {
    await this.get(actor, q.endpointId);
    const delivery = await this.repo.findDelivery(q.deliveryId, q.endpointId);
    if (!delivery) throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_DELIVERY_NOT_FOUND, undefined, { deliveryId: q.deliveryId });
    const replayed = await this.repo.replay(delivery.id, this.clock.now());
    if (!replayed) throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_REPLAY_NOT_DEAD, undefined, { status: delivery.status });
    return replayed;
  }

  async health(actor: Actor, id: string) {
    const row = await this.get(actor, id);
    return { row, counts: await this.repo.countsByStatus(row.id) };
  }

  /** The department an endpoint is for: an admin names it; anyone else gets (and may only name) their own. */
  private departmentFor(actor: Actor, requested: string | undefined): string {
    if (isAdmin(actor)) {
      if (!requested) throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED);
      if (!isDisclosureDepartment(requested))
        throw new DomainError(ErrorCode.DISCLOSURE_DEPARTMENT_UNKNOWN, undefined, { department: requested });
      return requested;
    }
    const own = actor.department;
    if (!own || (requested !== undefined && requested !== own)) {
      throw new DomainError(ErrorCode.NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN, undefined, { department: requested ?? null });
    }
    return own;
  }
}

const isAdmin = (actor: Actor) => hasAnyRole(actor, [Role.Admin]);
