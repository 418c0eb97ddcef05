import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type PolicyDocumentView, getPolicyDocument, getPolicyDocumentByExternalId, getPolicyDocumentDetail, type z } from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a policy document from policy-svc by its id or its external id (citations use either). */
@Injectable()
export class PolicyDocuments {
  constructor(private readonly rpc: RpcClient) {}

  /** The document; throws POLICY_DOCUMENT_NOT_FOUND, SERVICE_UNAVAILABLE, … as policy-svc answers. */
  get(documentId: string): Promise<PolicyDocumentView> {
    return UUID.test(documentId)
      ? this.rpc.call(getPolicyDocument, { documentId })
      : this.rpc.call(getPolicyDocumentByExternalId, { externalId: documentId });
  }

  /** Its paragraphs with their clause anchors (by the document's own id). */
  async paragraphs(id: string): Promise<z.output<typeof getPolicyDocumentDetail.response>['paragraphs']> {
    return (await this.rpc.call(getPolicyDocumentDetail, { documentId: id })).paragraphs;
  }
}

export const isNotFound = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.POLICY_DOCUMENT_NOT_FOUND;
