import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { bodyHashOf } from './body-hash.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import type { IdempotencyRecord } from '../generated/prisma/client.js';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/**
 * The key as a service sees it (RpcMeta.idempotencyKey): a hash of the caller's scope (account or address, method and
 * path) and its key, so two callers' keys never meet in a service's table and no address is stored there.
 */
export function scopedIdempotencyKey(scope: string, key: string): string {
  return `gw1:${createHash('sha256').update(`${scope}\n${key}`).digest('hex')}`;
}

export type IdempotentOutcome = { replayed: false; body: unknown } | { replayed: true; body: unknown };

/**
 * `Idempotency-Key` on POST/PATCH: the first request runs and its answer is kept; a retry with the
 * same key and body (keys in any order) gets the same answer (header `Idempotent-Replayed: true`);
 * the same key with another body is 422; a retry while the first is still running is 409 with
 * Retry-After.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly records: IdempotencyRepository) {}

  /** the first background retry's pause (doubled five times: ~15 s in all); tests shorten it */
  firstRetryMs = 250;

  /** Runs `work` once per (scope, key); `scope` is the caller and the route as requested. */
  async run(opts: {
    scope: string;
    key: unknown;
    body: unknown;
    status: number;
    work: () => Promise<unknown>;
  }): Promise<IdempotentOutcome> {
    const { scope, key } = opts;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Idempotency-Key 格式不正确（8–200 个字母、数字或 ._:-）。');
    }
    const bodyHash = bodyHashOf(opts.body);
    const claimed = await this.claim(scope, key, bodyHash);
    if ('held' in claimed) {
      const existing = claimed.held;
      if (existing.bodyHash !== bodyHash) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      if (existing.state !== 'DONE') throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS); // answered with Retry-After: 1
      return { replayed: true, body: existing.responseBody };
    }
    const { claim } = claimed;
    let body: unknown;
    try {
      body = await opts.work();
    } catch (error) {
      // A failed request keeps nothing, so the client may retry it with the same key.
      await this.persistently(() => this.records.release(scope, key, claim));
      throw error;
    }
    await this.complete(scope, key, claim, opts.status, body);
    return { replayed: false, body };
  }

  /**
   * A holder's record that vanishes between the insert and the read (it expired or was released) is claimed again;
   * a key that keeps changing hands is answered as in progress (the client retries after a second).
   */
  private async claim(scope: string, key: string, bodyHash: string): Promise<{ claim: Date } | { held: IdempotencyRecord }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.records.claim(scope, key, bodyHash);
      if ('claim' in claimed) return claimed;
      if (claimed.held) return { held: claimed.held };
    }
    throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
  }

  /**
   * Keeps the answer for retries. The work is done by now, so a database that cannot take the record (it is
   * restarting) must not turn a stored request into a 500: the answer goes out and the record is retried in the
   * background. A claim the restart lost (nothing to update) leaves nothing to keep: a retry runs the work again,
   * which the services' own idempotency keys (RpcMeta.idempotencyKey) make safe.
   */
  private async complete(scope: string, key: string, claim: Date, status: number, body: unknown): Promise<void> {
    await this.persistently(() => this.records.complete(scope, key, claim, status, body));
  }

  /**
   * Tries a write once now; if the database cannot take it (it is restarting: often why the request failed), again in
   * the background for about 15 s — a release left undone would hold the key (every retry 409 until it expired).
   */
  private async persistently(write: () => Promise<unknown>): Promise<void> {
    const attempt = () =>
      write().then(
        () => true,
        () => false,
      );
    if (await attempt()) return;
    void (async () => {
      for (let delay = this.firstRetryMs; delay <= this.firstRetryMs * 32; delay *= 2) {
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        if (await attempt()) return;
      }
    })();
  }
}
