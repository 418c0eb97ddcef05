import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOAuth2, ApiResponse } from '@nestjs/swagger';
import type { Actor } from '@govdisc/contracts';
import { PUBLIC, type RouteKey, accessPolicy } from './access-policy.js';

export const ACCESS_KEY = 'govdisc:access';

/**
 * Names the route's row in the authorization matrix (access-policy.ts); every API route has one.
 * The row is also published in the OpenAPI document as `x-access`, with the security schemes.
 */
export function Access(key: RouteKey) {
  const access = accessPolicy[key];
  const decorators = [SetMetadata(ACCESS_KEY, key), ApiExtension('x-access', { key, allowed: access })];
  if (access !== PUBLIC) {
    decorators.push(
      ApiBearerAuth(),
      ApiOAuth2([]),
      ApiResponse({ status: 401, description: 'No token, or an invalid/expired one (AUTH_REQUIRED, AUTH_INVALID_TOKEN)' }),
      ApiResponse({ status: 403, description: 'Signed in without a role this route needs (FORBIDDEN)' }),
    );
  }
  return applyDecorators(...decorators);
}

/** The caller as the auth guard established it (null for an anonymous call to a public route). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null,
);
