import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';

export const QaTopicView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  publishedCount: z.number().int(),
});

export const listQaTopics = defineRpc('rpc.qa.topic.list', {
  request: z.strictObject({}),
  response: z.object({ items: z.array(QaTopicView) }),
});
export const reorderQaTopics = defineRpc('rpc.qa.topic.reorder', {
  request: z.strictObject({ codes: z.array(z.string().trim().min(1).max(50)).min(1).max(200) }),
  response: z.object({ items: z.array(QaTopicView) }),
});

export const SubmitFeedbackReq = z
  .strictObject({
    pairId: Uuid,
    helpful: z.boolean().optional().describe('有用 / 没用'),
    rating: z.number().int().min(1).max(5).optional().describe('1–5 星'),
    comment: z.string().trim().min(1).max(500).optional(),
  })
  .refine((f) => f.helpful !== undefined || f.rating !== undefined || f.comment !== undefined, {
    message: '请至少选择"有用/没用"、评分或填写意见中的一项。',
  });
export const submitQaFeedback = defineRpc('rpc.qa.feedback.submit', {
  request: SubmitFeedbackReq,
  response: z.object({ recorded: z.literal(true) }),
});

export const FeedbackStats = z.object({
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  ratingCount: z.number().int(),
  ratingAverage: z.number().nullable(),
  comments: z.number().int(),
});
export const qaFeedbackStats = defineRpc('rpc.qa.feedback.stats', {
  request: z.strictObject({ topic: z.string().trim().min(1).max(50).optional() }),
  response: z.object({
    byPair: z.array(FeedbackStats.extend({ pairId: Uuid, question: z.string() })),
    byTopic: z.array(FeedbackStats.extend({ topic: z.string() })),
  }),
});
