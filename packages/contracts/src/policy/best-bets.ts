import { z } from 'zod';
import { IsoDateTime, Page, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { EDITORS } from '../roles.js';

/** At most this many documents are pinned for one query: a best bet is a short answer, not a list. */
export const MAX_PINNED_DOCUMENTS = 5;

const BestBetQuery = z.string().trim().min(1).max(100).describe('查询词（按规范化后的文本匹配：全半角、繁简、大小写、标点和空格不影响）');
const PinnedIds = z
  .array(Uuid)
  .min(1)
  .max(MAX_PINNED_DOCUMENTS)
  .refine((ids) => new Set(ids).size === ids.length, '置顶文件不能重复')
  .describe('按显示顺序排列的置顶文件 ID');

export const CreateBestBetReq = z.strictObject({ query: BestBetQuery, documentIds: PinnedIds });
export type CreateBestBetReq = z.infer<typeof CreateBestBetReq>;

export const UpdateBestBetReq = z
  .strictObject({ bestBetId: Uuid, query: BestBetQuery.optional(), documentIds: PinnedIds.optional() })
  .refine((r) => r.query !== undefined || r.documentIds !== undefined, {
    message: '请至少修改查询词或置顶文件之一',
    path: ['documentIds'],
  });
export type UpdateBestBetReq = z.infer<typeof UpdateBestBetReq>;

export const BestBetView = z.object({
  id: Uuid,
  /** as the editor typed it */
  query: z.string(),
  /** what searches are matched against */
  normalizedQuery: z.string(),
  documentIds: z.array(Uuid),
  updatedBy: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type BestBetView = z.infer<typeof BestBetView>;

export const listBestBets = defineRpc('rpc.policy.best-bet.list', {
  access: EDITORS,
  request: Page.strict(),
  response: pageOf(BestBetView),
});
export const createBestBet = defineRpc('rpc.policy.best-bet.create', { access: EDITORS, request: CreateBestBetReq, response: BestBetView });
export const updateBestBet = defineRpc('rpc.policy.best-bet.update', { access: EDITORS, request: UpdateBestBetReq, response: BestBetView });
export const deleteBestBet = defineRpc('rpc.policy.best-bet.delete', {
  access: EDITORS,
  request: z.strictObject({ bestBetId: Uuid }),
  response: z.object({ id: Uuid, deleted: z.literal(true) }),
});
