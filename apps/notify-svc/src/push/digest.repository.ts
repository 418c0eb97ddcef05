import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';

export const DIGEST_EVENT_TYPE = 'notify.digest.daily';

/**
 * The daily digests due now, in one statement: for each person whose digest hour (Asia/Shanghai) has come today,
 * the pushes that arrived before it and are not digested yet become one message per channel. The message's
 * event id is derived from (person, day), so a day has one digest however often this runs; what arrives after
 * the hour waits for tomorrow's. Marking the items and inserting the messages commit together.
 */
const DIGEST_SQL = `
WITH due AS (
  SELECT p.*, (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(hours => p.digest_hour)) AT TIME ZONE 'Asia/Shanghai' AS cutoff
    FROM notification_preference p WHERE p.digest_hour IS NOT NULL AND NOT p.opted_out
),
ready AS (
  SELECT due.*, md5('digest:' || due.subscriber_sub || ':' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))::uuid AS event_id,
         quiet_until(due.quiet_start, due.quiet_end, now()) AS send_at
    FROM due
   WHERE due.cutoff <= now()
     AND EXISTS (SELECT 1 FROM digest_item d WHERE d.subscriber_sub = due.subscriber_sub AND d.digested_at IS NULL AND d.created_at < due.cutoff)
   LIMIT $1
),
items AS (
  UPDATE digest_item d SET digested_at = now() FROM ready r
   WHERE d.subscriber_sub = r.subscriber_sub AND d.digested_at IS NULL AND d.created_at < r.cutoff
  RETURNING d.subscriber_sub, d.line, d.created_at
),
texts AS (
  SELECT r.*, '政策推送每日汇总（' || t.n || ' 条）' AS title,
         '您订阅的政策有以下更新：' || E'\\n' || t.lines || E'\\n' || '请登录本平台查看全文。' AS body
    FROM ready r
    JOIN (SELECT subscriber_sub, count(*)::int AS n, string_agg('· ' || line, E'\\n' ORDER BY created_at) AS lines FROM items GROUP BY 1) t
      USING (subscriber_sub)
),
inbox AS (
  INSERT INTO notification (id, event_id, event_type, recipient_sub, recipient_key, title, body)
  SELECT gen_random_uuid(), event_id, '${DIGEST_EVENT_TYPE}', subscriber_sub, 'user:' || subscriber_sub, title, body FROM texts WHERE inbox
  ON CONFLICT DO NOTHING RETURNING 1
),
email AS (
  INSERT INTO email_delivery (id, event_id, event_type, address, subject, body, message_id, next_attempt_at)
  SELECT gen_random_uuid(), event_id, '${DIGEST_EVENT_TYPE}', email_address, title, '您好：' || E'\\n\\n' || body || E'\\n\\n' || $3,
         '<' || event_id || '.' || left(encode(sha256(convert_to(email_address, 'UTF8')), 'hex'), 16) || '@' || $4 || '>', send_at
    FROM texts WHERE $2::boolean AND email AND email_address IS NOT NULL
  ON CONFLICT DO NOTHING RETURNING 1
),
channel AS (
  INSERT INTO channel_delivery (id, event_id, event_type, recipient_sub, channel, address, title, body, next_attempt_at)
  SELECT gen_random_uuid(), t.event_id, '${DIGEST_EVENT_TYPE}', t.subscriber_sub, c.channel, c.address, t.title, t.body, t.send_at
    FROM texts t CROSS JOIN LATERAL (VALUES ('sms', t.phone, t.sms), ('wechat', t.wechat_open_id, t.wechat)) AS c(channel, address, wanted)
   WHERE c.wanted AND c.address IS NOT NULL
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT (SELECT count(*) FROM texts)::int AS digests, (SELECT count(*) FROM inbox)::int AS inbox,
       (SELECT count(*) FROM email)::int AS email, (SELECT count(*) FROM channel)::int AS channel`;

/** The only place that queries the digest items. */
@Injectable()
export class DigestRepository {
  constructor(private readonly prisma: PrismaService) {}

  async sendDue(q: { limit: number; withEmail: boolean; emailFooter: string; messageIdHost: string }) {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ digests: number; inbox: number; email: number; channel: number }>>(
      DIGEST_SQL,
      q.limit,
      q.withEmail,
      q.emailFooter,
      q.messageIdHost,
    );
    return row!;
  }
}
