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

  /** Claims the key; returns the existing record instead when someone already holds it. */
  async claim(scope: string, key: string, bodyHash: string): Promise<IdempotencyRecord | null> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { scope, key, expiresAt: { lt: new Date() } } });
    const expiresAt = new Date(Date.now() + this.config.IDEMPOTENCY_TTL_HOURS * 3_600_000);
    const inserted = await this.prisma.$executeRawUnsafe(
      `INSERT INTO idempotency_record (scope, key, body_hash, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      scope,
      key,
      bodyHash,
      expiresAt,
    );
    if (inserted === 1) return null;
    return this.prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  }

  complete(scope: string, key: string, status: number, responseBody: unknown) {
    return this.prisma.idempotencyRecord.update({
      where: { scope_key: { scope, key } },
      data: { state: 'DONE', status, responseBody: (responseBody ?? null) as never },
    });
  }

  release(scope: string, key: string) {
    return this.prisma.idempotencyRecord.deleteMany({ where: { scope, key, state: 'IN_PROGRESS' } });
  }
}
