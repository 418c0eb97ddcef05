import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type PolicyChange = 'PUBLISHED' | 'AMENDED' | 'REPEALED';
export type Tx = Prisma.TransactionClient;

export interface NewFanout {
  eventId: string;
  eventType: string;
  documentId: string;
  version: number;
  change: PolicyChange;
  title: string;
  body: string;
  agency: string | null;
  region: string | null;
  topicCodes: string[];
  terms: string[];
}

export interface BatchResult {
  eventId: string | null;
  matched: number;
  inbox: number;
  email: number;
  channel: number;
  digest: number;
  done: boolean;
}

/**
 * One batch of one fan-out in one statement: lock the oldest unfinished job (SKIP LOCKED: replicas take
 * different jobs), take the next `limit` matching subscribers after the job's cursor, insert their inbox
 * notices, queued emails, SMS/WeChat deliveries or digest items set-based, and advance the cursor. All of
 * it commits or none: a crash mid-batch redoes the batch, and the unique keys (event, recipient[, channel])
 * make a redone insert a no-op, so every subscriber is told exactly once per channel.
 */
const BATCH_SQL = `
WITH job AS (
  SELECT * FROM policy_fanout WHERE status <> 'DONE' ORDER BY created_at, event_id LIMIT 1 FOR UPDATE SKIP LOCKED
),
matched AS (
  SELECT s.subscriber_sub AS sub FROM subscription s, job j
   WHERE s.kind = 'topic' AND s.value = ANY (j.topic_codes) AND s.subscriber_sub > j.cursor
  UNION SELECT s.subscriber_sub FROM subscription s, job j
   WHERE s.kind = 'agency' AND s.value = j.agency AND s.subscriber_sub > j.cursor
  UNION SELECT s.subscriber_sub FROM subscription s, job j
   WHERE s.kind = 'region' AND s.value = j.region AND s.subscriber_sub > j.cursor
  UNION SELECT s.subscriber_sub FROM subscription s, job j
   WHERE s.kind = 'query' AND cardinality(s.terms) > 0 AND s.terms <@ j.terms AND s.subscriber_sub > j.cursor
),
batch AS (SELECT sub FROM matched ORDER BY sub LIMIT $1),
recipients AS (
  SELECT b.sub,
         coalesce(p.inbox, true) AS inbox,
         coalesce(p.email, false) AND p.email_address IS NOT NULL AS email, p.email_address,
         coalesce(p.sms, false) AND p.phone IS NOT NULL AS sms, p.phone,
         coalesce(p.wechat, false) AND p.wechat_open_id IS NOT NULL AS wechat, p.wechat_open_id,
         p.digest_hour IS NOT NULL AS digest,
         quiet_until(p.quiet_start, p.quiet_end, now()) AS send_at
    FROM batch b LEFT JOIN notification_preference p ON p.subscriber_sub = b.sub
   WHERE NOT coalesce(p.opted_out, false)
),
inbox AS (
  INSERT INTO notification (id, event_id, event_type, recipient_sub, recipient_key, title, body)
  SELECT gen_random_uuid(), j.event_id, j.event_type, r.sub, 'user:' || r.sub, j.title, j.body
    FROM recipients r, job j WHERE r.inbox AND NOT r.digest
  ON CONFLICT DO NOTHING RETURNING 1
),
email AS (
  INSERT INTO email_delivery (id, event_id, event_type, address, subject, body, message_id, next_attempt_at)
  SELECT gen_random_uuid(), j.event_id, j.event_type, r.email_address, j.title,
         '您好：' || E'\\n\\n' || j.body || E'\\n\\n' || $2,
         '<' || j.event_id || '.' || left(encode(sha256(convert_to(r.email_address, 'UTF8')), 'hex'), 16) || '@' || $3 || '>',
         r.send_at
    FROM recipients r, job j WHERE $4::boolean AND r.email AND NOT r.digest
  ON CONFLICT DO NOTHING RETURNING 1
),
channel AS (
  INSERT INTO channel_delivery (id, event_id, event_type, recipient_sub, channel, address, title, body, next_attempt_at)
  SELECT gen_random_uuid(), j.event_id, j.event_type, r.sub, c.channel, c.address, j.title, j.body, r.send_at
    FROM recipients r CROSS JOIN job j
   CROSS JOIN LATERAL (VALUES ('sms', r.phone, r.sms), ('wechat', r.wechat_open_id, r.wechat)) AS c(channel, address, wanted)
   WHERE c.wanted AND NOT r.digest
  ON CONFLICT DO NOTHING RETURNING 1
),
digest AS (
  INSERT INTO digest_item (subscriber_sub, event_id, line)
  SELECT r.sub, j.event_id, j.title FROM recipients r, job j WHERE r.digest
  ON CONFLICT DO NOTHING RETURNING 1
),
advance AS (
  UPDATE policy_fanout f
     SET cursor = coalesce((SELECT max(sub) FROM batch), f.cursor),
         recipients = f.recipients + (SELECT count(*) FROM recipients)::int,
         status = CASE WHEN (SELECT count(*) FROM batch) < $1 THEN 'DONE' ELSE 'RUNNING' END,
         done_at = CASE WHEN (SELECT count(*) FROM batch) < $1 THEN now() END
    FROM job j WHERE f.event_id = j.event_id
  RETURNING f.event_id, f.status
)
SELECT (SELECT event_id::text FROM advance) AS "eventId",
       (SELECT count(*) FROM batch)::int AS matched,
       (SELECT count(*) FROM inbox)::int AS inbox,
       (SELECT count(*) FROM email)::int AS email,
       (SELECT count(*) FROM channel)::int AS channel,
       (SELECT count(*) FROM digest)::int AS digest,
       coalesce((SELECT status = 'DONE' FROM advance), true) AS done`;

/** The only place that queries the fan-out jobs. */
@Injectable()
export class FanoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Records a policy change to push, in the consumer's transaction; the same (document, version, change) twice is one job. */
  async add(job: NewFanout, tx: Tx): Promise<boolean> {
    return (await tx.policyFanout.createMany({ data: [job], skipDuplicates: true })).count > 0;
  }

  /** `withEmail` false (no SMTP configured): nobody's email is queued. */
  async runBatch(q: { limit: number; emailFooter: string; messageIdHost: string; withEmail: boolean }): Promise<BatchResult> {
    const [row] = await this.prisma.$queryRawUnsafe<BatchResult[]>(BATCH_SQL, q.limit, q.emailFooter, q.messageIdHost, q.withEmail);
    return row!;
  }

  /** Jobs not finished yet, and how long the oldest has waited (the fan-out's lag). */
  async backlog(): Promise<{ jobs: number; oldestAgeMs: number }> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ jobs: number; age: number | null }>>(
      `SELECT count(*)::int AS jobs, (extract(epoch FROM now() - min(created_at)) * 1000)::float8 AS age FROM policy_fanout WHERE status <> 'DONE'`,
    );
    return { jobs: row?.jobs ?? 0, oldestAgeMs: row?.age ?? 0 };
  }
}
