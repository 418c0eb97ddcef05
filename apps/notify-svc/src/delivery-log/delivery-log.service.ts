import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type DeliveryLogEntry, maskPersonalNumbers } from '@govdisc/contracts';
import { metricsRegistry } from '@govdisc/service-kit';
import { Gauge } from 'prom-client';
import { type ChannelCounts, type DeliveryRow, DeliveryLogRepository } from './delivery-log.repository.js';

/** zhangsan@example.com → zh***@example.com; 13800138000 → 138****8000; an OpenID keeps its ends. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
  if (/^1\d{10}$/.test(address)) return `${address.slice(0, 3)}****${address.slice(7)}`;
  return address.length > 8 ? `${address.slice(0, 4)}…${address.slice(-4)}` : '***';
}

const toEntry = (r: DeliveryRow): DeliveryLogEntry => ({
  id: r.id,
  channel: r.channel,
  eventId: r.eventId,
  eventType: r.eventType,
  to: maskAddress(r.address),
  subject: r.subject,
  status: r.status as DeliveryLogEntry['status'],
  attempts: r.attempts,
  lastError: r.lastError ? maskPersonalNumbers(r.lastError) : null,
  provider: r.provider,
  createdAt: r.createdAt.toISOString(),
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
});

const FIELDS = ['sent', 'failed', 'retrying', 'pending'] as const;

/**
 * The admins' view of deliveries: the log per message and the per-channel numbers, as an RPC and as
 * Prometheus gauges (`govdisc_notify_deliveries{channel,state}`, `govdisc_notify_delivery_lag_seconds{channel}`)
 * read from the database at each scrape, so every replica reports the same truth.
 */
@Injectable()
export class DeliveryLogService implements OnModuleInit, OnModuleDestroy {
  private gauges: Gauge[] = [];

  constructor(private readonly log: DeliveryLogRepository) {}

  async page(q: { page: number; pageSize: number; channel?: string; status?: string; eventId?: string }) {
    const { items, total } = await this.log.page(q);
    return { items: items.map(toEntry), total };
  }

  async metrics() {
    const channels = (await this.log.channelCounts()).map((c) => ({ ...c, channel: c.channel as 'email' }));
    return { channels, at: new Date().toISOString() };
  }

  onModuleInit() {
    const log = this.log;
    let latest: Promise<ChannelCounts[]> | null = null;
    // One query per scrape for both gauges.
    const counts = () => (latest ??= log.channelCounts().finally(() => setTimeout(() => (latest = null), 1_000)));
    this.gauges = [
      new Gauge({
        name: 'govdisc_notify_deliveries',
        help: 'Deliveries per channel and state (sent, failed, retrying, pending)',
        labelNames: ['channel', 'state'],
        registers: [metricsRegistry],
        async collect() {
          for (const c of await counts()) for (const f of FIELDS) this.set({ channel: c.channel, state: f }, c[f]);
        },
      }),
      new Gauge({
        name: 'govdisc_notify_delivery_lag_seconds',
        help: 'Age of the oldest delivery that is due and not yet sent, per channel (inbox: the oldest unfinished policy fan-out)',
        labelNames: ['channel'],
        registers: [metricsRegistry],
        async collect() {
          for (const c of await counts()) this.set({ channel: c.channel }, c.lagSeconds);
        },
      }),
    ];
  }

  onModuleDestroy() {
    // A restarted module in the same process (tests) registers them again.
    for (const name of ['govdisc_notify_deliveries', 'govdisc_notify_delivery_lag_seconds']) metricsRegistry.removeSingleMetric(name);
    this.gauges = [];
  }
}
