import type { GatewayClient, GetOk } from '@govdisc/api-client';
import { VALIDITY_LABEL } from './labels';
import { UUID } from './site';

export type PolicyDetail = GetOk<'/api/v1/policies/{documentId}/detail'>;

/** How many related policies the page lists. */
const RELATED = 5;

/**
 * One call brings the document and its related policies (the page always shows both): one gateway request per
 * page (ADR 0019). Null for an id that is not a UUID or a document the gateway does not give.
 */
export async function loadPolicyDetail(client: GatewayClient, id: string): Promise<PolicyDetail | null> {
  if (!UUID.test(id)) return null;
  const { data } = await client.GET('/api/v1/policies/{documentId}/detail', {
    params: { path: { documentId: id }, query: { related: RELATED } },
  });
  return data ?? null;
}

/** The page's meta description: number, agencies and validity, then the start of the first text paragraph. */
export function policyDescription(doc: Pick<PolicyDetail, 'docNumber' | 'agencies' | 'validity' | 'paragraphs'>): string {
  const first = doc.paragraphs.find((p) => p.kind === 'text' || p.kind === 'article')?.text ?? '';
  return `${[doc.docNumber, doc.agencies.join('、'), VALIDITY_LABEL[doc.validity]].filter(Boolean).join('，')}。${first.slice(0, 100)}`;
}
