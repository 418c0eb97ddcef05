import { LRUCache } from 'lru-cache';

/**
 * Results of one replica that hold until what they were computed from changes: each entry belongs to
 * one generation of its source (a counter the source moves on every change), and a get with another
 * generation empties the cache. The time to live bounds whatever else can age. Used for 一号答's
 * answers (qa-svc) and policy search pages (policy-svc): people repeat the same questions and searches.
 */
export class GenerationCache<V extends object> {
  private readonly entries: LRUCache<string, V> | null;
  private generation = -1;

  /** `maxEntries` 0 turns the cache off. */
  constructor({ maxEntries, ttlMs }: { maxEntries: number; ttlMs: number }) {
    this.entries = maxEntries > 0 ? new LRUCache<string, V>({ max: maxEntries, ttl: ttlMs }) : null;
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  get(key: string, generation: number): V | undefined {
    if (!this.entries) return undefined;
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
      return undefined;
    }
    return this.entries.get(key);
  }

  /** Keeps `value` unless the source moved on while it was computed (`generation` is the one read before). */
  set(key: string, generation: number, value: V): void {
    if (this.entries && generation === this.generation) this.entries.set(key, value);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
