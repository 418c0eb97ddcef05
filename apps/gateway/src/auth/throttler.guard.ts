import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { type Actor, DomainError, ErrorCode } from '@govdisc/contracts';
import type { Request } from 'express';
import { ACCESS_KEY } from './access.decorator.js';
import type { RouteKey } from './access-policy.js';

/**
 * Routes where a citizen creates something, or presents a tracking code (a bearer secret; withdrawal also
 * takes a 4-digit second factor): a much tighter per-client limit applies, bounding guesses.
 */
export const SUBMISSION_ROUTES: ReadonlySet<string> = new Set<RouteKey>(['disclosure.submit', 'disclosure.track', 'disclosure.withdraw', 'qa.feedback']);

/**
 * Rate limits per client: the token's subject when signed in, else the IP. Two windows: `default`
 * for every API route, `submit` for submission routes only.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as Request & { actor?: Actor | null };
    return r.actor ? `sub:${r.actor.sub}` : `ip:${r.ip}`;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const req = props.context.switchToHttp().getRequest<Request>();
    if (!req.path.startsWith('/api/')) return true;
    const key = this.reflector.get<string | undefined>(ACCESS_KEY, props.context.getHandler());
    if (props.throttler.name === 'submit' && !(key && SUBMISSION_ROUTES.has(key))) return true;
    return super.handleRequest(props);
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new DomainError(ErrorCode.RATE_LIMITED);
  }
}
