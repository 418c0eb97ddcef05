import { Controller, Logger } from '@nestjs/common';
import { type Actor, getPolicyDocumentDetail, isContentStaff } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import type { z } from 'zod';
import { CitingLookup } from '../document/citing-lookup.js';
import { toDetail } from '../document/document.mapper.js';
import { DocumentService } from '../document/document.service.js';
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
    // the related list is ranked beside the detail, not after it (it reads the document's stamp itself)
    const related = req.related > 0 ? this.related(req.documentId, req.related, meta.actor) : undefined;
    const { doc, view } = staff ? await this.staffDetail(req.documentId, meta.actor) : await this.documents.readerDetail(req.documentId);
    // nothing public cites a draft; an amended or repealed document still lists the guides that cite it
    const links = req.citing && doc.status !== 'DRAFT' ? await this.citing.of(doc) : { qa: [], guides: [] };
    return related ? { ...view, ...links, related: await related } : { ...view, ...links };
  }

  private async staffDetail(documentId: string, actor: Actor | null) {
    const { doc, versions } = await this.documents.detail(documentId, actor);
    return { doc, view: toDetail(doc, versions, true) };
  }

  /** The related list as `rpc.policy.document.related` gives it; a failed ranking leaves it empty, never the detail. */
  private async related(documentId: string, limit: number, actor: Actor | null) {
    try {
      return await this.relatedLists.related({ documentId, limit, actor });
    } catch (error) {
      this.logger.warn({ documentId, code: (error as { code?: string }).code }, 'related list failed: the detail goes without it');
      return [];
    }
  }
}
