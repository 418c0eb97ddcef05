import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';

export interface DeliveryRow {
  id: string;
  channel: 'email' | 'sms' | 'wechat';
  eventId: string;
  eventType: string;
  address: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

export interface ChannelCounts {
  channel: string;
  sent: number;
  failed: number;
  retrying: number;
  pending: number;
  lagSeconds: number;
}

/** Email and SMS/WeChat deliveries as one log (both tables have the same life cycle). */
const LOG = `
  SELECT id, 'email' AS channel, event_id, event_type, address, subject, status, attempts, last_error, 'smtp' AS provider, created_at, next_attempt_at, sent_at FROM email_delivery
  UNION ALL
  SELECT id, channel, event_id, event_type, address, title, status, attempts, last_error, provider, created_at, next_attempt_at, sent_at FROM channel_delivery`;

const COUNTS = (table: string, channel: string) => `
  SELECT ${channel} AS channel,
         count(*) FILTER (WHERE status = 'SENT')::int AS sent,
         count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
         count(*) FILTER (WHERE status = 'PENDING' AND attempts > 0)::int AS retrying,
         count(*) FILTER (WHERE status = 'PENDING' AND attempts = 0)::int AS pending,
         coalesce(extract(epoch FROM now() - min(next_attempt_at) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now())), 0)::float8 AS "lagSeconds"
    FROM ${table}`;

/** The only place that reads the delivery tables for the admins' log and the channel metrics. */
@Injectable()
export class DeliveryLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(q: { page: number; pageSize: number; channel?: string; status?: string; eventId?: string }) {
    const where = `WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR event_id = $3::uuid)`;
    const args = [q.channel ?? null, q.status ?? null, q.eventId ?? null];
    const [items, [count]] = await Promise.all([
      this.prisma.$queryRawUnsafe<DeliveryRow[]>(
        `SELECT id, channel, event_id AS "eventId", event_type AS "eventType", address, subject, status, attempts, last_error AS "lastError",
                provider, created_at AS "createdAt", next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt"
           FROM (${LOG}) d ${where} ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
        ...args,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ),
      this.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM (${LOG}) d ${where}`, ...args),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  /**
   * Per channel: sent, failed, retrying, pending and the lag of the oldest due delivery. The inbox has no
   * attempts: its "sent" are the notices stored, its "pending" the policy fan-outs not finished, its lag the oldest one's age.
   */
  channelCounts(): Promise<ChannelCounts[]> {
    return this.prisma.$queryRawUnsafe<ChannelCounts[]>(
      `${COUNTS('email_delivery', "'email'")}
       UNION ALL ${COUNTS("channel_delivery WHERE channel = 'sms'", "'sms'")}
       UNION ALL ${COUNTS("channel_delivery WHERE channel = 'wechat'", "'wechat'")}
       UNION ALL
       SELECT 'webhook',
              count(*) FILTER (WHERE status = 'SUCCEEDED')::int, count(*) FILTER (WHERE status = 'DEAD')::int,
              count(*) FILTER (WHERE status = 'PENDING' AND attempts > 0)::int, count(*) FILTER (WHERE status = 'PENDING' AND attempts = 0)::int,
              coalesce(extract(epoch FROM now() - min(next_attempt_at) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now())), 0)::float8
         FROM webhook_delivery
       UNION ALL
       SELECT 'inbox', (SELECT count(*)::int FROM notification), 0, 0, count(*)::int,
              coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
         FROM policy_fanout WHERE status <> 'DONE'`,
    );
  }
}
