import { Controller, Logger } from '@nestjs/common';
import { type Actor, getPolicyDocumentDetail, isContentStaff } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import type { z } from 'zod';
import { CitingLookup } from '../document/citing-lookup.js';
import { toDetail } from '../document/document.mapper.js';
import type { RelatedSource } from '../document/document.repository.js';
import { DocumentService, type ReaderView } from '../document/document.service.js';
import { RelatedService } from './related.service.js';

type DetailReq = z.output<typeof getPolicyDocumentDetail.request>;

/**
 * A document's detail (rpc.policy.document.detail): readers get the held reader view (DocumentService.readerDetail),
 * staff the full one. It lives beside the related lists so that one call can bring both: the portal's policy page
 * always shows them together (`related` > 0), and asking twice cost a second gateway request and RPC per page.
 */
@Controller()
export class DetailHandlers {
  private readonly logger = new Logger(DetailHandlers.name);

  constructor(
    private readonly documents: DocumentService,
    private readonly citing: CitingLookup,
    private readonly relatedLists: RelatedService,
  ) {}

  @RpcHandler(getPolicyDocumentDetail)
  async detail(req: DetailReq, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    const reader = staff ? null : this.documents.readerDetail(req.documentId);
    // The related list is ranked beside the detail, not after it. A reader's list ranks from the row the reader view
    // read (or checked by its stamp): one read of the row per first visit instead of two (ADR 0039). The stamps the
    // two ask on a second visit are read by one query (DocumentRepository.stamps), so both are asked in this tick.
    const source = reader?.then(relatedSourceOf, () => null);
    const related = req.related > 0 ? this.related(req.documentId, req.related, meta.actor, source) : undefined;
    const { doc, view } = reader ? await reader : await this.staffDetail(req.documentId, meta.actor);
    // nothing public cites a draft; an amended or repealed document still lists the guides that cite it
    const links = req.citing && doc.status !== 'DRAFT' ? await this.citing.of(doc) : { qa: [], guides: [] };
    return related ? { ...view, ...links, related: await related } : { ...view, ...links };
  }

  private async staffDetail(documentId: string, actor: Actor | null) {
    const { doc, versions } = await this.documents.detail(documentId, actor);
    return { doc, view: toDetail(doc, versions, true) };
  }

  /** The related list as `rpc.policy.document.related` gives it; a failed ranking leaves it empty, never the detail. */
  private async related(documentId: string, limit: number, actor: Actor | null, source?: Promise<RelatedSource | null>) {
    try {
      return await this.relatedLists.related({ documentId, limit, actor, ...(source ? { source } : {}) });
    } catch (error) {
      this.logger.warn({ documentId, code: (error as { code?: string }).code }, 'related list failed: the detail goes without it');
      return [];
    }
  }
}

/** What ranking reads of a document (DocumentRepository.relatedSource's columns), from its reader view. */
function relatedSourceOf({ doc, updatedAt }: ReaderView): RelatedSource {
  const { id, title, keywords, topics, canonicalId, amendedById, repealedById, status, version } = doc;
  return { id, title, keywords, topics, canonicalId, amendedById, repealedById, status, version, updatedAt };
}
