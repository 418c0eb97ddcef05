import { Controller } from '@nestjs/common';
import { DomainError, EDITORS, ErrorCode, REVIEWERS, getPolicyDocument, getPolicyDocumentByExternalId, proposeQaDrafts, type z } from '@govdisc/contracts';
import { RpcClient, RpcHandler } from '@govdisc/service-kit';
import { proposeQaPairs } from '@govdisc/text-analysis';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The extraction assistant: reads the document from policy-svc and proposes cited drafts (nothing is saved). */
@Controller()
export class ExtractHandlers {
  constructor(private readonly rpc: RpcClient) {}

  @RpcHandler(proposeQaDrafts, { allow: [...EDITORS, ...REVIEWERS] })
  async propose(req: z.output<typeof proposeQaDrafts.request>) {
    const doc = UUID.test(req.documentId)
      ? await this.rpc.call(getPolicyDocument, { documentId: req.documentId })
      : await this.rpc.call(getPolicyDocumentByExternalId, { externalId: req.documentId });
    if (!doc) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND);
    const drafts = proposeQaPairs(doc.body, req.limit).map((p) => ({
      question: p.question,
      answer: p.quote,
      kind: p.kind,
      score: p.score,
      citation: { documentId: doc.id, documentVersion: doc.version, anchor: p.anchor, quote: p.quote },
    }));
    return { documentId: doc.id, documentVersion: doc.version, drafts };
  }
}
