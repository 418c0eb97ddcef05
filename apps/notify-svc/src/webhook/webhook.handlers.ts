import { Controller } from '@nestjs/common';
import {
  type Actor,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  webhookEndpointHealth,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import type { DeliveryRow, EndpointRow } from './webhook.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Never includes the secrets: they are shown once, on create and rotate. */
const endpointView = (e: EndpointRow) => ({
  id: e.id,
  department: e.department,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  previousSecretExpiresAt: e.previousSecret ? iso(e.previousSecretExpiresAt) : null,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  requestNumber: d.requestNumber,
  status: d.status as 'PENDING' | 'SUCCEEDED' | 'DEAD',
  attempts: d.attempts,
  lastError: d.lastError,
  lastStatusCode: d.lastStatusCode,
  nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
});

/** Role-gated RPCs: @RpcHandler has refused callers without the roles (and anonymous ones) before these run. */
const caller = (meta: RpcMeta): Actor => meta.actor!;
type In<C extends { request: z.ZodType }> = z.output<C['request']>;

@Controller()
export class WebhookHandlers {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @RpcHandler(createWebhookEndpoint)
  async create(req: In<typeof createWebhookEndpoint>, meta: RpcMeta) {
    const { row, secret } = await this.endpoints.create(caller(meta), req);
    return { ...endpointView(row), secret };
  }

  @RpcHandler(listWebhookEndpoints)
  async list(req: In<typeof listWebhookEndpoints>, meta: RpcMeta) {
    return pageView(await this.endpoints.list(caller(meta), req), req, endpointView);
  }

  @RpcHandler(getWebhookEndpoint)
  async get(req: In<typeof getWebhookEndpoint>, meta: RpcMeta) {
    return endpointView(await this.endpoints.get(caller(meta), req.endpointId));
  }

  @RpcHandler(updateWebhookEndpoint)
  async update(req: In<typeof updateWebhookEndpoint>, meta: RpcMeta) {
    return endpointView(await this.endpoints.update(caller(meta), req));
  }

  @RpcHandler(deleteWebhookEndpoint)
  remove(req: In<typeof deleteWebhookEndpoint>, meta: RpcMeta) {
    return this.endpoints.remove(caller(meta), req.endpointId);
  }

  @RpcHandler(rotateWebhookSecret)
  async rotate(req: In<typeof rotateWebhookSecret>, meta: RpcMeta) {
    const { row, secret } = await this.endpoints.rotate(caller(meta), req);
    return { ...endpointView(row), secret };
  }

  @RpcHandler(listWebhookDeliveries)
  async deliveries(req: In<typeof listWebhookDeliveries>, meta: RpcMeta) {
    return pageView(await this.endpoints.deliveries(caller(meta), req), req, deliveryView);
  }

  @RpcHandler(replayWebhookDelivery)
  async replay(req: In<typeof replayWebhookDelivery>, meta: RpcMeta) {
    return deliveryView(await this.endpoints.replay(caller(meta), req));
  }

  @RpcHandler(webhookEndpointHealth)
  async health(req: In<typeof webhookEndpointHealth>, meta: RpcMeta) {
    const { row, counts } = await this.endpoints.health(caller(meta), req.endpointId);
    return {
      endpointId: row.id,
      enabled: row.enabled,
      disabledReason: row.disabledReason,
      failingSince: iso(row.failingSince),
      lastSuccessAt: iso(row.lastSuccessAt),
      pending: counts.PENDING ?? 0,
      dead: counts.DEAD ?? 0,
      succeeded: counts.SUCCEEDED ?? 0,
    };
  }
}
