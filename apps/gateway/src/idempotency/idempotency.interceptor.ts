import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode } from '@govdisc/contracts';
import type { Request, Response } from 'express';
import { type Observable, catchError, from, of, switchMap, throwError } from 'rxjs';
import { bodyHashOf } from './body-hash.js';
import { IdempotencyRepository } from './idempotency.repository.js';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/**
 * `Idempotency-Key` on POST/PATCH: the first request runs and its answer is kept; a retry with the
 * same key and body (keys in any order) gets the same answer (header `Idempotent-Replayed: true`); the same key with
 * another body is 422; a retry while the first is still running is 409 with Retry-After.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor | null }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (!['POST', 'PATCH'].includes(req.method) || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return throwError(() => new DomainError(ErrorCode.VALIDATION_FAILED, 'Idempotency-Key 格式不正确（8–200 个字母、数字或 ._:-）。'));
    }
    const scope = `${req.actor ? `sub:${req.actor.sub}` : `ip:${req.ip}`}|${req.method} ${req.path}`;
    const bodyHash = bodyHashOf(req.body);
    return from(this.records.claim(scope, key, bodyHash)).pipe(
      switchMap((existing) => {
        if (!existing) return this.runAndKeep(next, successStatusOf(context, req.method), scope, key);
        if (existing.bodyHash !== bodyHash) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        if (existing.state !== 'DONE') {
          res.setHeader('Retry-After', '1');
          throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
        }
        res.setHeader('Idempotent-Replayed', 'true');
        return of(existing.responseBody);
      }),
    );
  }

  private runAndKeep(next: CallHandler, status: number, scope: string, key: string): Observable<unknown> {
    return next.handle().pipe(
      switchMap((body) => from(this.records.complete(scope, key, status, body)).pipe(switchMap(() => of(body)))),
      // A failed request keeps nothing, so the client may retry it with the same key.
      catchError((error: unknown) => from(this.records.release(scope, key)).pipe(switchMap(() => throwError(() => error)))),
    );
  }
}

/** The status Nest will answer with on success: @HttpCode if set, else 201 for POST and 200 otherwise. */
function successStatusOf(context: ExecutionContext, method: string): number {
  const explicit = Reflect.getMetadata('__httpCode__', context.getHandler()) as number | undefined;
  return explicit ?? (method === 'POST' ? 201 : 200);
}
