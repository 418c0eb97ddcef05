import { Injectable } from '@nestjs/common';
import { type CandidateStamp, DocumentRepository, type RelatedSourceRow } from '../document/document.repository.js';
import { RelatedRows } from './related-rows.js';

/**
 * A related list's candidates with their current stamps. Chosen from the held rows (RelatedRows) with one indexed
 * query for the chosen ids' stamps: the table's query (`relatedCandidates`) scanned the table on every first visit
 * and was most of PostgreSQL's work on a policy page (ADR 0036, 0038). Until every non-draft row is held (at start,
 * or after a failed fill) the table's query is used; both give the same list for the same rows, and the held rows
 * follow the table within one poll.
 */
@Injectable()
export class RelatedCandidates {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly rows: RelatedRows,
  ) {}

  async of(source: RelatedSourceRow, extraIds: readonly string[], take: number): Promise<CandidateStamp[]> {
    const ids = await this.rows.choose(source, extraIds, take);
    if (!ids) return this.documents.relatedCandidates(source, extraIds, take);
    if (ids.length === 0) return [];
    const current = new Map((await this.documents.candidateStamps(ids)).map((c) => [c.id, c.stamp]));
    // one turned draft since the last poll is left out (the table's query would list the next one instead)
    return ids.flatMap((id) => {
      const stamp = current.get(id);
      return stamp && !stamp.startsWith('DRAFT|') ? [{ id, stamp }] : [];
    });
  }
}
