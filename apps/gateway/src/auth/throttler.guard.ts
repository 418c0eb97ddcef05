import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { type Actor, DomainError, ErrorCode } from '@govdisc/contracts';
import type { Request, Response } from 'express';
import { ACCESS_KEY } from './access.decorator.js';
import type { RouteKey } from './access-policy.js';

/**
 * Routes where a citizen creates something, or presents a tracking code (a bearer secret; withdrawal also
 * takes a 4-digit second factor): a much tighter per-client limit applies, bounding guesses.
 */
export const SUBMISSION_ROUTES: ReadonlySet<string> = new Set<RouteKey>(['disclosure.submit', 'disclosure.track', 'disclosure.withdraw', 'qa.feedback']);

/**
 * Rate limits per client: the token's subject when signed in, else the IP (see TRUST_PROXY). Two
 * windows: `default` for every API route, `submit` for submission routes only. Which routes count
 * is decided by the route's access-matrix row, never by the spelling of the path, so `/API/…` or
 * `//api/…` cannot slip past (they do not route either: routing is case-sensitive).
 *
 * The guard runs after AuthGuard: a rejected token is a 401 before any budget is touched, so it
 * neither spends nor resets anyone's allowance, and an anonymous caller keeps the IP's budget.
 * Answers carry RateLimit-Limit/-Remaining/-Reset (the tightest window), a 429 also Retry-After.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as Request & { actor?: Actor | null };
    return r.actor ? `sub:${r.actor.sub}` : `ip:${r.ip}`;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, blockDuration, getTracker, generateKey } = props;
    const key = this.reflector.get<string | undefined>(ACCESS_KEY, context.getHandler());
    if (!key) return true; // ops endpoints (/health, /ready, /docs) and the embedded issuer (its own lockout)
    if (throttler.name === 'submit' && !SUBMISSION_ROUTES.has(key)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const tracker = await getTracker(req as never, context);
    const counted = await this.storageService.increment(generateKey(context, tracker, throttler.name!), ttl, limit, blockDuration, throttler.name!);
    const remaining = counted.isBlocked ? 0 : Math.max(0, limit - counted.totalHits);
    const reset = counted.isBlocked ? counted.timeToBlockExpire : counted.timeToExpire;
    setTightest(res, limit, remaining, reset, Math.round(ttl / 1000));
    if (counted.isBlocked) {
      res.setHeader('Retry-After', String(counted.timeToBlockExpire));
      throw new DomainError(ErrorCode.RATE_LIMITED, undefined, { retryAfterSeconds: counted.timeToBlockExpire });
    }
    return true;
  }
}

/** A route under two windows reports the one with the fewest requests left. */
function setTightest(res: Response, limit: number, remaining: number, reset: number, windowSeconds: number): void {
  const current = res.getHeader('RateLimit-Remaining');
  if (current !== undefined && Number(current) <= remaining) return;
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(remaining));
  res.setHeader('RateLimit-Reset', String(reset));
  res.setHeader('RateLimit-Policy', `${limit};w=${windowSeconds}`);
}
