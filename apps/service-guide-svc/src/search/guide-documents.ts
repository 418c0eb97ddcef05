import type { SearchDocument } from '@govdisc/search-index';
import type { GuideBundle, GuideMatter } from '../generated/prisma/client.js';
import { matterContentOf } from '../matter/matter.mapper.js';

/** The index holds both kinds; `docType` tells them apart, the id prefix keeps their keys apart. */
export const GUIDE_KINDS = { guide: 'matter', bundle: 'bundle' } as const;
export type GuideKind = keyof typeof GUIDE_KINDS;

export const matterDocId = (code: string) => `matter:${code}`;
export const bundleDocId = (code: string) => `bundle:${code}`;
/** The code a document id names (ids are `<kind>:<code>`). */
export const codeOfDocId = (id: string) => id.slice(id.indexOf(':') + 1);

/**
 * A published matter as the search index sees it: the name is the title; the summary, conditions,
 * materials and steps are the body. The update time orders writes of the same matter.
 */
export function matterDocument(m: GuideMatter): SearchDocument {
  const c = matterContentOf(m);
  const body = [
    c.summary,
    c.conditions.length > 0 ? `申请条件：${c.conditions.join('；')}` : '',
    c.materials.length > 0 ? `申请材料：${c.materials.map((x) => x.name).join('、')}` : '',
    c.steps.length > 0 ? `办理流程：${c.steps.map((s) => s.name).join('、')}` : '',
  ];
  return {
    id: matterDocId(m.code),
    externalId: m.code,
    title: m.name,
    agencies: [m.department],
    docType: GUIDE_KINDS.guide,
    topics: m.topics,
    validity: '有效',
    publishDate: null,
    body: body.filter(Boolean).join('\n'),
    version: m.updatedAt.getTime(),
  };
}

/** What a bundle's document takes from each of its published matters. */
export interface MatterRef {
  name: string;
  /** the matter's update time (ms) */
  at: number;
}

/**
 * A published bundle: its name, then its description and the names of the matters it joins. Its version
 * is the latest update of the bundle or of those matters, so a renamed matter re-indexes the bundle.
 */
export function bundleDocument(b: GuideBundle, matters: ReadonlyMap<string, MatterRef>): SearchDocument {
  const refs = b.matterCodes.flatMap((code) => (matters.has(code) ? [matters.get(code)!] : []));
  const names = refs.map((r) => r.name);
  return {
    id: bundleDocId(b.code),
    externalId: b.code,
    title: b.name,
    agencies: [],
    docType: GUIDE_KINDS.bundle,
    topics: b.topics,
    validity: '有效',
    publishDate: null,
    body: [b.description, names.length > 0 ? `包含事项：${names.join('、')}` : ''].filter(Boolean).join('\n'),
    version: Math.max(b.updatedAt.getTime(), ...refs.map((r) => r.at)),
  };
}
