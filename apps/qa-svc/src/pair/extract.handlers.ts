import { Controller } from '@nestjs/common';
import { proposeQaDrafts, type z } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import { proposeQaPairs } from '@govdisc/text-analysis';
import { PolicyDocuments } from './policy-documents.js';

/** The extraction assistant: reads the document from policy-svc and proposes cited drafts (nothing is saved). */
@Controller()
export class ExtractHandlers {
  constructor(private readonly documents: PolicyDocuments) {}

  @RpcHandler(proposeQaDrafts)
  async propose(req: z.output<typeof proposeQaDrafts.request>, meta: RpcMeta) {
    const doc = await this.documents.get(req.documentId, meta.actor);
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
