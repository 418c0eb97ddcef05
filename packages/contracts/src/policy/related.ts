import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { PolicySearchItem } from './search.js';
import { PUBLIC } from '../roles.js';

/**
 * How a related document is linked: `related` = shares keywords, topics or title terms; the others are
 * version links (this document amends / is amended by / repeals / is repealed by it), listed first.
 * Near-duplicates (reposts of the same text) are left out.
 */
export const RelatedRelation = z.enum(['related', 'amends', 'amendedBy', 'repeals', 'repealedBy']);

export const RelatedPoliciesReq = z.strictObject({
  documentId: Uuid,
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('返回条数（1–20）'),
});

export const RelatedPolicy = PolicySearchItem.omit({ snippet: true }).extend({
  relation: RelatedRelation,
  /** 共同关键词: the shared keywords, title terms and topics that made it related, strongest first */
  shared: z.array(z.string()),
  score: z.number(),
});

export const relatedPolicies = defineRpc('rpc.policy.document.related', {
  access: PUBLIC,
  request: RelatedPoliciesReq,
  response: z.object({ items: z.array(RelatedPolicy) }),
});
