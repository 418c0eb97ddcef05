import { Controller } from '@nestjs/common';
import { qaFeedbackStats, submitQaFeedback, type z } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import { PairService } from '../pair/pair.service.js';
import { FeedbackRepository } from './feedback.repository.js';

@Controller()
export class FeedbackHandlers {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly pairs: PairService,
  ) {}

  /** Anyone may rate a published answer ("good/bad review"); the pair must be visible to them. */
  @RpcHandler(submitQaFeedback)
  async submit(req: z.output<typeof submitQaFeedback.request>, meta: RpcMeta) {
    await this.pairs.get(req.pairId, meta.actor);
    await this.feedback.add({ ...req, actorSub: meta.actor?.sub ?? null });
    return { recorded: true as const };
  }

  @RpcHandler(qaFeedbackStats)
  async stats(req: z.output<typeof qaFeedbackStats.request>) {
    return this.feedback.stats(req.topic);
  }
}
