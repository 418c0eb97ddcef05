import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EmbeddedSearchIndex, type SearchDocument } from '@govdisc/search-index';
import { APP_CONFIG, ReadinessRegistry } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import type { QaPair } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { isPublic } from '../pair/pair.service.js';

/**
 * In-process search index of the public answers. Built from the database at start (5,000 pairs
 * take a few seconds), then kept current by polling rows changed since the last pass, so every
 * replica converges on its own without extra infrastructure.
 */
@Injectable()
export class QaIndexService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QaIndexService.name);
  readonly index = new EmbeddedSearchIndex();
  private watermark = { at: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
  private timer: NodeJS.Timeout | undefined;
  private ready = false;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('qa-index', async () => {
      if (!this.ready) throw new Error('Q&A index still building');
    });
  }

  async onApplicationBootstrap() {
    const started = Date.now();
    await this.refresh();
    this.ready = true;
    this.logger.log({ pairs: await this.index.count(), ms: Date.now() - started }, 'Q&A index built');
    this.timer = setInterval(() => this.refresh().catch((e) => this.logger.warn({ err: e }, 'Q&A index refresh failed')), this.config.QA_INDEX_REFRESH_MS);
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Applies every row changed since the last pass: public ones in, the others out. */
  async refresh(): Promise<void> {
    for (;;) {
      const { at, id } = this.watermark;
      const rows = await this.prisma.qaPair.findMany({
        // Keyset pagination on (updatedAt, id): no row is skipped, even when many share a timestamp.
        where: { OR: [{ updatedAt: { gt: at } }, { updatedAt: at, id: { gt: id } }] },
        orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
        take: 1000,
        include: { citations: true },
      });
      if (rows.length === 0) return;
      const visible = rows.filter((r) => isPublic(r));
      await this.index.upsert(visible.map(toSearchDocument));
      for (const r of rows) if (!isPublic(r)) await this.index.delete(r.id);
      const last = rows[rows.length - 1]!;
      this.watermark = { at: last.updatedAt, id: last.id };
      if (rows.length < 1000) return;
    }
  }
}

/** The question and its alternative phrasings are the title (weighted), the answer the body. */
export function toSearchDocument(pair: QaPair): SearchDocument {
  return {
    id: pair.id,
    externalId: pair.externalId,
    title: [pair.question, ...pair.alternatives].join('\n'),
    agencies: pair.ownerDepartment ? [pair.ownerDepartment] : [],
    topics: pair.topics,
    validity: '有效',
    publishDate: null,
    body: pair.answer,
    version: pair.version,
  };
}
