import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  citationBackfillStatus,
  editQaPair,
  getQaPair,
  importQaPairs,
  isContentStaff,
  listDocumentsCitedByPairs,
  listPairsCitingDocument,
  listQaPairs,
  qaPairHistory,
  startCitationBackfill,
  transitionQaPair,
  upsertQaPair,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import { CitationBackfill } from './citation-backfill.service.js';
import { ImportPairsUseCase } from './import-pairs.usecase.js';
import { toView } from './pair.mapper.js';
import { PairService } from './pair.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;

@Controller()
export class PairHandlers {
  constructor(
    private readonly pairs: PairService,
    private readonly importer: ImportPairsUseCase,
    private readonly backfill: CitationBackfill,
  ) {}

  @RpcHandler(upsertQaPair)
  async upsert(req: Req<typeof upsertQaPair>, meta: RpcMeta) {
    return toView((await this.pairs.upsert(req, meta.actor ?? ANONYMOUS)).pair, true);
  }

  @RpcHandler(editQaPair)
  async edit(req: Req<typeof editQaPair>, meta: RpcMeta) {
    return toView(await this.pairs.edit(req, meta.actor ?? ANONYMOUS), true);
  }

  @RpcHandler(getQaPair)
  async get(req: Req<typeof getQaPair>, meta: RpcMeta) {
    return toView(await this.pairs.get(req.pairId, meta.actor), isContentStaff(meta.actor));
  }

  @RpcHandler(listQaPairs)
  async list(req: Req<typeof listQaPairs>, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    return pageView(await this.pairs.list(req, meta.actor), req, (p) => toView(p, staff));
  }

  @RpcHandler(listPairsCitingDocument)
  async citing(req: Req<typeof listPairsCitingDocument>) {
    const pairs = await this.pairs.citing(req.documentId, req.externalId, req.limit);
    return { items: pairs.map((p) => ({ id: p.id, question: p.question })) };
  }

  @RpcHandler(listDocumentsCitedByPairs)
  async citedDocuments() {
    return { ids: await this.pairs.citedDocumentIds() };
  }

  @RpcHandler(transitionQaPair)
  async transition(req: Req<typeof transitionQaPair>, meta: RpcMeta) {
    return toView(await this.pairs.transition(req.pairId, req.action, meta.actor ?? ANONYMOUS, req.note), true);
  }

  @RpcHandler(qaPairHistory)
  async history(req: Req<typeof qaPairHistory>) {
    const items = await this.pairs.history(req.pairId);
    return {
      items: items.map((r) => ({
        version: r.version,
        action: r.action,
        status: r.status,
        actorSub: r.actorSub,
        note: r.note,
        at: r.at.toISOString(),
      })),
    };
  }

  @RpcHandler(importQaPairs)
  async import(req: Req<typeof importQaPairs>, meta: RpcMeta) {
    return this.importer.run(req.items, req.publish, meta.actor ?? ANONYMOUS);
  }

  @RpcHandler(startCitationBackfill)
  async startBackfill(_req: Req<typeof startCitationBackfill>, meta: RpcMeta) {
    return this.backfill.start(meta.actor ?? ANONYMOUS);
  }

  @RpcHandler(citationBackfillStatus)
  async backfillStatus() {
    return Promise.resolve(this.backfill.status());
  }
}
