import { Controller } from '@nestjs/common';
import { listQaTopics, reorderQaTopics, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { TopicService } from './topic.service.js';

@Controller()
export class TopicHandlers {
  constructor(private readonly topics: TopicService) {}

  @RpcHandler(listQaTopics)
  async list() {
    return { items: await this.topics.listWithCounts() };
  }

  @RpcHandler(reorderQaTopics)
  async reorder(req: z.output<typeof reorderQaTopics.request>) {
    await this.topics.reorder(req.codes);
    return { items: await this.topics.listWithCounts() };
  }
}
