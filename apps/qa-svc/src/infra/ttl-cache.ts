/**
 * A small in-memory cache with a time to live and a size cap (oldest entries go first). It keeps
 * promises, so concurrent callers asking for the same key share one lookup; a rejected lookup is
 * dropped so the next caller tries again.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expires: number }>();

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
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
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
    this.entries.set(key, { value: Promise.resolve(value), expires: this.now() + this.ttlMs });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
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
