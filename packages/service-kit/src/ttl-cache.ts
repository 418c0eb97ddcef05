/**
 * A small in-memory cache with a time to live and a size cap (oldest entries go first). It keeps
 * promises, so concurrent callers asking for the same key share one lookup; a rejected lookup is
 * dropped so the next caller tries again.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const held = this.entries.get(key);
    if (held && held.expires > this.now()) return held.value;
    this.entries.delete(key);
    const value = load();
    const entry: Entry<V> = { value, expires: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    value.then(
      (v) => (entry.settled = { value: v }),
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /**
   * Loads `key` again and keeps the new value with a fresh time to live; until it arrives callers
   * keep getting the held one (no gap), and a failed load keeps it too.
   */
  async refresh(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.entries.has(key)) return this.get(key, load);
    const value = await load();
    this.entries.delete(key); // re-inserted last: the newest entry is evicted last
    this.entries.set(key, { value: Promise.resolve(value), expires: this.now() + this.ttlMs, settled: { value } });
    return value;
  }

  /**
   * What is held for `key` right now, without loading: `{ value }` when its lookup has succeeded
   * (and not expired), 'pending' while it runs, undefined when nothing is. Callers that hold all
   * they need answer without awaiting (or timing) anything.
   */
  peek(key: string): { value: V } | 'pending' | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.now()) return undefined;
    return entry.settled ?? 'pending';
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Entry<V> {
  value: Promise<V>;
  expires: number;
  /** set once the lookup succeeded */
  settled?: { value: V };
}

/** The promise's value if it settles within `ms`, else undefined (the promise itself goes on). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
