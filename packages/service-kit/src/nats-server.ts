import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import type { Subscription } from '@nats-io/transport-node';
import { inFlight } from './in-flight.js';

/** Marker payload for a request whose body was not JSON; the RPC handler answers it with MALFORMED_MESSAGE. */
export const UNPARSEABLE = Object.freeze({ __unparseable: true });

interface NatsMsgLike {
  subject: string;
  reply?: string;
  json(): unknown;
}

/**
 * Nest's default deserializer throws on a non-JSON body (the caller then waits for a timeout) and
 * treats a plain NATS request without Nest's packet shape as a fire-and-forget event. This one
 * answers both: every request with a reply subject gets a reply.
 */
export class TolerantNatsDeserializer {
  deserialize(msg: NatsMsgLike, options?: { channel: string; replyTo?: string }) {
    let value: unknown;
    try {
      value = msg.json();
    } catch {
      value = UNPARSEABLE;
    }
    const packet = value as { pattern?: unknown; data?: unknown; id?: unknown } | null;
    const isNestPacket = !!packet && typeof packet === 'object' && (packet.pattern !== undefined || packet.data !== undefined);
    if (isNestPacket) return packet;
    return { pattern: options?.channel, data: value, id: msg.reply ? `external:${msg.reply}` : undefined };
  }
}

/** ServerNats that can stop taking requests first and close only when in-flight work is done. */
export class DrainingNatsServer extends ServerNats {
  constructor(options: Required<NatsOptions>['options']) {
    super({ ...options, deserializer: new TolerantNatsDeserializer() as never });
  }

  async drain(timeoutMs: number): Promise<boolean> {
    // Nest keeps its subscriptions private; unsubscribing them is the documented "stop intake" step.
    const subs = (this as unknown as { subscriptions: Subscription[] }).subscriptions ?? [];
    subs.forEach((sub) => sub.unsubscribe());
    return inFlight.idle(timeoutMs);
  }
}
