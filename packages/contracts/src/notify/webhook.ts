import { z } from 'zod';
import { IsoDateTime, Page, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { Role } from '../roles.js';
import { DEPARTMENT_EVENT_TYPES } from './department-events.js';

/**
 * Who manages webhook endpoints: admins (any department) and a department's own officers and
 * systems (client-credentials tokens with the dept-officer role), for their `department` claim only.
 */
export const WEBHOOK_MANAGERS = [Role.DeptOfficer, Role.Admin] as const satisfies readonly Role[];

const EventTypes = z
  .array(z.enum(DEPARTMENT_EVENT_TYPES, '请从部门可订阅的事件类型中选择。'))
  .max(DEPARTMENT_EVENT_TYPES.length)
  .describe('event types to receive; empty = all department events');
/** Checked by notify-svc (http/https only, absolute) so a bad URL answers NOTIFY_WEBHOOK_URL_INVALID. */
const Url = z.string('请提供接收地址（http 或 https URL）。').max(2_000);
const Description = z.string().max(500);
const Department = z.string().min(1).max(100);

export const WebhookEndpointView = z.object({
  id: Uuid,
  department: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  /** Until when the previous secret still signs (during a rotation); null otherwise. */
  previousSecretExpiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointView>;

/** Returned on create and rotate only: the signing secret (`whsec_…`) is shown once. */
export const WebhookEndpointWithSecret = WebhookEndpointView.extend({ secret: z.string().startsWith('whsec_') });

export const createWebhookEndpoint = defineRpc('rpc.notify.webhook.create', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject({
    department: Department.optional().describe("required for admins; a department's own caller may omit it"),
    url: Url,
    description: Description.default(''),
    eventTypes: EventTypes.default([]),
    enabled: z.boolean().default(true),
  }),
  response: WebhookEndpointWithSecret,
});

export const listWebhookEndpoints = defineRpc('rpc.notify.webhook.list', {
  access: WEBHOOK_MANAGERS,
  request: Page.extend({ department: Department.optional() }).strict(),
  response: pageOf(WebhookEndpointView),
});

const EndpointRef = { endpointId: z.uuid('请提供有效的接收端编号。') };

export const getWebhookEndpoint = defineRpc('rpc.notify.webhook.get', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject(EndpointRef),
  response: WebhookEndpointView,
});

export const updateWebhookEndpoint = defineRpc('rpc.notify.webhook.update', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject({
    ...EndpointRef,
    url: Url.optional(),
    description: Description.optional(),
    eventTypes: EventTypes.optional(),
    enabled: z.boolean().optional().describe('true re-enables a disabled endpoint (its failure run starts afresh)'),
  }),
  response: WebhookEndpointView,
});

export const deleteWebhookEndpoint = defineRpc('rpc.notify.webhook.delete', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject(EndpointRef),
  response: z.object({ id: Uuid, deleted: z.literal(true) }),
});

export const rotateWebhookSecret = defineRpc('rpc.notify.webhook.rotate-secret', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject({
    ...EndpointRef,
    previousValidForHours: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 7)
      .default(24)
      .describe('how long the old secret keeps signing alongside the new one'),
  }),
  response: WebhookEndpointWithSecret,
});

export const WebhookDeliveryStatus = z.enum(['PENDING', 'SUCCEEDED', 'DEAD']);
export const WebhookDeliveryView = z.object({
  id: Uuid,
  eventId: Uuid,
  eventType: z.string(),
  requestNumber: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  nextAttemptAt: IsoDateTime.nullable(),
  deliveredAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});

export const listWebhookDeliveries = defineRpc('rpc.notify.webhook.deliveries', {
  access: WEBHOOK_MANAGERS,
  request: Page.extend({ ...EndpointRef, status: WebhookDeliveryStatus.optional() }).strict(),
  response: pageOf(WebhookDeliveryView),
});

export const replayWebhookDelivery = defineRpc('rpc.notify.webhook.replay', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject({ ...EndpointRef, deliveryId: z.uuid('请提供有效的投递编号。') }),
  response: WebhookDeliveryView,
});

export const webhookEndpointHealth = defineRpc('rpc.notify.webhook.health', {
  access: WEBHOOK_MANAGERS,
  request: z.strictObject(EndpointRef),
  response: z.object({
    endpointId: Uuid,
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    failingSince: IsoDateTime.nullable(),
    lastSuccessAt: IsoDateTime.nullable(),
    pending: z.number().int().nonnegative(),
    dead: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
  }),
});
