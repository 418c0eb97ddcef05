import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import type { UnansweredCluster } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

/** Where a new question goes: into an existing cluster (with its variants as they should now be), or a new one. */
export type ClusterChoice = { clusterId: string; variants: string[] } | null;

/** Queries on the unanswered-question clusters; which cluster a question belongs to is UnansweredService's rule. */
@Injectable()
export class UnansweredRepository {
  constructor(private readonly prisma: PrismaService) {}

  probe(): Promise<unknown> {
    return this.prisma.$queryRawUnsafe('SELECT 1');
  }

  /** Adds counts to clusters in one statement; returns the ids of the clusters that still exist. */
  async addCounts(perCluster: Map<string, number>): Promise<Set<string>> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE unanswered_cluster c SET count = c.count + v.n, last_asked_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE c.id = v.id RETURNING c.id::text AS id`,
      [...perCluster.keys()],
      [...perCluster.values()],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Files one question in a transaction of its own: reads the clusters sharing a token with it (GIN
   * index, the 50 most asked), lets `choose` pick one, then counts it there or opens a new cluster.
   * Returns the cluster's id.
   */
  file(
    q: { question: string; tokens: string[]; count: number },
    choose: (candidates: UnansweredCluster[]) => ClusterChoice,
  ): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      const candidates = await tx.unansweredCluster.findMany({
        where: { tokens: { hasSome: q.tokens } },
        take: 50,
        orderBy: { count: 'desc' },
      });
      const chosen = choose(candidates);
      if (chosen) {
        await tx.unansweredCluster.update({
          where: { id: chosen.clusterId },
          data: { count: { increment: q.count }, lastAskedAt: new Date(), variants: chosen.variants },
        });
        return chosen.clusterId;
      }
      return (await tx.unansweredCluster.create({ data: { sample: q.question, variants: [q.question], tokens: q.tokens, count: q.count } }))
        .id;
    });
  }

  list(query: { page: number; pageSize: number }) {
    return findPage(this.prisma.unansweredCluster, {
      orderBy: [{ count: 'desc' }, { lastAskedAt: 'desc' }],
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
