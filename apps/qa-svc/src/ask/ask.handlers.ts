import { Controller } from '@nestjs/common';
import { askQuestion, askStats, listUnanswered, searchQaPart, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import { AskStatsService } from './ask-stats.service.js';
import { AskService } from './ask.service.js';
import { QaSearchPart } from './qa-search-part.js';
import { UnansweredService } from './unanswered.service.js';

@Controller()
export class AskHandlers {
  constructor(
    private readonly asking: AskService,
    private readonly unanswered: UnansweredService,
    private readonly searching: QaSearchPart,
    private readonly stats: AskStatsService,
  ) {}

  @RpcHandler(askStats)
  async askStats(req: z.output<typeof askStats.request>) {
    return this.stats.between(req);
  }

  @RpcHandler(searchQaPart)
  async search(req: z.output<typeof searchQaPart.request>) {
    return { parts: [await this.searching.search(req)] };
  }

  @RpcHandler(askQuestion)
  async ask(req: z.output<typeof askQuestion.request>) {
    return this.asking.ask(req.question, req.limit);
  }

  @RpcHandler(listUnanswered)
  async unansweredQueue(req: z.output<typeof listUnanswered.request>) {
    return pageView(await this.unanswered.list(req), req, (c) => ({
      id: c.id,
      sample: c.sample,
      variants: c.variants,
      count: c.count,
      firstAskedAt: c.firstAskedAt.toISOString(),
      lastAskedAt: c.lastAskedAt.toISOString(),
    }));
  }
}
