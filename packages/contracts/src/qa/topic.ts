import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { CONTENT_STAFF, EDITORS, PUBLIC, UNANSWERED_READERS } from '../roles.js';

export const QaTopicView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  publishedCount: z.number().int(),
});

export const listQaTopics = defineRpc('rpc.qa.topic.list', {
  access: PUBLIC,
  request: z.strictObject({}),
  response: z.object({ items: z.array(QaTopicView) }),
});
export const reorderQaTopics = defineRpc('rpc.qa.topic.reorder', {
  access: EDITORS,
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
  access: PUBLIC,
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
  access: CONTENT_STAFF,
  request: z.strictObject({ topic: z.string().trim().min(1).max(50).optional() }),
  response: z.object({
    byPair: z.array(FeedbackStats.extend({ pairId: Uuid, question: z.string() })),
    byTopic: z.array(FeedbackStats.extend({ topic: z.string() })),
  }),
});

/** 一号答: one free-form question in, ranked answers with a confidence out (or a fallback to policy search). */
export const AskReq = z.strictObject({
  question: z.string().trim().min(2).max(300).describe('the question as the caller put it'),
  limit: z.number().int().min(1).max(10).default(3),
});
/** Where to read on: the policy documents an answer cites and the service guides (办事指南) for the same matter. */
export const AskRelated = z.object({
  /** the cited policy documents that policy-svc knows (id = its document id) */
  policies: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() })),
  /** service matters whose guide fits the answered question (`code` opens it: GET /guides/{code}) */
  guides: z.array(z.object({ id: Uuid, code: z.string(), name: z.string() })),
});
export const AskAnswer = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  confidence: z.number().min(0).max(1),
  citations: z.array(
    z.object({
      documentId: z.string(),
      documentVersion: z.number().int().nullable(),
      anchor: z.string().nullable(),
      /** how a reader names the clause: 第5条, 第4段 */
      anchorLabel: z.string().nullable(),
      quote: z.string(),
      state: z.string(),
    }),
  ),
  /** left out when neither policy-svc nor service-guide-svc answered in time */
  related: AskRelated.optional(),
});
export const AskFallback = z.object({
  reason: z.literal('NO_CONFIDENT_ANSWER'),
  message: z.string(),
  /** Policy search results for the same words, when policy search answers. */
  policies: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable(), snippet: z.string() })),
});
/** "您是不是想问": a stored question close to the asker's, offered when no answer is confident enough to give. */
export const AskSuggestion = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  question: z.string(),
  confidence: z.number().min(0).max(1),
});
export const askQuestion = defineRpc('rpc.qa.ask', {
  access: PUBLIC,
  request: AskReq,
  response: z.object({
    answers: z.array(AskAnswer),
    /** up to 3 best candidates, best first, only when `answers` is empty (the asker picks one: GET /qa/{id}) */
    suggestions: z.array(AskSuggestion),
    fallback: AskFallback.nullable(),
  }),
});

export const UnansweredCluster = z.object({
  id: Uuid,
  sample: z.string(),
  variants: z.array(z.string()),
  count: z.number().int(),
  firstAskedAt: z.string(),
  lastAskedAt: z.string(),
});
export const listUnanswered = defineRpc('rpc.qa.unanswered.list', {
  access: UNANSWERED_READERS,
  request: z.strictObject({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  }),
  response: z.object({ items: z.array(UnansweredCluster), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
});

/** Extraction assistant: draft pairs for one policy document, clause by clause, each with its citation. */
export const proposeQaDrafts = defineRpc('rpc.qa.extract.propose', {
  access: CONTENT_STAFF,
  request: z.strictObject({
    documentId: z.string().trim().min(1).max(100).describe('policy document id (uuid) or its external id'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  }),
  response: z.object({
    documentId: z.string(),
    documentVersion: z.number().int(),
    drafts: z.array(
      z.object({
        question: z.string(),
        answer: z.string(),
        kind: z.string(),
        score: z.number(),
        citation: z.object({ documentId: z.string(), documentVersion: z.number().int(), anchor: z.string().nullable(), quote: z.string() }),
      }),
    ),
    /** substantive clauses no question could be made from cleanly: skipped rather than drafted badly */
    skipped: z.number().int(),
  }),
});
