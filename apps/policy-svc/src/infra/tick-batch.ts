/**
 * Reads by key asked in the same tick, answered by one query: the first `get` of a tick opens a batch, every `get`
 * until the microtask queue runs adds its keys to it, and then `read` runs once with all of them (each key once).
 * Each caller gets the rows of its own keys, in its keys' order (a key without a row is left out), or the query's
 * error. What a caller sees is what it would have seen alone: the rows are read after its call, not before.
 */
export class TickBatch<Row> {
  private open: { keys: Set<string>; rows: Promise<Map<string, Row>> } | null = null;

  constructor(
    private readonly read: (keys: string[]) => Promise<Row[]>,
    private readonly keyOf: (row: Row) => string,
  ) {}

  async get(keys: readonly string[]): Promise<Row[]> {
    if (keys.length === 0) return [];
    const batch = this.open ?? this.start();
    keys.forEach((key) => batch.keys.add(key));
    const rows = await batch.rows;
    return [...new Set(keys)].flatMap((key) => {
      const row = rows.get(key);
      return row === undefined ? [] : [row];
    });
  }

  private start() {
    const keys = new Set<string>();
    const rows = new Promise<Map<string, Row>>((resolve, reject) =>
      queueMicrotask(() => {
        this.open = null; // later gets start the next batch
        this.read([...keys]).then((read) => resolve(new Map(read.map((row) => [this.keyOf(row), row]))), reject);
      }),
    );
    this.open = { keys, rows };
    return this.open;
  }
}
