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
  private readonly byTopic = new Map<string, Set<string>>();
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
    this.docs.set(doc.id, fields);
    for (const [map, key] of this.postings(fields)) {
      const ids = map.get(key);
      if (ids) ids.add(doc.id);
      else map.set(key, new Set([doc.id]));
    }
  }

  remove(id: string) {
    const fields = this.docs.get(id);
    if (!fields) return;
    this.docs.delete(id);
    for (const [map, key] of this.postings(fields)) {
      const ids = map.get(key);
      ids?.delete(id);
      if (ids?.size === 0) map.delete(key);
    }
  }

  /**
   * Indexed documents other than the source sharing a keyword or topic with it, linked to it by amendment or repeal
   * (either way), or listed in `extraIds`; most shared keywords first (distinct keywords, as the SQL's INTERSECT
   * counts them), then by id ascending (a lower-case uuid's text sorts as PostgreSQL sorts the uuid); at most `take`.
   */
  choose(source: CandidateFields, extraIds: readonly string[], take: number): string[] {
    const shared = new Map<string, number>();
    for (const keyword of new Set(source.keywords))
      for (const id of this.byKeyword.get(keyword) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const add = (id: string) => {
      if (!shared.has(id) && this.docs.has(id)) shared.set(id, 0);
    };
    for (const topic of new Set(source.topics)) this.byTopic.get(topic)?.forEach(add);
    this.byLink.get(source.id)?.forEach(add);
    for (const id of [...extraIds, source.amendedById, source.repealedById]) if (id) add(id);
    shared.delete(source.id);
    return [...shared]
      .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, Math.max(0, Math.trunc(take)))
      .map(([id]) => id);
  }

  /** The (map, key) pairs a document is indexed under. */
  private postings(doc: CandidateFields): Array<[Map<string, Set<string>>, string]> {
    const links = [doc.amendedById, doc.repealedById].filter((id): id is string => !!id);
    return [
      ...doc.keywords.map((k): [Map<string, Set<string>>, string] => [this.byKeyword, k]),
      ...doc.topics.map((t): [Map<string, Set<string>>, string] => [this.byTopic, t]),
      ...links.map((l): [Map<string, Set<string>>, string] => [this.byLink, l]),
    ];
  }
}
