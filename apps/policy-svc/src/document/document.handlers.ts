import { Controller } from '@nestjs/common';
import {
  EDITORS,
  REVIEWERS,
  amendPolicyDocument,
  createPolicyDocument,
  expirePolicyDocument,
  getPolicyDocument,
  getPolicyDocumentByExternalId,
  getPolicyDocumentDetail,
  listPolicyDocuments,
  publishPolicyDocument,
  repealPolicyDocument,
  setPolicyClassification,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SERVICE_NAME } from '../config/env.js';
import { ClassificationService } from './classification.service.js';
import { DocumentLifecycleService } from './document-lifecycle.service.js';
import { toDetail, toSummary, toView } from './document.mapper.js';
import { DocumentService } from './document.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;
const ctxOf = (meta: RpcMeta) => ({ source: SERVICE_NAME, correlationId: meta.correlationId });

@Controller()
export class DocumentHandlers {
  constructor(
    private readonly documents: DocumentService,
    private readonly lifecycle: DocumentLifecycleService,
    private readonly classification: ClassificationService,
  ) {}

  @RpcHandler(createPolicyDocument, { allow: EDITORS })
  async create(req: Req<typeof createPolicyDocument>) {
    return toView(await this.documents.create(req));
  }

  @RpcHandler(publishPolicyDocument, { allow: REVIEWERS })
  async publish(req: Req<typeof publishPolicyDocument>, meta: RpcMeta) {
    return toView(await this.documents.publish(req.documentId, ctxOf(meta)));
  }

  @RpcHandler(getPolicyDocument)
  async get(req: Req<typeof getPolicyDocument>) {
    return toView(await this.documents.get(req.documentId));
  }

  @RpcHandler(getPolicyDocumentDetail)
  async detail(req: Req<typeof getPolicyDocumentDetail>) {
    const { doc, versions } = await this.documents.detail(req.documentId);
    return toDetail(doc, versions);
  }

  @RpcHandler(getPolicyDocumentByExternalId)
  async getByExternalId(req: Req<typeof getPolicyDocumentByExternalId>) {
    return toView(await this.documents.getByExternalId(req.externalId));
  }

  @RpcHandler(listPolicyDocuments)
  async list(req: Req<typeof listPolicyDocuments>) {
    return pageView(await this.documents.list(req), req, toSummary);
  }

  @RpcHandler(amendPolicyDocument, { allow: REVIEWERS })
  amend(req: Req<typeof amendPolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'amend', ctx: ctxOf(meta) });
  }

  @RpcHandler(repealPolicyDocument, { allow: REVIEWERS })
  repeal(req: Req<typeof repealPolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'repeal', ctx: ctxOf(meta) });
  }

  @RpcHandler(expirePolicyDocument, { allow: REVIEWERS })
  expire(req: Req<typeof expirePolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'expire', ctx: ctxOf(meta) });
  }

  @RpcHandler(setPolicyClassification, { allow: EDITORS })
  async classify(req: Req<typeof setPolicyClassification>, meta: RpcMeta) {
    const doc = await this.classification.set({ ...req, actor: meta.actor?.sub ?? 'unknown', ctx: ctxOf(meta) });
    const { versions } = await this.documents.detail(doc.id);
    return toDetail(doc, versions);
  }

  private async changeAndShow(input: Parameters<DocumentLifecycleService['change']>[0]) {
    const doc = await this.lifecycle.change(input);
    const { versions } = await this.documents.detail(doc.id);
    return toDetail(doc, versions);
  }
}
