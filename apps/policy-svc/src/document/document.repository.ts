import { Injectable } from '@nestjs/common';
import type { CreatePolicyDocumentReq } from '@govdisc/contracts';
import type { Prisma, PolicyDocument, DocumentStatus } from '../generated/prisma/client.js';
import { findPage } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;

/** The only place that queries policy documents. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts, or updates the row with the same external id (re-import), bumping its version. */
  upsert(input: CreatePolicyDocumentReq, tx: Tx = this.prisma): Promise<PolicyDocument> {
    const data = {
      title: input.title,
      docNumber: input.docNumber ?? null,
      agency: input.agency ?? null,
      publishDate: input.publishDate ?? null,
      level: input.level ?? null,
      region: input.region ?? null,
      docType: input.docType ?? null,
      body: input.body,
    };
    if (!input.externalId) return tx.policyDocument.create({ data });
    return tx.policyDocument.upsert({
      where: { externalId: input.externalId },
      create: { ...data, externalId: input.externalId },
      update: { ...data, version: { increment: 1 } },
    });
  }

  findById(id: string, tx: Tx = this.prisma): Promise<PolicyDocument | null> {
    return tx.policyDocument.findUnique({ where: { id } });
  }

  findByExternalId(externalId: string): Promise<PolicyDocument | null> {
    return this.prisma.policyDocument.findUnique({ where: { externalId } });
  }

  /** Locks the row for the rest of the transaction, so two publishes cannot both pass the status check. */
  async lockById(id: string, tx: Tx): Promise<PolicyDocument | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM policy_document WHERE id = $1::uuid FOR UPDATE', id);
    return this.findById(id, tx);
  }

  markPublished(id: string, tx: Tx): Promise<PolicyDocument> {
    return tx.policyDocument.update({
      where: { id },
      data: { status: 'PUBLISHED', publishedAt: new Date(), version: { increment: 1 } },
    });
  }

  list({ page, pageSize, status }: { page: number; pageSize: number; status?: DocumentStatus }) {
    return findPage(this.prisma.policyDocument, {
      where: status ? { status } : {},
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      page,
      pageSize,
    });
  }
}
