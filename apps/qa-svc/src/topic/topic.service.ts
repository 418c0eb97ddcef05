import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { TtlCache } from '@govdisc/service-kit';
import { TopicRepository } from './topic.repository.js';

type TopicWithCount = Awaited<ReturnType<TopicService['readWithCounts']>>[number];

@Injectable()
export class TopicService {
  /** The topic list is read on every home page; counts may lag a few seconds, the order never on this replica. */
  private readonly listed = new TtlCache<TopicWithCount[]>(5_000, 1);

  constructor(private readonly topics: TopicRepository) {}

  async assertKnown(codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    const found = await this.topics.existingCodes(codes);
    const unknown = codes.filter((c) => !found.has(c));
    if (unknown.length) throw new DomainError(ErrorCode.QA_TOPIC_UNKNOWN, undefined, { unknown });
  }

  /** Topics in the editors' order, each with its number of published pairs (cached for 5 s). */
  listWithCounts(): Promise<TopicWithCount[]> {
    return this.listed.get('all', () => this.readWithCounts());
  }

  private async readWithCounts() {
    const [topics, counts] = await Promise.all([this.topics.listOrdered(), this.topics.publishedCounts()]);
    return topics.map((t) => ({ ...t, publishedCount: counts.get(t.code) ?? 0 }));
  }

  /** Listed codes come first in the given order; the rest keep their relative order after them. */
  async reorder(codes: string[]): Promise<void> {
    await this.assertKnown(codes);
    const all = await this.topics.listOrdered();
    await this.topics.setOrder([...codes, ...all.map((t) => t.code).filter((c) => !codes.includes(c))]);
    this.listed.clear();
  }
}
