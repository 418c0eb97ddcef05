import { Injectable } from '@nestjs/common';
import type { DisclosureRequest, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export type NewRequest = Omit<Prisma.DisclosureRequestCreateInput, 'requestNumber'>;

@Injectable()
export class RequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Next number of the year; the counter row is locked by the upsert until the transaction ends. */
  async nextNumber(year: number, tx: Tx): Promise<number> {
    const counter = await tx.requestCounter.upsert({
      where: { year },
      create: { year, value: 1 },
      update: { value: { increment: 1 } },
    });
    return counter.value;
  }

  create(data: Prisma.DisclosureRequestCreateInput, tx: Tx): Promise<DisclosureRequest> {
    return tx.disclosureRequest.create({ data });
  }

  findByTrackingCode(trackingCode: string): Promise<DisclosureRequest | null> {
    return this.prisma.disclosureRequest.findUnique({ where: { trackingCode } });
  }
}
