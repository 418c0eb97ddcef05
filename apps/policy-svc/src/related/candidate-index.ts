import { addTo, removeFrom } from '../infra/set-map.js';

/** What choosing candidates reads of a document (the columns `DocumentRepository.relatedCandidates` filters on). */
export interface CandidateFields {
  id: string;
  keywords: readonly string[];
  topics: readonly string[];
  amendedById: string | null;
  repealedById: string | null;
}

/**
 * Every non-draft document's keywords, topics and amendment/repeal links, indexed by term and by link target, so a
 * related list's candidates are chosen without a query (ADR 0038). `choose` gives the list
 * `DocumentRepository.relatedCandidates` gives for the same rows: same filter, order and limit.
 */
export class CandidateIndex {
  private readonly docs = new Map<string, CandidateFields>();
  private readonly byKeyword = new Map<string, Set<string>>();
  /** in id order: most candidates share only a topic and come by id, the first ones of a merge (no sort of ~600) */
  private readonly byTopic = new Map<string, string[]>();
  /** a document's id → the documents it amended or repealed (their amended_by_id / repealed_by_id) */
  private readonly byLink = new Map<string, Set<string>>();

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Indexes a document, replacing what was indexed under its id. */
  put(doc: CandidateFields) {
    this.remove(doc.id);
    const { id, amendedById, repealedById } = doc;
    const fields = { id, keywords: [...new Set(doc.keywords)], topics: [...new Set(doc.topics)], amendedById, repealedById };
    this.docs.set(id, fields);
    fields.keywords.forEach((k) => addTo(this.byKeyword, k, id));
    fields.topics.forEach((t) => {
      const ids = this.byTopic.get(t);
      if (ids) ids.splice(sortedIndex(ids, id), 0, id);
      else this.byTopic.set(t, [id]);
    });
    links(fields).forEach((l) => addTo(this.byLink, l, id));
  }

  remove(id: string) {
    const fields = this.docs.get(id);
    if (!fields) return;
    this.docs.delete(id);
    fields.keywords.forEach((k) => removeFrom(this.byKeyword, k, id));
    fields.topics.forEach((t) => {
      const ids = this.byTopic.get(t)!;
      ids.splice(sortedIndex(ids, id), 1);
      if (ids.length === 0) this.byTopic.delete(t);
    });
    links(fields).forEach((l) => removeFrom(this.byLink, l, id));
  }

  /**
   * Indexed documents other than the source sharing a keyword or topic with it, linked to it by amendment or repeal
   * (either way), or listed in `extraIds`; most shared keywords first (distinct keywords, as the SQL's INTERSECT
   * counts them), then by id ascending (a lower-case uuid's text sorts as PostgreSQL sorts the uuid); at most `take`.
   */
  choose(source: CandidateFields, extraIds: readonly string[], take: number): string[] {
    const limit = Math.max(0, Math.trunc(take));
    const shared = new Map<string, number>();
    for (const keyword of new Set(source.keywords))
      for (const id of this.byKeyword.get(keyword) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    shared.delete(source.id);
    const chosen = [...shared]
      .sort(([a, n], [b, m]) => m - n || compareIds(a, b))
      .slice(0, limit)
      .map(([id]) => id);
    // the others share no keyword: by id, merged from the topics' lists and the linked or named documents
    const named = [...(this.byLink.get(source.id) ?? []), ...extraIds, source.amendedById, source.repealedById];
    const lists = [...new Set(source.topics)].map((t): readonly string[] => this.byTopic.get(t) ?? []);
    lists.push(named.filter((id): id is string => !!id && this.docs.has(id)).sort(compareIds));
    for (const id of mergeSorted(lists)) {
      if (chosen.length >= limit) break;
      if (id !== source.id && !shared.has(id)) chosen.push(id);
    }
    return chosen;
  }
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids of several lists in id order, each once. */
function* mergeSorted(lists: ReadonlyArray<readonly string[]>): Generator<string> {
  const at = lists.map(() => 0);
  let last: string | undefined;
  for (;;) {
    let min = -1;
    for (let i = 0; i < lists.length; i++)
      if (at[i]! < lists[i]!.length && (min < 0 || lists[i]![at[i]!]! < lists[min]![at[min]!]!)) min = i;
    if (min < 0) return;
    const id = lists[min]![at[min]!++]!;
    if (id !== last) yield id;
    last = id;
  }
}

/** Where `id` is or would go in the sorted `ids`. */
function sortedIndex(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function links(doc: CandidateFields): string[] {
  return [doc.amendedById, doc.repealedById].filter((id): id is string => !!id);
}
