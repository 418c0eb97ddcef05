import { z } from 'zod';
import { IsoDate, Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { EDITORS, PUBLIC } from '../roles.js';

/** A reader opened a search result: the query as searched and the document opened. */
export const RecordSearchClickReq = z.strictObject({
  query: z.string().trim().min(1).max(200).describe('检索时使用的查询词'),
  documentId: Uuid.describe('点击打开的文件 ID'),
});
export const recordSearchClick = defineRpc('rpc.policy.search.click', {
  access: PUBLIC,
  request: RecordSearchClickReq,
  response: z.object({ accepted: z.literal(true) }),
});

export const SearchAnalyticsReq = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).default(7).describe('统计最近几天（1–90，含今天）'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('每个榜单的条数'),
});

const QueryCount = z.object({ query: z.string(), count: z.number().int().nonnegative() });
export const SearchAnalyticsDay = z.object({
  day: IsoDate,
  searches: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
  /** most searched queries */
  topQueries: z.array(QueryCount),
  /** queries that found nothing (count = searches without a hit): the dictionary/synonym backlog */
  zeroResultQueries: z.array(QueryCount),
  /** queries searched that day whose results nobody opened (count = searches) */
  noClickQueries: z.array(QueryCount),
});
export const SearchAnalytics = z.object({
  /** the calendar the days are counted in */
  timeZone: z.string(),
  /** newest first, one entry per day of the range, empty days included */
  days: z.array(SearchAnalyticsDay),
});
export const policySearchAnalytics = defineRpc('rpc.policy.search.analytics', {
  access: EDITORS,
  request: SearchAnalyticsReq,
  response: SearchAnalytics,
});
