import { Injectable } from '@nestjs/common';
import type { z } from '@govdisc/contracts';
import type { GuideMatterHit } from '@govdisc/contracts';
import { ChangeFeed } from '@govdisc/service-kit';
import { QuestionMatcher } from '@govdisc/text-analysis';
import type { GuideMatter } from '../generated/prisma/client.js';
import { MatterRepository } from './matter.repository.js';

/** How long a search may use the matters as last read before it reads what changed. */
const FRESH_MS = 5_000;
/** A matter found only by its name must fit at least this well (the matcher's confidence). */
const MIN_CONFIDENCE = 0.45;
/** A matter that implements one of the given policies ranks above any found only by its name. */
const POLICY_LINK_SCORE = 10;

type Hit = z.infer<typeof GuideMatterHit>;

/**
 * Finds the service matters that fit a free text (a citizen's question, an answered Q&A pair):
 * matters implementing one of the given policies first, then those whose name matches the text
 * (the same question matcher as 一号答: synonyms, typos by sound, IDF over the matter names).
 * Matters are kept in memory and topped up from the database by their update time.
 */
@Injectable()
export class MatterSearchService {
  private readonly matcher = new QuestionMatcher();
  private readonly matters = new Map<string, GuideMatter>();
  private checkedAt = 0;
  private readonly feed: ChangeFeed<GuideMatter>;

  constructor(repository: MatterRepository) {
    this.feed = new ChangeFeed({
      pageSize: 500,
      read: (since, take) => repository.changedSince(since, take),
      apply: (rows) => this.apply(rows),
    });
  }

  async search(input: { q: string; limit: number; policyRefs?: readonly string[] }): Promise<Hit[]> {
    await this.fresh();
    const refs = new Set(input.policyRefs ?? []);
    const linked = refs.size === 0 ? [] : [...this.matters.values()].filter((m) => m.policyRefs.some((r) => refs.has(r)));
    const byText = this.matcher.match(input.q, { limit: input.limit + linked.length }).filter((m) => m.confidence >= MIN_CONFIDENCE);
    const score = new Map<string, number>(byText.map((m) => [m.id, m.score]));
    for (const m of linked) score.set(m.id, POLICY_LINK_SCORE + (score.get(m.id) ?? 0));
    return [...score.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, input.limit)
      .map(([id, s]) => {
        const m = this.matters.get(id)!;
        return { id: m.id, code: m.code, name: m.name, department: m.department, score: Math.round(s * 1000) / 1000 };
      });
  }

  /** Reads the matters changed since the last read, at most every FRESH_MS; one read at a time. */
  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < FRESH_MS) return;
    await this.feed.pull();
    this.checkedAt = Date.now();
  }

  private apply(rows: GuideMatter[]): void {
    for (const m of rows) {
      // Only published matters are found (their published fields: a pending edit is not public yet).
      if (m.status !== 'PUBLISHED') {
        this.matters.delete(m.id);
        this.matcher.remove(m.id);
        continue;
      }
      this.matters.set(m.id, m);
      this.matcher.upsert(m.id, [m.name]);
    }
  }
}
