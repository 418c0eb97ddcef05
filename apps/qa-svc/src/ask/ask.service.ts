import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AskAnswer, type AskFallback, type z } from '@govdisc/contracts';
import { APP_CONFIG } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { PrismaService } from '../infra/prisma.service.js';
import { toView } from '../pair/pair.mapper.js';
import { rankAnswers } from '@govdisc/text-analysis';
import { PolicyFallback } from './policy-fallback.js';
import { QaIndexService } from './qa-index.service.js';
import { UnansweredRepository } from './unanswered.repository.js';

const CANDIDATES = 30;

/**
 * 一号答: the best stored answers for a free-form question, each with a confidence. Below the
 * threshold we say so, offer policy search results instead, and log the question for editors.
 */
@Injectable()
export class AskService {
  private readonly logger = new Logger(AskService.name);

  constructor(
    private readonly qaIndex: QaIndexService,
    private readonly prisma: PrismaService,
    private readonly unanswered: UnansweredRepository,
    private readonly policies: PolicyFallback,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ask(question: string, limit: number): Promise<{ answers: z.infer<typeof AskAnswer>[]; fallback: z.infer<typeof AskFallback> | null }> {
    const ranked = (await this.qaIndex.index.rank({ q: question, pageSize: CANDIDATES, match: 'loose' })).hits;
    const pairs = await this.prisma.qaPair.findMany({ where: { id: { in: ranked.map((h) => h.id) } }, include: { citations: { orderBy: { position: 'asc' } } } });
    const byId = new Map(pairs.map((p) => [p.id, p]));
    const questionOf = (id: string) => [byId.get(id)!.question, ...byId.get(id)!.alternatives].join('\n');
    const scored = rankAnswers(question, ranked.filter((h) => byId.has(h.id)), questionOf).map((r) => ({ pair: byId.get(r.id)!, confidence: r.confidence }));
    const answers = scored
      .filter((s) => s.confidence >= this.config.ASK_CONFIDENCE_THRESHOLD)
      .slice(0, limit)
      .map(({ pair, confidence }) => {
        const v = toView(pair);
        return { id: v.id, externalId: v.externalId, question: v.question, answer: v.answer, confidence, citations: v.citations };
      });
    if (answers.length > 0) return { answers, fallback: null };
    await this.unanswered.record(question).catch((error) => this.logger.warn({ err: error }, 'could not log unanswered question'));
    return { answers: [], fallback: { reason: 'NO_CONFIDENT_ANSWER', message: '暂未找到确切答案，以下政策文件可能有帮助。', policies: await this.policies.search(question) } };
  }
}
