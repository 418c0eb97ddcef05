import type { OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { type HitCount, SlidingWindowThrottlerStorage } from './sliding-window-storage.js';

const WINDOW_MS = 60_000;

/** Where the RateLimit-* headers go (a Fastify reply). */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Per-client rate limits (client = the token's subject when signed in, else the IP; see TRUST_PROXY),
 * counted per route. Every API route is under the `default` window; rows with `rateLimit: 'submit'`
 * also under the much tighter `submit` one. Which windows apply comes from the route's row, never
 * from the spelling of the path. Answers carry RateLimit-Limit/-Remaining/-Reset/-Policy of the
 * tightest window; a refusal is 429 RATE_LIMITED with Retry-After.
 */
export class RateLimiter implements OnModuleDestroy {
  constructor(
    private readonly limits: { perMinute: number; submitPerMinute: number },
    private readonly storage = new SlidingWindowThrottlerStorage(),
  ) {}

  /** `route` identifies the row (e.g. `POST /disclosure-requests`); throws when the client is over a limit. */
  take(route: string, submit: boolean, client: string, reply: HeaderSink): void {
    const key = `${route}|${client}`;
    const counted = this.storage.increment(key, WINDOW_MS, this.limits.perMinute, 0, 'default');
    let shown = { counted, limit: this.limits.perMinute };
    if (!counted.isBlocked && submit) {
      const tight = this.storage.increment(key, WINDOW_MS, this.limits.submitPerMinute, 0, 'submit');
      if (remainingOf(tight, this.limits.submitPerMinute) < remainingOf(counted, this.limits.perMinute))
        shown = { counted: tight, limit: this.limits.submitPerMinute };
    }
    const { counted: c, limit } = shown;
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(remainingOf(c, limit)));
    reply.header('RateLimit-Reset', String(c.isBlocked ? c.timeToBlockExpire : c.timeToExpire));
    reply.header('RateLimit-Policy', `${limit};w=${WINDOW_MS / 1000}`);
    if (c.isBlocked) {
      reply.header('Retry-After', String(c.timeToBlockExpire));
      throw new DomainError(ErrorCode.RATE_LIMITED, undefined, { retryAfterSeconds: c.timeToBlockExpire });
    }
  }

  onModuleDestroy(): void {
    this.storage.onModuleDestroy();
  }
}

const remainingOf = (c: HitCount, limit: number) => (c.isBlocked ? 0 : Math.max(0, limit - c.totalHits));
