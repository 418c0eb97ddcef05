import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PartialWriteError, WriteBehindBuffer } from '@govdisc/service-kit';
import { jaccard, questionTokens } from '@govdisc/text-analysis';
import { LRUCache } from 'lru-cache';
import type { UnansweredCluster } from '../generated/prisma/client.js';
import { type ClusterChoice, UnansweredRepository } from './unanswered.repository.js';

const SAME_CLUSTER = 0.5;
const MAX_VARIANTS = 20;
/** How often the questions asked since the last write are filed into their clusters. */
const FLUSH_MS = 1_000;

/**
 * Low-confidence questions grouped by similarity, with counts: what people ask that we cannot answer.
 * Asking only queues the question; a write-behind buffer files a second's questions together (counts
 * summed), so concurrent askers never wait on each other's cluster row. A question filed before goes
 * straight to its cluster: one UPDATE adds all such repeats of the second. A new question finds its
 * cluster in a transaction of its own. A crash loses at most the last second of this demand log,
 * accepted on purpose.
 */
@Injectable()
export class UnansweredService implements OnModuleDestroy {
  private readonly queued = new WriteBehindBuffer<string>({
    label: 'unanswered questions',
    flushMs: FLUSH_MS,
    write: (batch) => this.file(batch),
    probe: () => this.repository.probe(),
  });
  /** question text → the cluster it was filed in (its variants already hold it, or are full) */
  private readonly filedIn = new LRUCache<string, string>({ max: 10_000 });

  constructor(private readonly repository: UnansweredRepository) {}

  record(question: string): void {
    this.queued.add(question);
  }

  snapshot() {
    return this.queued.snapshot();
  }

  /** Files every queued question now (tests, shutdown). */
  flush(): Promise<void> {
    return this.queued.flush();
  }

  onModuleDestroy() {
    return this.queued.close();
  }

  async list(query: { page: number; pageSize: number }) {
    await this.flush(); // editors see what was asked up to now
    return this.repository.list(query);
  }

  /**
   * Each new question is filed in its own transaction, so one the database refuses fails alone: it
   * is reported back (PartialWriteError) for retry and isolation, and the others are not filed twice.
   */
  private async file(batch: string[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const q of batch) counts.set(q, (counts.get(q) ?? 0) + 1);
    const repeats = await this.addRepeats([...counts].filter(([q]) => this.filedIn.has(q)));
    const failed: string[] = [];
    let firstError: unknown;
    for (const [question, count] of counts) {
      if (repeats.has(question)) continue;
      try {
        await this.fileOne(question, count);
      } catch (error) {
        failed.push(question);
        firstError ??= error;
      }
    }
    if (failed.length > 0) throw new PartialWriteError(failed, firstError);
  }

  /** Adds questions filed before to their clusters in one statement; returns those it could add. */
  private async addRepeats(known: [question: string, count: number][]): Promise<Set<string>> {
    if (known.length === 0) return new Set();
    const perCluster = new Map<string, number>();
    for (const [q, n] of known) perCluster.set(this.filedIn.get(q)!, (perCluster.get(this.filedIn.get(q)!) ?? 0) + n);
    const alive = await this.repository.addCounts(perCluster);
    const added = new Set<string>();
    for (const [q] of known) {
      if (alive.has(this.filedIn.get(q)!)) added.add(q);
      else this.filedIn.delete(q); // the cluster is gone: file the question afresh
    }
    return added;
  }

  private async fileOne(question: string, count: number): Promise<void> {
    const tokens = questionTokens(question);
    if (tokens.length === 0) return;
    const clusterId = await this.repository.file({ question, tokens, count }, (candidates) => chooseCluster(question, tokens, candidates));
    this.filedIn.set(question, clusterId);
  }
}

/** The most similar candidate at or above the bar, with the question added to its variants (up to MAX_VARIANTS); else a new cluster. */
export function chooseCluster(question: string, tokens: string[], candidates: UnansweredCluster[]): ClusterChoice {
  const best = candidates.map((c) => ({ c, sim: jaccard(tokens, c.tokens) })).sort((a, b) => b.sim - a.sim)[0];
  if (!best || best.sim < SAME_CLUSTER) return null;
  const variants =
    best.c.variants.includes(question) || best.c.variants.length >= MAX_VARIANTS ? best.c.variants : [...best.c.variants, question];
  return { clusterId: best.c.id, variants };
}
