import { Controller } from '@nestjs/common';
import { EDITORS, REVIEWERS, createPolicyDocument, getPolicyDocument, getPolicyDocumentByExternalId, listPolicyDocuments, publishPolicyDocument } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SERVICE_NAME } from '../config/env.js';
import { toSummary, toView } from './document.mapper.js';
import { DocumentService } from './document.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;

@Controller()
export class DocumentHandlers {
  constructor(private readonly documents: DocumentService) {}

  @RpcHandler(createPolicyDocument, { allow: EDITORS })
  async create(req: Req<typeof createPolicyDocument>) {
    return toView(await this.documents.create(req));
  }

  @RpcHandler(publishPolicyDocument, { allow: REVIEWERS })
  async publish(req: Req<typeof publishPolicyDocument>, meta: RpcMeta) {
    const ctx = { source: SERVICE_NAME, correlationId: meta.correlationId };
    return toView(await this.documents.publish(req.documentId, ctx));
  }

  @RpcHandler(getPolicyDocument)
  async get(req: Req<typeof getPolicyDocument>) {
    return toView(await this.documents.get(req.documentId));
  }

  @RpcHandler(getPolicyDocumentByExternalId)
  async getByExternalId(req: Req<typeof getPolicyDocumentByExternalId>) {
    return toView(await this.documents.getByExternalId(req.externalId));
  }

  @RpcHandler(listPolicyDocuments)
  async list(req: Req<typeof listPolicyDocuments>) {
    return pageView(await this.documents.list(req), req, toSummary);
  }
}
