import { normalize } from '@govdisc/text-analysis';
import { LRUCache } from 'lru-cache';

/**
 * Recent ask results of one replica, by normalised question. Askers repeat themselves: a hotline's
 * day is mostly the same few hundred questions, and matching one costs about half a millisecond of
 * CPU. An entry belongs to one generation of the Q&A index: any change to the public pairs empties
 * the cache, so an edit, a retirement or a repeal is answered at once. The time to live bounds what
 * else can age (the policy search results of a fallback, related items); the caller re-checks each
 * cached answer's effective dates before serving it.
 */
export class AnswerCache<V extends object> {
  private readonly entries: LRUCache<string, V> | null;
  private generation = -1;

  constructor({ maxEntries, ttlMs }: { maxEntries: number; ttlMs: number }) {
    this.entries = maxEntries > 0 ? new LRUCache<string, V>({ max: maxEntries, ttl: ttlMs }) : null;
  }

  get(question: string, limit: number, generation: number): V | undefined {
    if (!this.entries) return undefined;
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
      return undefined;
    }
    return this.entries.get(key(question, limit));
  }

  /** Keeps `value` unless the index moved on while it was computed. */
  set(question: string, limit: number, generation: number, value: V): void {
    if (this.entries && generation === this.generation) this.entries.set(key(question, limit), value);
  }
}

const key = (question: string, limit: number) => `${limit}\u0000${normalize(question)}`;
