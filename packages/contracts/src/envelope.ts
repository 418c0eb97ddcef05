import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Every event on the bus has this shape; `id` doubles as Nats-Msg-Id and consumers' dedup key. */
export const Envelope = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  time: z.iso.datetime({ offset: true }),
  source: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().optional(),
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof Envelope>, 'payload'> & { payload: P };

/** Who caused a message: the producing app plus the request it served. */
export interface MessageContext {
  source: string;
  correlationId: string;
  causationId?: string;
}

export function newEnvelope<P>(type: string, version: number, payload: P, ctx: MessageContext): Envelope<P> {
  return {
    id: randomUUID(),
    type,
    version,
    time: new Date().toISOString(),
    source: ctx.source,
    correlationId: ctx.correlationId,
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    payload,
  };
}
