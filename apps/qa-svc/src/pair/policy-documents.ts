import { Injectable } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type PolicyDocumentView,
  getPolicyDocument,
  getPolicyDocumentByExternalId,
  getPolicyDocumentDetail,
  type z,
} from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a policy document from policy-svc by its id or its external id (citations use either). */
@Injectable()
export class PolicyDocuments {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * The document; throws POLICY_DOCUMENT_NOT_FOUND, SERVICE_UNAVAILABLE, … as policy-svc answers.
   * Drafts are found only for staff: pass the staff member the lookup is made for (none = the public).
   */
  get(documentId: string, actor: Actor | null = null): Promise<PolicyDocumentView> {
    return UUID.test(documentId)
      ? this.rpc.call(getPolicyDocument, { documentId }, { actor })
      : this.rpc.call(getPolicyDocumentByExternalId, { externalId: documentId }, { actor });
  }

  /** Its paragraphs with their clause anchors (by the document's own id). */
  async paragraphs(id: string, actor: Actor | null = null): Promise<z.output<typeof getPolicyDocumentDetail.response>['paragraphs']> {
    return (await this.rpc.call(getPolicyDocumentDetail, { documentId: id, citing: false }, { actor })).paragraphs;
  }
}

export const isNotFound = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.POLICY_DOCUMENT_NOT_FOUND;
