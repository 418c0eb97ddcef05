import type { GatewayClient } from '@govdisc/api-client';
import type { PolicyDetail } from '../components/policy-view';
import { UUID } from './site';

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
