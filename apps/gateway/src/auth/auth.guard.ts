import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, DomainError, ErrorCode } from '@govdisc/contracts';
import type { Request } from 'express';
import { ACCESS_KEY } from './access.decorator.js';
import { type RouteKey, accessPolicy, isAllowed } from './access-policy.js';
import { TokenVerifier } from './token-verifier.js';

/**
 * Enforces the authorization matrix on every API route. A route without a matrix row is refused
 * (fail closed); a sent token is always verified, even on public routes, so a bad token is a 401
 * rather than silently anonymous.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor | null }>();
    const key = this.reflector.get<RouteKey | undefined>(ACCESS_KEY, context.getHandler());
    if (!key) {
      if (!req.path.startsWith('/api/')) return true; // ops endpoints: /health, /ready, /metrics, /docs
      throw new DomainError(ErrorCode.FORBIDDEN, '该接口未配置访问权限。', { reason: 'route missing from the access matrix' });
    }
    const bearer = bearerOf(req);
    req.actor = bearer ? await this.tokens.verify(bearer) : null;
    if (isAllowed(key, req.actor?.roles ?? [], !!req.actor)) return true;
    if (!req.actor) throw new DomainError(ErrorCode.AUTH_REQUIRED);
    throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: accessPolicy[key] });
  }
}

function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/.exec(header);
  if (!match) throw new DomainError(ErrorCode.AUTH_INVALID_TOKEN, undefined, { reason: 'malformed Authorization header' });
  return match[1];
}
