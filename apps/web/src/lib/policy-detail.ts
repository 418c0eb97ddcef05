import type { GetOk, paths } from '@govdisc/api-client';
import { type GatewayTarget, getJson } from './gateway-get';
import { VALIDITY_LABEL } from './labels';
import { UUID } from './site';

/** The route, checked against the generated API types: a renamed or removed route fails the typecheck. */
const DETAIL_PATH = '/api/v1/policies/{documentId}/detail' satisfies keyof paths;
type DetailQuery = NonNullable<paths[typeof DETAIL_PATH]['get']['parameters']['query']>;
export type PolicyDetail = GetOk<typeof DETAIL_PATH>;

/** How many related policies the page lists. */
const RELATED = 5;

/**
 * One call brings the document and its related policies (the page always shows both): one gateway request per
 * page (ADR 0019), a plain GET rather than the typed client (ADR 0039). Null for an id that is not a UUID or a document the gateway does not give.
 */
export async function loadPolicyDetail(gateway: GatewayTarget, id: string): Promise<PolicyDetail | null> {
  if (!UUID.test(id)) return null;
  // the typed route and query over a plain GET (lib/gateway-get, ADR 0039); a UUID needs no escaping
  const query = { related: RELATED } satisfies DetailQuery;
  return getJson<PolicyDetail>(gateway, `${DETAIL_PATH.replace('{documentId}', id)}?related=${query.related}`);
}

/** The page's meta description: number, agencies and validity, then the start of the first text paragraph. */
export function policyDescription(doc: Pick<PolicyDetail, 'docNumber' | 'agencies' | 'validity' | 'paragraphs'>): string {
  const first = doc.paragraphs.find((p) => p.kind === 'text' || p.kind === 'article')?.text ?? '';
  return `${[doc.docNumber, doc.agencies.join('、'), VALIDITY_LABEL[doc.validity]].filter(Boolean).join('，')}。${first.slice(0, 100)}`;
}
