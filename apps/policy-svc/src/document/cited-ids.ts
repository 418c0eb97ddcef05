/**
 * The ids a citing service says anything cites (every id its per-document lookup can match), held for `ttlMs` from
 * the moment it was asked: within that time a document outside the set gets an empty part without a call. Most
 * documents are cited by nothing, and each call cost a round trip through two services and a query (ADR 0036).
 *
 * `cites` answers undefined while no set asked less than `ttlMs` ago is held: the caller then asks per document, as
 * without the set, and the set is asked for in the background. A pair or guide that starts citing a document is
 * therefore seen after at most `ttlMs`, the same as the per-document answers' cache; one that stops is seen by the
 * per-document lookup itself.
 */
export class CitedIds {
  private held: { ids: ReadonlySet<string>; askedAt: number } | null = null;
  private asking = false;
  private pausedUntil = 0;

  constructor(
    private readonly ask: () => Promise<readonly string[]>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether anything cites the document (by id or externalId); undefined when no current set is held. */
  cites(doc: { id: string; externalId: string | null }): boolean | undefined {
    const held = this.held;
    if (held && this.now() - held.askedAt < this.ttlMs)
      return held.ids.has(doc.id) || (doc.externalId !== null && held.ids.has(doc.externalId));
    this.refresh();
    return undefined;
  }

  clear(): void {
    this.held = null;
  }

  private refresh(): void {
    if (this.asking || this.now() < this.pausedUntil) return;
    this.asking = true;
    // the time of asking, not of the answer: a write committed while the query ran is covered by the next set
    const askedAt = this.now();
    this.ask()
      .then((ids) => {
        this.held = { ids: new Set(ids), askedAt };
      })
      .catch(() => {
        // e.g. a service not yet updated (no such subject): ask per document, try again after a while
        this.pausedUntil = this.now() + this.ttlMs;
      })
      .finally(() => {
        this.asking = false;
      });
  }
}
