import { Controller } from '@nestjs/common';
import { listQaTopics, reorderQaTopics, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { TopicRepository } from './topic.repository.js';

@Controller()
export class TopicHandlers {
  constructor(private readonly topics: TopicRepository) {}

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
