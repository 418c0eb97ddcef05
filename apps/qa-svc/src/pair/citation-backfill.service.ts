import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Actor, CitationBackfillView } from '@govdisc/contracts';
import { PrismaService } from '../infra/prisma.service.js';
import { type CheckedCitation, CitationVerifier } from './citation-verifier.js';
import { isCitationVerified } from './pair.mapper.js';
import { type PairWithCitations, PairRepository } from './pair.repository.js';

const BATCH = 50;

const IDLE: CitationBackfillView = {
  state: 'IDLE',
  startedAt: null,
  finishedAt: null,
  startedBy: null,
  total: 0,
  processed: 0,
  cited: 0,
  improved: 0,
  unverified: 0,
  error: null,
};

/**
 * The citation backfill: every stored pair (not retired) without a verified clause citation is looked at once per
 * run — its document-level citations pinned to their clause, its source policy cited, or (no source) the library
 * searched for the clause holding the answer verbatim. Re-runnable: a run picks up exactly the pairs still
 * lacking one, so a run cut short by a restart is finished by the next. Progress is kept in this process
 * (one run at a time); a pair's citations change in place with a CITATIONS_LOCATED revision, text and version
 * untouched, since a verified quote is evidence, not new content (ADR: citations for imported pairs).
 */
@Injectable()
export class CitationBackfill implements OnApplicationShutdown {
  private readonly logger = new Logger(CitationBackfill.name);
  private progress: CitationBackfillView = IDLE;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly pairs: PairRepository,
    private readonly verifier: CitationVerifier,
  ) {}

  status(): CitationBackfillView {
    return { ...this.progress };
  }

  /** Starts a run unless one is running (then its progress is the answer). */
  async start(actor: Actor): Promise<CitationBackfillView> {
    if (this.running) return this.status();
    const total = await this.pairs.countCitationBacklog();
    this.progress = { ...IDLE, state: 'RUNNING', startedAt: new Date().toISOString(), startedBy: actor.sub, total };
    this.running = this.run(actor)
      .then(() => {
        this.progress = { ...this.progress, state: 'DONE', finishedAt: new Date().toISOString() };
        this.logger.log(this.progress, 'citation backfill done');
      })
      .catch((error: unknown) => {
        this.progress = { ...this.progress, state: 'FAILED', finishedAt: new Date().toISOString(), error: String(error) };
        this.logger.error({ error: String(error) }, 'citation backfill failed');
      })
      .finally(() => (this.running = null));
    return this.status();
  }

  /** Waits for the current run (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async run(actor: Actor): Promise<void> {
    let after: string | null = null;
    while (!this.stopping && this.progress.processed < this.progress.total) {
      const batch = await this.pairs.citationBacklog(after, BATCH);
      if (!batch.length) break;
      for (const pair of batch) {
        const outcome = await this.backfillOne(pair, actor);
        // pairs saved since the count joined the backlog the walk reads: the total grows with them
        const processed = this.progress.processed + 1;
        const total = Math.max(this.progress.total, processed);
        this.progress = { ...this.progress, processed, total, [outcome]: this.progress[outcome] + 1 };
      }
      after = batch[batch.length - 1]!.id;
    }
  }

  private async backfillOne(pair: PairWithCitations, actor: Actor): Promise<'cited' | 'improved' | 'unverified'> {
    const located = await this.locate(pair, actor);
    if (!located || sameCitations(pair.citations, located)) return 'unverified';
    await this.prisma.$transaction(async (tx) => {
      const updated = await this.pairs.replaceCitations(pair.id, located, tx);
      await this.pairs.addRevision(updated, { action: 'CITATIONS_LOCATED', actorSub: actor.sub }, tx);
    });
    return isCitationVerified(located) ? 'cited' : 'improved';
  }

  /** The pair's citations with their clauses found, or null when there is nothing to improve. */
  private async locate(pair: PairWithCitations, actor: Actor): Promise<CheckedCitation[] | null> {
    if (pair.citations.length) {
      return Promise.all(
        pair.citations.map(async (c) => {
          // the row's own fields only; STALE is kept as it is (the repository stores any state)
          const kept = {
            documentId: c.documentId,
            documentVersion: c.documentVersion,
            anchor: c.anchor,
            quote: c.quote,
            state: c.state,
          } as CheckedCitation;
          // a stale citation (its document changed) is the editor's to re-check, not the backfill's to re-point
          if (c.anchor || c.state === 'STALE') return kept;
          const found = await this.verifier.locate(c.documentId, { quote: c.quote, question: pair.question }, actor);
          // never trade a verified quote for an unverified guess: the pair is listed for an editor instead
          return found && (found.state === 'VERIFIED' || c.state !== 'VERIFIED') ? found : kept;
        }),
      );
    }
    if (pair.sourcePolicyId) {
      const found = await this.verifier.locate(pair.sourcePolicyId, { answer: pair.answer, question: pair.question }, actor);
      return found ? [found] : null;
    }
    const found = await this.verifier.bySearch(pair, actor);
    return found.length ? found : null;
  }
}

type Cited = { documentId: string; anchor: string | null; quote: string; state: string };

function sameCitations(a: readonly Cited[], b: readonly Cited[]): boolean {
  const key = (c: Cited) => [c.documentId, c.anchor, c.quote, c.state].join('\u0000');
  return a.length === b.length && a.every((c, i) => key(c) === key(b[i]!));
}
