import { Injectable, Logger } from '@nestjs/common';
import { type AskRelated, searchGuideMatters, type z } from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';
import { PolicyDocuments, isNotFound } from '../pair/policy-documents.js';
import { TtlCache, within } from '../infra/ttl-cache.js';

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

  constructor(
    private readonly documents: PolicyDocuments,
    private readonly rpc: RpcClient,
  ) {}

  /** Related items per pair id; a pair whose lookups did not finish in time is missing. */
  async forPairs(pairs: readonly RelatedSource[]): Promise<Map<string, Related>> {
    const found = await Promise.all(pairs.map(async (p) => [p.id, await within(this.relatedOf(p), WAIT_MS)] as const));
    return new Map(found.filter((e): e is readonly [string, Related] => e[1] !== undefined));
  }

  /**
   * Looks a pair's related items up ahead of any ask (`refresh`: again, even if held); true when
   * every lookup answered. The prefetcher stops a round at the first false (a service is away).
   */
  async prefetch(pair: RelatedSource, { refresh = false } = {}): Promise<boolean> {
    const documentIds = documentIdsOf(pair);
    const load = <V>(cache: TtlCache<V>, key: string, fetch: () => Promise<V>) => (refresh ? cache.refresh(key, fetch) : cache.get(key, fetch));
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
    const unique = new Map(policies.filter((p): p is PolicyRef => p !== null).map((p) => [p.id, p]));
    return { policies: [...unique.values()], guides };
  }

  private async policy(documentId: string): Promise<PolicyRef | null> {
    try {
      const doc = await this.documents.get(documentId);
      return { id: doc.id, title: doc.title, docNumber: doc.docNumber };
    } catch (error) {
      if (isNotFound(error)) return null;
      this.logger.warn({ code: (error as { code?: string }).code, documentId }, 'related policy lookup failed');
      throw error;
    }
  }

  private async guidesFor(question: string, policyRefs: string[]): Promise<GuideRef[]> {
    try {
      const { items } = await this.rpc.call(searchGuideMatters, { q: question, policyRefs: policyRefs.slice(0, 20), limit: GUIDES_PER_ANSWER }, { timeoutMs: 2_000 });
      return items.map((m) => ({ id: m.id, code: m.code, name: m.name }));
    } catch (error) {
      this.logger.warn({ code: (error as { code?: string }).code }, 'related guide lookup failed');
      throw error;
    }
  }
}

const documentIdsOf = (pair: RelatedSource) => [...new Set([...pair.citations.map((c) => c.documentId), ...(pair.sourcePolicyId ? [pair.sourcePolicyId] : [])])];
const guideKey = (pair: RelatedSource) => `${pair.id}@${pair.version}`;
