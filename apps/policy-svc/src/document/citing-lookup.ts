import { Injectable, Logger } from '@nestjs/common';
import {
  type PolicyDocumentDetailWithLinks,
  listDocumentsCitedByPairs,
  listMattersCitingPolicy,
  listPairsCitingDocument,
  listPoliciesCitedByMatters,
  type z,
} from '@govdisc/contracts';
import { RpcClient, TtlCache, within } from '@govdisc/service-kit';
import { CitedIds } from './cited-ids.js';

type Links = Pick<z.infer<typeof PolicyDocumentDetailWithLinks>, 'qa' | 'guides'>;

/** How long a detail waits for a part it does not hold; a later detail gets it from the cache. */
const WAIT_MS = 300;
/** How long a part is kept: a pair or guide published (or flagged) meanwhile shows after this. */
export const CITING_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const PER_PART = 20;
const RPC_TIMEOUT_MS = 2_000;
/** After a failed call to a service, its part is left out at once (no call, no log line) for this long. */
export const RETRY_AFTER_MS = 5_000;

/**
 * What cites a policy document (看·问·办): published Q&A pairs (qa-svc) and published service guides
 * whose legal basis names it (service-guide-svc). Both parts are asked in parallel, shared between
 * concurrent details and cached briefly; a part that does not arrive within WAIT_MS is empty in this
 * detail (the call goes on and fills the cache), and a service that failed is not asked again for
 * RETRY_AFTER_MS. A detail never fails because of them. A document outside the set of ids a service says anything
 * cites (CitedIds, asked once per CITING_TTL_MS) gets that part empty without a call.
 */
@Injectable()
export class CitingLookup {
  private readonly logger = new Logger(CitingLookup.name);
  private readonly qa = new TtlCache<Links['qa']>(CITING_TTL_MS, MAX_ENTRIES);
  private readonly guides = new TtlCache<Links['guides']>(CITING_TTL_MS, MAX_ENTRIES);
  private readonly pausedUntil = { qa: 0, guides: 0 };
  private readonly cited: Record<'qa' | 'guides', CitedIds>;

  constructor(private readonly rpc: RpcClient) {
    const ids = async (contract: typeof listDocumentsCitedByPairs | typeof listPoliciesCitedByMatters) =>
      (await this.rpc.call(contract, {}, { timeoutMs: RPC_TIMEOUT_MS })).ids;
    this.cited = {
      qa: new CitedIds(() => ids(listDocumentsCitedByPairs), CITING_TTL_MS),
      guides: new CitedIds(() => ids(listPoliciesCitedByMatters), CITING_TTL_MS),
    };
  }

  async of(doc: { id: string; externalId: string | null }): Promise<Links> {
    const request = { documentId: doc.id, externalId: doc.externalId, limit: PER_PART };
    const [qa, guides] = await Promise.all([
      this.part(
        'qa',
        this.qa,
        doc,
        async () => (await this.rpc.call(listPairsCitingDocument, request, { timeoutMs: RPC_TIMEOUT_MS })).items,
      ),
      this.part(
        'guides',
        this.guides,
        doc,
        async () => (await this.rpc.call(listMattersCitingPolicy, request, { timeoutMs: RPC_TIMEOUT_MS })).items,
      ),
    ]);
    return { qa, guides };
  }

  clear(): void {
    this.qa.clear();
    this.guides.clear();
    this.cited.qa.clear();
    this.cited.guides.clear();
  }

  private async part<V>(
    name: 'qa' | 'guides',
    cache: TtlCache<V[]>,
    doc: { id: string; externalId: string | null },
    load: () => Promise<V[]>,
  ): Promise<V[]> {
    if (this.cited[name].cites(doc) === false) return [];
    const key = doc.id;
    const held = cache.peek(key);
    if (held && held !== 'pending') return held.value;
    if (held === undefined && Date.now() < this.pausedUntil[name]) return [];
    const lookup = cache.get(key, load).catch((error: unknown) => {
      if (Date.now() >= this.pausedUntil[name])
        this.logger.warn({ part: name, code: (error as { code?: string }).code, retryInMs: RETRY_AFTER_MS }, 'citing lookup failed');
      this.pausedUntil[name] = Date.now() + RETRY_AFTER_MS;
      return undefined;
    });
    return (await within(lookup, WAIT_MS)) ?? [];
  }
}
