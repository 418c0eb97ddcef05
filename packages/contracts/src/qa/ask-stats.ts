import { z } from 'zod';
import { IsoDate } from '../common.js';
import { defineRpc } from '../define.js';
import { UNANSWERED_READERS } from '../roles.js';

/**
 * What 一号答 did with the questions asked: answered (a confident answer), suggestions only (您是不是想问, no answer),
 * fallback (neither: policy search results only). fallback rate = (suggestionsOnly + fallback) / asked.
 */
export const AskCounts = z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  suggestionsOnly: z.number().int(),
  fallback: z.number().int(),
});
export type AskCounts = z.infer<typeof AskCounts>;

/** 一号答 traffic per Shanghai day and per topic ('' = the ask matched no topic) over a range of days (default: the last 30). */
export const askStats = defineRpc('rpc.qa.ask.stats', {
  access: UNANSWERED_READERS,
  request: z
    .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
    .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
    .refine((r) => !r.from || !r.to || Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
      message: '统计范围最长一年',
      path: ['to'],
    }),
  response: z.object({
    from: IsoDate,
    to: IsoDate,
    total: AskCounts,
    days: z.array(AskCounts.extend({ day: IsoDate })),
    topics: z.array(AskCounts.extend({ topic: z.string() })),
  }),
});
