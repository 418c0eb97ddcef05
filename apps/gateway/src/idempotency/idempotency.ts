import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { bodyHashOf } from './body-hash.js';
import { IdempotencyRepository } from './idempotency.repository.js';

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
    const existing = await this.records.claim(scope, key, bodyHash);
    if (existing) {
      if (existing.bodyHash !== bodyHash) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      if (existing.state !== 'DONE') throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS); // answered with Retry-After: 1
      return { replayed: true, body: existing.responseBody };
    }
    let body: unknown;
    try {
      body = await opts.work();
    } catch (error) {
      // A failed request keeps nothing, so the client may retry it with the same key.
      await this.release(scope, key);
      throw error;
    }
    await this.records.complete(scope, key, opts.status, body);
    return { replayed: false, body };
  }

  /**
   * Releases the key. If the database cannot take that now (it is restarting: often why the request failed), retries
   * in the background for about 15 s instead of leaving the key held (every retry would get 409 until it expired).
   */
  private async release(scope: string, key: string): Promise<void> {
    const attempt = () =>
      this.records.release(scope, key).then(
        () => true,
        () => false,
      );
    if (await attempt()) return;
    void (async () => {
      for (let delay = 250; delay <= 8_000; delay *= 2) {
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        if (await attempt()) return;
      }
    })();
  }
}
