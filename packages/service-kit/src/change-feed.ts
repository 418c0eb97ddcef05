/** Where a reader of changed rows has got to: the last row applied, by update time then id. */
export interface ChangeCursor {
  at: Date;
  id: string;
}

/** A row a change feed can follow: every write bumps `updatedAt` (Prisma's @updatedAt). */
export interface ChangedRow {
  id: string;
  updatedAt: Date;
}

/** The keyset query for "rows changed after `since`", oldest first (Prisma `where` + `orderBy`). */
export function changedSince(since: ChangeCursor) {
  return {
    where: { OR: [{ updatedAt: { gt: since.at } }, { updatedAt: since.at, id: { gt: since.id } }] },
    orderBy: [{ updatedAt: 'asc' as const }, { id: 'asc' as const }],
  };
}

export interface ChangeFeedOptions<R extends ChangedRow> {
  /** rows changed after `since`, oldest first, at most `take` (use `changedSince` for the query) */
  read: (since: ChangeCursor, take: number) => Promise<R[]>;
  /** applies one page of changed rows to the reader's in-memory state */
  apply: (rows: R[]) => void | Promise<void>;
  pageSize?: number;
}

/**
 * Keeps an in-memory copy current by polling the rows changed since the last pass (keyset pages on
 * update time then id, so no row is skipped even when many share a timestamp). Every replica
 * follows the table on its own. One pass at a time: callers during a pass share it.
 */
export class ChangeFeed<R extends ChangedRow> {
  private cursor: ChangeCursor = { at: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
  private pass: Promise<number> | null = null;

  constructor(private readonly opts: ChangeFeedOptions<R>) {}

  /** Reads and applies every row changed since the last pass; resolves with how many there were. */
  pull(): Promise<number> {
    this.pass ??= this.readAll().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** Resolves when the pass in progress (if any) ends; never rejects. */
  async settled(): Promise<void> {
    await this.pass?.catch(() => undefined);
  }

  private async readAll(): Promise<number> {
    const pageSize = this.opts.pageSize ?? 1000;
    let total = 0;
    for (;;) {
      const rows = await this.opts.read(this.cursor, pageSize);
      if (rows.length === 0) return total;
      await this.opts.apply(rows);
      total += rows.length;
      const last = rows[rows.length - 1]!;
      this.cursor = { at: last.updatedAt, id: last.id };
      if (rows.length < pageSize) return total;
    }
  }
}
