import { type UpsertGuideMatterReq, type GuideMatterView, authorshipView, type z } from '@govdisc/contracts';
import type { GuideMatter } from '../generated/prisma/client.js';
import { citizenTopicClassifier, clauseAnchor } from '@govdisc/text-analysis';
import { canonicalJson } from '../publishing/canonical-json.util.js';

/** A matter's editable content (everything but its code) as validated by the contract, its topics settled. */
export type MatterContent = Omit<z.output<typeof UpsertGuideMatterReq>, 'code' | 'topics'> & {
  topics: string[];
  topicsOverridden: boolean;
};
type Detail = Omit<MatterContent, 'name' | 'type' | 'department' | 'summary' | 'promisedDays' | 'topics' | 'topicsOverridden' | 'siteIds'>;
type SiteRef = GuideMatterView['sites'][number];

/** Content → the row's columns: listing fields as columns, the rest of the guide in `detail`. */
export function toMatterRow(content: MatterContent) {
  const { name, type, department, summary, promisedDays, topics, topicsOverridden, siteIds, ...detail } = content;
  const policyRefs = [...new Set(detail.legalBasis.map((l) => l.policyId))];
  return { name, type, department, summary, promisedDays, topics, topicsOverridden, siteIds, policyRefs, detail: detail as object };
}

const EMPTY_DETAIL: Detail = {
  legalBasis: [],
  conditions: [],
  materials: [],
  steps: [],
  statutoryDays: null,
  fees: [],
  whereText: '',
  hoursText: '',
  onlineUrl: null,
  onlineDepth: '线下办理',
  consultPhones: [],
  complaintPhones: [],
};

/** The published (shown) content of a row. */
export function matterContentOf(m: GuideMatter): MatterContent {
  return {
    name: m.name,
    type: m.type as MatterContent['type'],
    department: m.department,
    summary: m.summary,
    promisedDays: m.promisedDays,
    topics: m.topics,
    topicsOverridden: m.topicsOverridden,
    siteIds: m.siteIds,
    ...EMPTY_DETAIL,
    ...(m.detail as Partial<Detail>),
  };
}

/**
 * An editor's topics win and are kept through later saves that leave `topics` out; without them (or with null or
 * an empty list) the shared classifier reads the name (as the title), the summary and the conditions.
 */
export function matterTopics(
  input: Pick<z.output<typeof UpsertGuideMatterReq>, 'topics' | 'name' | 'summary' | 'conditions'>,
  current: Pick<GuideMatter, 'topics' | 'topicsOverridden'> | null,
): Pick<MatterContent, 'topics' | 'topicsOverridden'> {
  if (input.topics?.length) return { topics: [...new Set(input.topics)], topicsOverridden: true };
  if (input.topics === undefined && current?.topicsOverridden) return { topics: current.topics, topicsOverridden: true };
  const body = [input.summary, ...input.conditions].join('\n');
  return { topics: citizenTopicClassifier().classify({ title: input.name, body }), topicsOverridden: false };
}

export const sameMatterContent = (m: GuideMatter, content: MatterContent): boolean =>
  canonicalJson(matterContentOf(m)) === canonicalJson(content);

/** The wire view; `sites` (published sites of the matter) only in a detail, authorship only for staff. */
export function toMatterView(m: GuideMatter, opts: { staff: boolean; sites?: SiteRef[] }): GuideMatterView {
  const c = matterContentOf(m);
  const pending = m.pendingEdit as { name?: string } | null;
  return {
    id: m.id,
    code: m.code,
    ...c,
    // the anchor the policy page gives the clause (第六条 → art-6), so a guide links straight to it
    legalBasis: c.legalBasis.map((l) => ({ ...l, anchor: l.clause ? clauseAnchor(l.clause) : null })),
    policyRefs: m.policyRefs,
    free: c.fees.every((f) => f.amountYuan === 0),
    sites: opts.sites ?? [],
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
    status: m.status,
    ...(opts.staff ? authorshipView(m, pending ? { name: pending.name ?? m.name } : null) : {}),
    ...(opts.staff ? { needsUpdate: needsUpdateView(m) } : {}),
  };
}

function needsUpdateView(m: GuideMatter): GuideMatterView['needsUpdate'] {
  if (!m.needsUpdate || !m.needsUpdateReason || !m.needsUpdatePolicyId || !m.needsUpdateAt) return null;
  return {
    reason: m.needsUpdateReason as 'AMENDED' | 'REPEALED' | 'EXPIRED',
    policyId: m.needsUpdatePolicyId,
    since: m.needsUpdateAt.toISOString(),
  };
}
