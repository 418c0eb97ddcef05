import { Controller } from '@nestjs/common';
import { proposeQaDrafts, type z } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import { extractQaDrafts } from '@govdisc/text-analysis';
import { PolicyDocuments } from './policy-documents.js';

/**
 * The extraction assistant: reads the document from policy-svc and proposes cited drafts (nothing is
 * saved). Each draft's question is built from its clause's own wording; clauses that yield no clean
 * question are skipped and their number returned, so the editor knows the rest were not forgotten.
 */
@Controller()
export class ExtractHandlers {
  constructor(private readonly documents: PolicyDocuments) {}

  @RpcHandler(proposeQaDrafts)
  async propose(req: z.output<typeof proposeQaDrafts.request>, meta: RpcMeta) {
    const doc = await this.documents.get(req.documentId, meta.actor);
    const { drafts: proposed, skipped } = extractQaDrafts(doc.body, { limit: req.limit, title: doc.title });
    const drafts = proposed.map((p) => ({
      question: p.question,
      answer: p.answer,
      kind: p.kind,
      score: p.score,
      citation: { documentId: doc.id, documentVersion: doc.version, anchor: p.anchor, quote: p.quote },
    }));
    return { documentId: doc.id, documentVersion: doc.version, drafts, skipped };
  }
}
