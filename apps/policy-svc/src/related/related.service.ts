import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type PolicyValidity, type RelatedPolicy, type z } from '@govdisc/contracts';
import { DocumentRepository } from '../document/document.repository.js';
import { LexiconService } from '../search/lexicon/lexicon.service.js';
import { SearchEngine } from '../search/search-engine.js';
import { type RankedRelated, rankRelated } from './related-scoring.js';
import { type HeldRow, RelatedRows } from './related-rows.js';
import { RelatedCandidates } from './related-candidates.js';
import { agenciesOf } from '../analysis/agencies.js';
import { stampKey, visibleTo } from '../document/document.service.js';
import type { DocumentStamp, RelatedSource } from '../document/document.repository.js';

/** Candidates chosen from the held rows or the table (most shared keywords first) and from the index (title search). */
const TABLE_CANDIDATES = 200;
const TITLE_CANDIDATES = 20;
/**
 * How long a ranked list is held: it is ranked from other documents, so a newly published one may join it this much
 * later. (A listed document's validity, and whether it is still public, are read fresh on every call.)
 */
export const RELATED_TTL_MS = 5 * 60_000;
/** Lists held: every public document's list ranked ahead (RelatedAhead) fits, as every row fits in RelatedRows. */
const HELD_LISTS = 20_000;

type RelatedView = z.input<typeof RelatedPolicy>;
/**
 * `source`: the document's row as its caller reads it anyway (the detail's reader view, DetailHandlers), current as of
 * this call; without it the row is read here. Null: no such document (or not visible), as a read here would say.
 */
type RelatedInput = { documentId: string; limit: number; actor: Actor | null; source?: Promise<RelatedSource | null> };
/**
 * `generation`: the library (held rows, index and lexicon) the list was ranked against, null if it was not complete
 * then (at start, or the title search failed). While the library's generation is the same, ranking the list again
 * would give the same list: it stays held beyond RELATED_TTL_MS (ADR 0041).
 */
type HeldList = { stamp: string; at: number; generation: string | null; items: RelatedView[] };

/** "Related documents" of one document: see rankRelated for the rules. */
@Injectable()
export class RelatedService {
  private readonly logger = new Logger(RelatedService.name);
  private readonly held = new Map<string, HeldList>();

  constructor(
    private readonly documents: DocumentRepository,
    private readonly engine: SearchEngine,
    private readonly lexicon: LexiconService,
    private readonly rows: RelatedRows,
    private readonly candidates: RelatedCandidates,
  ) {}

  /**
   * Held for RELATED_TTL_MS while the source document is unchanged (its stamp is read on every call, so its own
   * amendment or repeal shows at once); the listed documents' validity and visibility are read fresh each time.
   */
  async related(input: RelatedInput): Promise<RelatedView[]> {
    const key = `${input.documentId}|${input.limit}`;
    const held = this.held.get(key);
    if (held && this.current(held)) {
      const rows = new Map((await this.documents.stamps([input.documentId, ...held.items.map((i) => i.id)])).map((r) => [r.id, r]));
      const source = rows.get(input.documentId);
      if (source && stampKey(source) === held.stamp) return currentItems(held.items, rows);
    }
    const { stamp, generation, items } = await this.rank(input);
    if (stamp) this.hold(key, { stamp, at: Date.now(), generation, items });
    return items;
  }

  /**
   * The library's generation (the held rows', the index's and its lexicon's changes), or null while one of them is not
   * complete. Equal generations mean a list ranked at the one would be ranked the same at the other.
   */
  generation(): string | null {
    const complete = this.rows.complete && this.engine.ready && this.lexicon.complete;
    return complete ? `${this.rows.generation}.${this.engine.generation}` : null;
  }

  /**
   * Ranks the list of a held row's document ahead of its first visit (RelatedAhead), unless one is held for its
   * current stamp against the current library. True when it ranked.
   */
  async rankAhead(row: RelatedSource, limit: number): Promise<boolean> {
    const key = `${row.id}|${limit}`;
    const held = this.held.get(key);
    const generation = this.generation();
    if (generation === null || (held && held.stamp === stampKey(row) && held.generation === generation)) return false;
    const ranked = await this.rank({ documentId: row.id, limit, actor: null, source: Promise.resolve(row) });
    // a first visit's list ranked meanwhile is as current: kept, and this one too is held
    if (ranked.stamp) this.hold(key, { stamp: ranked.stamp, at: Date.now(), generation: ranked.generation, items: ranked.items });
    return true;
  }

  /** Held lists are current for RELATED_TTL_MS, and beyond while the library has not changed since they were ranked. */
  private current(held: HeldList): boolean {
    return Date.now() - held.at < RELATED_TTL_MS || (held.generation !== null && held.generation === this.generation());
  }

  private hold(key: string, list: HeldList) {
    this.held.delete(key);
    this.held.set(key, list);
    while (this.held.size > HELD_LISTS) this.held.delete(this.held.keys().next().value!);
  }

  /** Ranks a document's related documents; `stamp` is null for a draft (not held). */
  private async rank(input: RelatedInput) {
    const generation = this.generation(); // before anything is read: a change meanwhile moves it
    const source = await (input.source ?? this.documents.relatedSource(input.documentId));
    // A draft's related documents are staff-only like the draft itself (candidates are never drafts).
    if (!source || !visibleTo(source, input.actor))
      throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: input.documentId });
    const titled = await this.titleMatches(source.title);
    const stamps = await this.candidates.of(source, titled ?? [], TABLE_CANDIDATES);
    const candidates = await this.rows.rows(stamps);
    const ranked = rankRelated(this.rows.relatable(source), candidates, this.lexicon.lexicon, input.limit, this.rows.termIds);
    return {
      stamp: source.status === 'DRAFT' ? null : stampKey(source),
      // ranked without title candidates: held for RELATED_TTL_MS only, whatever the library
      generation: titled ? generation : null,
      items: ranked.map(toView),
    };
  }

  /** Documents whose words match the title (loose matching); null while the index is not ready or fails. */
  private async titleMatches(title: string): Promise<string[] | null> {
    try {
      // rank(): the same ids and order as search() without snippets and facet counts (which were most of its cost)
      const result = await this.engine.index.rank({ q: title, match: 'loose', page: 1, pageSize: TITLE_CANDIDATES });
      return result.hits.map((hit) => hit.id);
    } catch (error) {
      this.logger.warn({ err: error }, 'title candidates for related documents unavailable');
      return null;
    }
  }
}

function toView({ doc, relation, shared, score }: RankedRelated<HeldRow>): RelatedView {
  return {
    id: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    docNumber: doc.docNumber,
    agencies: agenciesOf(doc),
    publishDate: doc.publishDate,
    validity: doc.validity as z.infer<typeof PolicyValidity>,
    relation,
    shared,
    score,
  };
}

/** A held list as of now: documents no longer public left out, validity as it is now. */
function currentItems(items: RelatedView[], rows: Map<string, DocumentStamp>): RelatedView[] {
  return items.flatMap((item) => {
    const row = rows.get(item.id);
    return row && row.status !== 'DRAFT' ? [{ ...item, validity: row.validity as RelatedView['validity'] }] : [];
  });
}
