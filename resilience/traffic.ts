import { randomUUID } from 'node:crypto';
import { eventually, queryRows } from '@govdisc/testing';
import { api, type Stack } from '../e2e/stack.js';

/** What clients saw: every answer by status, and the submissions the platform acknowledged (201) by description. */
export interface TrafficResult {
  byStatus: Record<string, number>;
  /** Answers that were neither a success nor a clear 503/504 with an error code: must stay empty. */
  unclear: string[];
  acknowledged: string[];
  /**
   * Acknowledged submissions whose earlier attempt with the same key got a 504: the gateway released its key while the
   * service may still have been writing the first attempt, so the service's own record of the key (disclosure_request.
   * idempotency_key) is what keeps them single. Printed, to show a run exercised that path.
   */
  ackedAfterTimeout: string[];
  /** Submissions given up after every retry (never acknowledged, so never promised). */
  abandoned: number;
}

const applicant = { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' };
const QUERIES = ['教育', '公积金', '社保', '营业执照', '补贴'];
const QUESTIONS = ['租房能提公积金吗？', '社保怎么转移', '孩子上学需要什么材料'];

/**
 * Mixed traffic (searches, asks, disclosure submissions) from `workers` loops until `until()` says stop. Each
 * submission carries an Idempotency-Key and is retried with it on 503/504/409, as a client should, so an
 * acknowledged submission exists exactly once however often it was sent.
 */
export async function mixedTraffic(stack: Stack, opts: { workers: number; until: () => boolean; label: string }): Promise<TrafficResult> {
  const result: TrafficResult = { byStatus: {}, unclear: [], acknowledged: [], ackedAfterTimeout: [], abandoned: 0 };
  // A retry may also meet 409 IDEMPOTENCY_IN_PROGRESS (with Retry-After): its key is still held while the first
  // attempt runs, or until the gateway can release it after the database came back. That is the documented answer.
  const note = (status: number, code: unknown, what: string, retry = false) => {
    result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    const clear =
      status < 300 ||
      ((status === 503 || status === 504) && typeof code === 'string') ||
      (retry && status === 409 && code === 'IDEMPOTENCY_IN_PROGRESS');
    if (!clear) result.unclear.push(`${what}: ${status} ${String(code)}`);
  };
  let n = 0;
  const submit = async () => {
    const description = `${opts.label} 第${++n}号申请 ${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    let timedOut = false;
    for (let attempt = 0; attempt < 40; attempt++) {
      const res = await api(
        stack,
        'POST',
        '/disclosure-requests',
        { applicant, description, deliveryForm: 'EMAIL' },
        { 'idempotency-key': key },
      );
      note(res.status, res.json?.code, 'submit', attempt > 0);
      if (res.status === 201) {
        if (timedOut) result.ackedAfterTimeout.push(description);
        return void result.acknowledged.push(description);
      }
      if (res.status === 504) timedOut = true;
      if (![503, 504, 409].includes(res.status)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    result.abandoned++;
  };
  const worker = async (w: number) => {
    for (let i = 0; !opts.until(); i++) {
      const pick = (w + i) % 10;
      if (pick < 6) {
        const res = await api(stack, 'GET', `/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`);
        note(res.status, res.json?.code, 'search');
      } else if (pick < 8) {
        const res = await api(stack, 'POST', '/qa/ask', { question: QUESTIONS[i % QUESTIONS.length] });
        note(res.status, res.json?.code, 'ask');
      } else {
        await submit();
      }
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)));
  return result;
}

/** Submission events of the disclosure outbox: sent, and applied by notify-svc (its processed_event rows). */
export interface SubmittedEvents {
  unsent: number;
  sent: number;
  applied: number;
}

/** Waits until the disclosure outbox has sent every submission event and notify-svc has applied each one. */
export function submittedEventsSettled(databaseUrl: string, timeoutMs = 60_000): Promise<SubmittedEvents> {
  return eventually(
    async () => {
      const [outbox] = await queryRows<{ unsent: number; sent: number }>(
        databaseUrl,
        `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent
           FROM disclosure.outbox_event WHERE type = 'disclosure.request.submitted'`,
      );
      const [applied] = await queryRows<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM notify.processed_event p JOIN disclosure.outbox_event o ON o.id = p.event_id
          WHERE o.type = 'disclosure.request.submitted' AND p.consumer = 'notify-svc__disclosure-request-events'`,
      );
      const state = { unsent: outbox!.unsent, sent: outbox!.sent, applied: applied!.n };
      if (state.unsent > 0 || state.applied !== state.sent) throw new Error(`outbox or consumer behind: ${JSON.stringify(state)}`);
      return state;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

/** How often each submission (by description, under `label`) is stored: acknowledged ones found, duplicates. */
export async function storedSubmissions(databaseUrl: string, label: string, seen: TrafficResult) {
  const rows = await queryRows<{ description: string; n: number }>(
    databaseUrl,
    `SELECT description, count(*)::int AS n FROM disclosure.disclosure_request WHERE description LIKE $1 GROUP BY description`,
    [`${label}%`],
  );
  const stored = new Map(rows.map((r) => [r.description, r.n]));
  const duplicates = rows.filter((r) => r.n > 1).map((r) => r.description);
  return {
    rows: rows.reduce((sum, r) => sum + r.n, 0),
    found: seen.acknowledged.filter((d) => stored.has(d)).length,
    /** Stored more than once: must stay empty, a retry after a 504 included. */
    duplicates,
  };
}
