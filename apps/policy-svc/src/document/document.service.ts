import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  assertNotOwnVersion,
  type CreatePolicyDocumentReq,
  isContentStaff,
  DomainError,
  ErrorCode,
  type MessageContext,
  documentPublished,
} from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { OutboxRelayHost, TtlCache } from '@govdisc/service-kit';
import type { DocumentStatus, PolicyDocument } from '../generated/prisma/client.js';
import { DocumentAnalyzer } from '../analysis/document-analyzer.js';
import { PrismaService } from '../infra/prisma.service.js';
import { DocumentRepository, contentColumns } from './document.repository.js';
import { type DetailRow, detailFields, publishedPayload } from './document.mapper.js';

/** How many documents' reader views are held (a body averages ~5,000 characters: some tens of MB at most). */
const READER_VIEWS = 2_000;
/** A reader's view, the row it shows (for the citing lookup and the related list) and that row's updated_at. */
export type ReaderView = { doc: DetailRow; view: ReturnType<typeof detailFields>; updatedAt: Date };
/** Changes whenever a document does (every write bumps its version or updated_at). */
export const stampKey = (row: Pick<PolicyDocument, 'status' | 'version' | 'updatedAt'>) =>
  // a raw query's timestamp may arrive as text: compare instants
  `${row.status}|${Number(row.version)}|${new Date(row.updatedAt).getTime()}`;

