import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  type Actor,
  isContentStaff,
  amendPolicyDocument,
  createPolicyDocument,
  expirePolicyDocument,
  getPolicyDocument,
  getPolicyDocumentByExternalId,
  getPolicyDocumentVersion,
  listPolicyDocuments,
  policyTopicCounts,
  publishPolicyDocument,
  repealPolicyDocument,
  setPolicyClassification,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SERVICE_NAME } from '../config/env.js';
import { ClassificationService } from './classification.service.js';
import { DocumentLifecycleService } from './document-lifecycle.service.js';
import { toDetail, toStaffSummary, toSummary, toView } from './document.mapper.js';
import { DocumentService } from './document.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;
const ctxOf = (meta: RpcMeta) => ({ source: SERVICE_NAME, correlationId: meta.correlationId });
/** Staff-only handlers are authorized before they run, so an actor is always there. */
const actorOf = (meta: RpcMeta) => meta.actor ?? ANONYMOUS;

@Controller()
export class DocumentHandlers {
  constructor(
    private readonly documents: DocumentService,
    private readonly lifecycle: DocumentLifecycleService,
    private readonly classification: ClassificationService,
  ) {}

  @RpcHandler(createPolicyDocument)
  async create(req: Req<typeof createPolicyDocument>, meta: RpcMeta) {
    return toView(await this.documents.create(req, actorOf(meta)), true);
  }

  @RpcHandler(publishPolicyDocument)
  async publish(req: Req<typeof publishPolicyDocument>, meta: RpcMeta) {
    return toView(await this.documents.publish(req.documentId, actorOf(meta), ctxOf(meta)), true);
  }

  @RpcHandler(getPolicyDocument)
  async get(req: Req<typeof getPolicyDocument>, meta: RpcMeta) {
    return toView(await this.documents.get(req.documentId, meta.actor), isContentStaff(meta.actor));
  }

  @RpcHandler(getPolicyDocumentVersion)
  version(req: Req<typeof getPolicyDocumentVersion>, meta: RpcMeta) {
    return this.documents.versionText(req.documentId, req.version, meta.actor);
  }

  @RpcHandler(getPolicyDocumentByExternalId)
  async getByExternalId(req: Req<typeof getPolicyDocumentByExternalId>, meta: RpcMeta) {
    return toView(await this.documents.getByExternalId(req.externalId, meta.actor), isContentStaff(meta.actor));
  }

  @RpcHandler(listPolicyDocuments)
  async list(req: Req<typeof listPolicyDocuments>, meta: RpcMeta) {
    return pageView(await this.documents.list(req, meta.actor), req, isContentStaff(meta.actor) ? toStaffSummary : toSummary);
  }

  @RpcHandler(policyTopicCounts)
  async topicCounts() {
    return { counts: await this.documents.countsByTopic() };
  }

  @RpcHandler(amendPolicyDocument)
  amend(req: Req<typeof amendPolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'amend', ctx: ctxOf(meta) }, actorOf(meta));
  }

  @RpcHandler(repealPolicyDocument)
  repeal(req: Req<typeof repealPolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'repeal', ctx: ctxOf(meta) }, actorOf(meta));
  }

  @RpcHandler(expirePolicyDocument)
  expire(req: Req<typeof expirePolicyDocument>, meta: RpcMeta) {
    return this.changeAndShow({ ...req, change: 'expire', ctx: ctxOf(meta) }, actorOf(meta));
  }

  @RpcHandler(setPolicyClassification)
  async classify(req: Req<typeof setPolicyClassification>, meta: RpcMeta) {
    const doc = await this.classification.set({ ...req, actor: meta.actor?.sub ?? 'unknown', ctx: ctxOf(meta) });
    const { versions } = await this.documents.detail(doc.id, meta.actor);
    return toDetail(doc, versions, true);
  }

  private async changeAndShow(input: Parameters<DocumentLifecycleService['change']>[0], actor: Actor) {
    const doc = await this.lifecycle.change(input);
    const { versions } = await this.documents.detail(doc.id, actor);
    return toDetail(doc, versions, true);
  }
}
