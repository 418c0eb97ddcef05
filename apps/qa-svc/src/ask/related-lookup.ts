import { Injectable, Logger } from '@nestjs/common';
import { type AskRelated, DomainError, ErrorCode, searchGuideMatters, type z } from '@govdisc/contracts';
import { RpcClient, TtlCache, within } from '@govdisc/service-kit';
import { PolicyDocuments, isNotFound } from '../pair/policy-documents.js';

type Related = z.infer<typeof AskRelated>;
type PolicyRef = Related['policies'][number];
type GuideRef = Related['guides'][number];

/** What of an answered pair the lookup needs. */
export interface RelatedSource {
  id: string;
  version: number;
  question: string;
  sourcePolicyId: string | null;
  citations: readonly { documentId: string }[];
}

/** How long an ask waits for related items it does not hold yet; later asks get them from the cache. */
const WAIT_MS = 250;
/** Related items are refreshed in the background well before this (RelatedPrefetch), so this bounds staleness. */
export const RELATED_TTL_MS = 30 * 60_000;
const MAX_ENTRIES = 50_000;
const GUIDES_PER_ANSWER = 3;
/** After a failed call to a service, lookups from it fail at once (no call, no log line) for this long. */
export const RETRY_AFTER_MS = 5_000;

/**
 * Related policy documents (the ones an answer cites, titles from policy-svc) and service guides
 * (service-guide-svc's matters that implement those policies or whose name fits the question) for
 * answered pairs. Lookups run in parallel, are shared between concurrent asks and cached (and kept
 * fresh by RelatedPrefetch), so an ask makes no call at all; what does not arrive within WAIT_MS is
 * left out.
 */
@Injectable()
export class RelatedLookup {
  private readonly logger = new Logger(RelatedLookup.name);
  private readonly policies = new TtlCache<PolicyRef | null>(RELATED_TTL_MS, MAX_ENTRIES);
  private readonly guides = new TtlCache<GuideRef[]>(RELATED_TTL_MS, MAX_ENTRIES);
  private readonly policySvc: Backoff;
  private readonly guideSvc: Backoff;

  constructor(
    private readonly documents: PolicyDocuments,
    private readonly rpc: RpcClient,
  ) {
    this.policySvc = new Backoff();
    this.guideSvc = new Backoff();
  }

  /** Related items per pair id; a pair whose lookups did not finish in time is missing. */
  async forPairs(pairs: readonly RelatedSource[]): Promise<Map<string, Related>> {
    const out = new Map<string, Related>();
    const pending: RelatedSource[] = [];
    for (const p of pairs) {
      const held = this.heldRelated(p);
      if (held) out.set(p.id, held);
      else pending.push(p);
    }
    if (pending.length === 0) return out; // the usual case: RelatedPrefetch keeps every public pair's items
    const found = await Promise.all(pending.map(async (p) => [p.id, await within(this.relatedOf(p), WAIT_MS)] as const));
    for (const [id, related] of found) if (related !== undefined) out.set(id, related);
    return out;
  }

  /**
   * Looks a pair's related items up ahead of any ask (`refresh`: again, even if held); true when
   * every lookup answered. The prefetcher stops a round at the first false (a service is away).
   */
  async prefetch(pair: RelatedSource, { refresh = false } = {}): Promise<boolean> {
    const documentIds = documentIdsOf(pair);
    const load = <V>(cache: TtlCache<V>, key: string, fetch: () => Promise<V>) =>
      refresh ? cache.refresh(key, fetch) : cache.get(key, fetch);
    const results = await Promise.allSettled([
      ...documentIds.map((id) => load(this.policies, id, () => this.policy(id))),
      load(this.guides, guideKey(pair), () => this.guidesFor(pair.question, documentIds)),
    ]);
    return results.every((r) => r.status === 'fulfilled');
  }

  private async relatedOf(pair: RelatedSource): Promise<Related> {
    const documentIds = documentIdsOf(pair);
    const [policies, guides] = await Promise.all([
      Promise.all(documentIds.map((id) => this.policies.get(id, () => this.policy(id)).catch(() => null))),
      this.guides.get(guideKey(pair), () => this.guidesFor(pair.question, documentIds)).catch((): GuideRef[] => []),
    ]);
    return related(policies, guides);
  }

  /**
   * What relatedOf would give, when every part is already known: held in the caches, or from a
   * service that is in its retry pause (whose lookup would fail at once: none).
   */
  private heldRelated(pair: RelatedSource): Related | undefined {
    const policies: (PolicyRef | null)[] = [];
    for (const id of documentIdsOf(pair)) {
      const policy = known(this.policies.peek(id), this.policySvc, null);
      if (policy === undefined) return undefined;
      policies.push(policy);
    }
    const guides = known(this.guides.peek(guideKey(pair)), this.guideSvc, []);
    return guides && related(policies, guides);
  }

  private async policy(documentId: string): Promise<PolicyRef | null> {
    this.policySvc.check();
    try {
      const doc = await this.documents.get(documentId);
      return { id: doc.id, title: doc.title, docNumber: doc.docNumber };
    } catch (error) {
      if (isNotFound(error)) return null;
      this.policySvc.failed();
      this.logger.warn({ code: (error as { code?: string }).code, documentId, retryInMs: RETRY_AFTER_MS }, 'related policy lookup failed');
      throw error;
    }
  }

  private async guidesFor(question: string, policyRefs: string[]): Promise<GuideRef[]> {
    this.guideSvc.check();
    try {
      const { items } = await this.rpc.call(
        searchGuideMatters,
        { q: question, policyRefs: policyRefs.slice(0, 20), limit: GUIDES_PER_ANSWER },
        { timeoutMs: 2_000 },
      );
      return items.map((m) => ({ id: m.id, code: m.code, name: m.name }));
    } catch (error) {
      this.guideSvc.failed();
      this.logger.warn({ code: (error as { code?: string }).code, retryInMs: RETRY_AFTER_MS }, 'related guide lookup failed');
      throw error;
    }
  }
}

/**
 * A service that just failed is not called again for RETRY_AFTER_MS: when it is away, every answer
 * would otherwise cost a failed call and a log line.
 */
class Backoff {
  private until = 0;

  pausing(): boolean {
    return Date.now() < this.until;
  }

  /** Throws SERVICE_UNAVAILABLE while pausing. */
  check(): void {
    if (this.pausing()) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE);
  }

  failed(): void {
    this.until = Date.now() + RETRY_AFTER_MS;
  }
}

/** A cached part without waiting: the held value, `none` when its service pauses (its lookup would fail at once), else undefined. */
function known<V>(peeked: { value: V } | 'pending' | undefined, service: Backoff, none: V): V | undefined {
  if (peeked === undefined) return service.pausing() ? none : undefined;
  return peeked === 'pending' ? undefined : peeked.value;
}

function related(policies: readonly (PolicyRef | null)[], guides: GuideRef[]): Related {
  const unique = new Map(policies.filter((p): p is PolicyRef => p !== null).map((p) => [p.id, p]));
  return { policies: [...unique.values()], guides };
}

const documentIdsOf = (pair: RelatedSource) => [
  ...new Set([...pair.citations.map((c) => c.documentId), ...(pair.sourcePolicyId ? [pair.sourcePolicyId] : [])]),
];
const guideKey = (pair: RelatedSource) => `${pair.id}@${pair.version}`;