/** Document lifecycle rules. State change and its event commit in one transaction (outbox). */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger(DocumentService.name);
  /** Read for every home page's topic grid: counts may lag a few seconds. */
  private readonly topicCounts = new TtlCache<Record<string, number>>(5_000, 1);
  /** Reader views by document id, with the stamp of the row they were built from (readerDetail). */
  private readonly readerViews = new Map<string, { stamp: string; view: ReaderView }>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly documents: DocumentRepository,
    private readonly outbox: OutboxRelayHost,
    private readonly analyzer: DocumentAnalyzer,
  ) {}

  /**
   * Saves an editor's version. A new document or a draft is written in place; an edit of a document
   * the public sees is kept aside as its pending edit, and the published text stays until a
   * different person publishes the edit.
   */
  async create(input: CreatePolicyDocumentReq, actor: Actor): Promise<PolicyDocument> {
    const derived = this.analyzer.derive(input);
    const doc = await this.prisma.$transaction(async (tx) => {
      // An editor's keywords/topics on the stored row survive a re-save of the same external id.
      const found = input.externalId ? await this.documents.findByExternalId(input.externalId, tx) : null;
      const current = found ? await this.documents.lockById(found.id, tx) : null;
      if (current && current.status !== 'DRAFT') {
        // Re-saving the published text changes nothing (a re-run of a loader must not queue an edit).
        if (sameAsStored(current, input)) return current;
        return this.documents.savePendingEdit(current.id, { fields: contentColumns(input, derived), editedBy: actor.sub }, tx);
      }
      const saved = await this.documents.upsert(input, { ...keepOverrides(derived, current), editedBy: actor.sub }, tx);
      await this.documents.addVersion(saved, tx);
      return saved;
    });
    this.logger.log({ documentId: doc.id, version: doc.version, pending: doc.pendingEditedBy !== null }, 'policy document saved');
    return doc;
  }

  /** Drafts are staff-only: anyone else is told the document does not exist. */
  async get(id: string, actor: Actor | null = null): Promise<PolicyDocument> {
    const doc = await this.documents.findById(id);
    if (!doc || !visibleTo(doc, actor)) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: id });
    return doc;
  }

  async detail(id: string, actor: Actor | null = null) {
    const doc = await this.get(id, actor);
    return { doc, versions: await this.documents.versions(id) };
  }

  /**
   * The public reader's view (no staff fields) of a non-draft document. Built once per version of the row and held:
   * each call reads only the row's stamp (status, version, updated_at), so an amendment or repeal shows at once, on
   * every replica, while an unchanged document costs no text read, clause segmentation or mapping.
   */
  async readerDetail(id: string): Promise<ReaderView> {
    const held = this.readerViews.get(id);
    // nothing held (a first visit): the row itself is read at once, its stamp would be one query more
    if (held) {
      const stamp = await this.documents.stamp(id);
      if (!stamp || !visibleTo(stamp, null)) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: id });
      if (held.stamp === stampKey(stamp)) {
        this.readerViews.delete(id); // most recently used last: the oldest read is dropped first
        this.readerViews.set(id, held);
        return held.view;
      }
    }
    const row = await this.documents.readerRow(id);
    // gone or withdrawn to a draft since the stamp was read
    if (!row || !visibleTo(row.doc, null)) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: id });
    const view = { doc: row.doc, view: detailFields(row.doc, row.versions, false), updatedAt: row.updatedAt };
    this.readerViews.set(id, { stamp: stampKey({ ...row.doc, updatedAt: row.updatedAt }), view });
    while (this.readerViews.size > READER_VIEWS) this.readerViews.delete(this.readerViews.keys().next().value!);
    return view;
  }

  /** A saved version's text, or the pending edit's (`'pending'`): staff compare them (drafts are staff-only anyway). */
  async versionText(documentId: string, version: number | 'pending', actor: Actor | null) {
    const doc = await this.get(documentId, actor);
    const notFound = () => new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId, version });
    if (version === 'pending') {
      const edit = doc.pendingEdit as { title?: string; body?: string } | null;
      if (!edit || !doc.pendingEditedAt) throw notFound();
      return {
        documentId,
        version: null,
        pending: true,
        title: edit.title ?? doc.title,
        body: edit.body ?? doc.body,
        validity: null,
        editedBy: doc.pendingEditedBy,
        createdAt: doc.pendingEditedAt.toISOString(),
      };
    }
    const row = await this.documents.versionText(documentId, version);
    if (!row) throw notFound();
    return { ...row, pending: false, createdAt: row.createdAt.toISOString() };
  }

  async getByExternalId(externalId: string, actor: Actor | null = null): Promise<PolicyDocument> {
    const doc = await this.documents.findByExternalId(externalId);
    if (!doc || !visibleTo(doc, actor)) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { externalId });
    return doc;
  }

  /** Published documents per citizen topic code (cached for 5 s). */
  countsByTopic(): Promise<Record<string, number>> {
    return this.topicCounts.get('all', () => this.documents.publishedTopicCounts());
  }

  /** Everyone but staff gets published documents only: asking for drafts gives an empty page. */
  list(query: { page: number; pageSize: number; status?: DocumentStatus; topicCode?: string }, actor: Actor | null = null) {
    if (isContentStaff(actor)) return this.documents.list(query);
    return query.status === 'DRAFT'
      ? this.documents.list({ ...query, nothing: true })
      : this.documents.list({ ...query, publicOnly: true });
  }

  /**
   * Publishes a draft, or the pending edit of a published document, as a reviewer other than the
   * person who wrote that version (CONTENT_SELF_PUBLISH otherwise, admins included).
   */
  async publish(documentId: string, actor: Actor, ctx: MessageContext): Promise<PolicyDocument> {
    const doc = await this.prisma.$transaction(async (tx) => {
      const current = await this.documents.lockById(documentId, tx);
      if (!current) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId });
      let published: PolicyDocument;
      if (current.status === 'DRAFT') {
        assertNotOwnVersion({ actor, editedBy: current.editedBy, details: { documentId } });
        published = await this.documents.markPublished(documentId, actor.sub, tx);
      } else if (current.pendingEditedBy !== null) {
        assertNotOwnVersion({ actor, editedBy: current.pendingEditedBy, details: { documentId } });
        published = await this.documents.applyPendingEdit(current, actor.sub, tx);
      } else {
        throw new DomainError(ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED, undefined, { status: current.status });
      }
      await this.documents.addVersion(published, tx);
      await addToOutbox(tx, documentPublished.make(publishedPayload(published), ctx));
      return published;
    });
    this.logger.log({ documentId: doc.id, version: doc.version, publishedBy: actor.sub }, 'policy document published');
    this.outbox.relay.nudge();
    return doc;
  }
}

/** What the public may see: anything but a draft (amended, expired and repealed documents stay on record). */
export function visibleTo(doc: Pick<PolicyDocument, 'status'>, actor: Actor | null): boolean {
  return doc.status !== 'DRAFT' || isContentStaff(actor);
}

const SAVED_FIELDS = ['title', 'body', 'docNumber', 'agency', 'publishDate', 'level', 'region', 'docType'] as const;

function sameAsStored(current: PolicyDocument, input: CreatePolicyDocumentReq): boolean {
  return SAVED_FIELDS.every((k) => (current[k] ?? null) === (input[k] ?? null));
}

function keepOverrides<D extends Pick<PolicyDocument, 'keywords' | 'topics' | 'topicConfidence' | 'topicCodes'>>(
  derived: D,
  current: PolicyDocument | null,
): D {
  if (!current) return derived;
  return {
    ...derived,
    ...(current.keywordsOverridden ? { keywords: current.keywords } : {}),
    ...(current.topicsOverridden ? { topics: current.topics, topicConfidence: current.topicConfidence } : {}),
    ...(current.topicCodesOverridden ? { topicCodes: current.topicCodes } : {}),
  };
}
