import { Injectable } from '@nestjs/common';
import type { UpsertQaPairReq, z } from '@govdisc/contracts';
import { findPage } from '@govdisc/service-kit';
import type { QaPair, QaStatus } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class PairRepository {
  constructor(private readonly prisma: PrismaService) {}

  upsert(input: z.output<typeof UpsertQaPairReq>): Promise<QaPair> {
    const data = {
      question: input.question,
      answer: input.answer,
      sourcePolicyId: input.sourcePolicyId ?? null,
      ...(input.publish ? { status: 'PUBLISHED' as const } : {}),
    };
    if (!input.externalId) return this.prisma.qaPair.create({ data });
    return this.prisma.qaPair.upsert({
      where: { externalId: input.externalId },
      create: { ...data, externalId: input.externalId },
      update: data,
    });
  }

  findById(id: string): Promise<QaPair | null> {
    return this.prisma.qaPair.findUnique({ where: { id } });
  }

  list({ page, pageSize, status }: { page: number; pageSize: number; status?: QaStatus }) {
    return findPage(this.prisma.qaPair, {
      where: status ? { status } : {},
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      page,
      pageSize,
    });
  }
}
