/**
 * Every background queue of the process (write-behind buffers, the outbox relay, JetStream
 * consumers) reports here what it holds and what it set aside, so one internal view
 * (`GET /metrics/queues`) and the `govdisc_background_*` metrics show whether work still flows.
 */
export interface ParkedItem {
  at: string;
  /** why it was set aside: the last error's message */
  error: string;
  /** a short preview of the item, or its id (a row or message id) */
  item: string;
}

export interface QueueSnapshot {
  queue: string;
  kind: 'write-behind' | 'outbox' | 'consumer';
  /** items waiting to be written / published / handled */
  pending: number;
  /** items set aside since start (bounded retries exhausted) */
  parkedTotal: number;
  /** the most recent parked items, newest last (a bounded list) */
  parked: ParkedItem[];
  /** consumers: messages kept in the DEAD_LETTERS stream for this consumer (durable, the same for every replica) */
  deadLetters?: number;
}

export interface BackgroundQueue {
  snapshot(): Promise<QueueSnapshot>;
}

const queues = new Set<BackgroundQueue>();

export function registerBackgroundQueue(queue: BackgroundQueue): () => void {
  queues.add(queue);
  return () => queues.delete(queue);
}

export async function backgroundQueueSnapshots(): Promise<QueueSnapshot[]> {
  const settled = await Promise.allSettled([...queues].map((q) => q.snapshot()));
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

/** The most recent N parked items: enough to inspect a poison item, bounded so it cannot grow. */
export class ParkedList {
  private readonly items: ParkedItem[] = [];
  total = 0;

  constructor(private readonly max = 50) {}

  add(error: unknown, item: unknown): ParkedItem {
    const entry = { at: new Date().toISOString(), error: errorMessage(error), item: preview(item) };
    this.items.push(entry);
    if (this.items.length > this.max) this.items.shift();
    this.total++;
    return entry;
  }

  list(): ParkedItem[] {
    return [...this.items];
  }
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/** JSON (lone surrogates escaped by JSON.stringify), cut to 300 characters. */
export function preview(item: unknown): string {
  let text: string;
  try {
    text = typeof item === 'string' ? JSON.stringify(item) : (JSON.stringify(item) ?? String(item));
  } catch {
    text = String(item);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
