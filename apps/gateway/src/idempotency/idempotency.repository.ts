import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@govdisc/service-kit';
import type { IdempotencyRecord } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import type { AppConfig } from '../config/env.js';

@Injectable()
export class IdempotencyRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Claims the key: `{ claim }` (the claim's expiry, which names this claim in `complete` and `release`), or the
   * record of whoever already holds it (null if that record went away meanwhile: the caller may claim again).
   */
  async claim(scope: string, key: string, bodyHash: string): Promise<{ claim: Date } | { held: IdempotencyRecord | null }> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { scope, key, expiresAt: { lt: new Date() } } });
    const expiresAt = new Date(Date.now() + this.config.IDEMPOTENCY_TTL_HOURS * 3_600_000);
    const inserted = await this.prisma.$executeRawUnsafe(
      `INSERT INTO idempotency_record (scope, key, body_hash, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      scope,
      key,
      bodyHash,
      expiresAt,
    );
    if (inserted === 1) return { claim: expiresAt };
    return { held: await this.prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } }) };
  }

  /** Keeps the answer on this claim's record; false when that record is gone (another claim's is left alone). */
  async complete(scope: string, key: string, claim: Date, status: number, responseBody: unknown): Promise<boolean> {
    const { count } = await this.prisma.idempotencyRecord.updateMany({
      where: { scope, key, expiresAt: claim, state: 'IN_PROGRESS' },
      data: { state: 'DONE', status, responseBody: (responseBody ?? null) as never },
    });
    return count === 1;
  }

  /** Drops this claim, never a later one for the same key (a release retried in the background can arrive late). */
  release(scope: string, key: string, claim: Date) {
    return this.prisma.idempotencyRecord.deleteMany({ where: { scope, key, expiresAt: claim, state: 'IN_PROGRESS' } });
  }
}
