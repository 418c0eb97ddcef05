import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  askQuestion,
  listUnanswered,
  proposeQaDrafts,
  getQaPair,
  importQaPairs,
  listQaPairs,
  listQaTopics,
  qaFeedbackStats,
  qaPairHistory,
  reorderQaTopics,
  submitQaFeedback,
  transitionQaPair,
  upsertQaPair,
} from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { asObject } from '../http/as-object.js';
import { ApiRoute } from '../http/openapi.js';


@ApiTags('qa')
@Controller(`${API_PREFIX}/qa`)
export class QaController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('ask')
  @HttpCode(200)
  @ApiRoute(askQuestion, {
    summary: '一号答: the best answers to a free-form question, with confidence and citations; below the threshold, policy search results instead',
    input: 'body',
    example: { question: '租房能提公积金吗？每个月能取多少' },
  })
  @Access('qa.ask')
  ask(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(askQuestion, body, { actor });
  }

  @Post('extract')
  @HttpCode(200)
  @ApiRoute(proposeQaDrafts, { summary: 'Extraction assistant: draft Q&A pairs for a policy document, clause by clause, each citing its clause', input: 'body', example: { documentId: 'demo-policy-05', limit: 10 } })
  @Access('qa.extract')
  extract(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(proposeQaDrafts, body, { actor });
  }

  @Get('unanswered')
  @ApiRoute(listUnanswered, { summary: 'Questions asked without a confident answer, grouped by similarity, most asked first', input: 'query' })
  @Access('qa.unanswered')
  unanswered(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listUnanswered, query, { actor });
  }

  @Get('pairs')
  @ApiRoute(listQaPairs, { summary: 'List Q&A pairs (paged; the public sees published ones only)', input: 'query' })
  @Access('qa.list')
  list(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listQaPairs, query, { actor });
  }

  @Post('pairs')
  @ApiRoute(upsertQaPair, {
    summary: 'Create a Q&A pair as a draft, or update the one with the same externalId (an edit of a published pair waits for review); publish:true only signs off a version someone else wrote; quotes are checked against the cited policy',
    input: 'body',
    example: { question: '租房可以提取住房公积金吗？', alternatives: ['租房提取公积金每月多少'], answer: '……', topics: ['housing-fund'], citations: [{ documentId: 'demo-policy-05', anchor: '第五条', quote: '……' }] },
  })
  @Access('qa.upsert')
  upsert(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(upsertQaPair, body, { actor });
  }

  @Get('pairs/:pairId')
  @ApiRoute(getQaPair, { summary: 'Get one Q&A pair with its citations' })
  @Access('qa.get')
  get(@CurrentActor() actor: Actor | null, @Param('pairId') pairId: string) {
    return this.rpc.call(getQaPair, { pairId }, { actor });
  }

  @Post('pairs/:pairId/transitions')
  @HttpCode(200)
  @ApiRoute(transitionQaPair, { summary: 'Workflow: SUBMIT for review, APPROVE or REJECT (reviewers, not one\'s own edit), RETIRE', input: 'body' })
  @Access('qa.transition')
  transition(@CurrentActor() actor: Actor | null, @Param('pairId') pairId: string, @Body() body: unknown) {
    return this.rpc.call(transitionQaPair, { ...asObject(body), pairId }, { actor });
  }

  @Get('pairs/:pairId/history')
  @ApiRoute(qaPairHistory, { summary: 'Every change and sign-off of a pair' })
  @Access('qa.history')
  history(@CurrentActor() actor: Actor | null, @Param('pairId') pairId: string) {
    return this.rpc.call(qaPairHistory, { pairId }, { actor });
  }

  @Post('pairs/:pairId/feedback')
  @ApiRoute(submitQaFeedback, { summary: 'Rate an answer: helpful / not helpful, 1–5 stars, a comment', input: 'body', example: { helpful: true, rating: 5 } })
  @Access('qa.feedback')
  feedback(@CurrentActor() actor: Actor | null, @Param('pairId') pairId: string, @Body() body: unknown) {
    return this.rpc.call(submitQaFeedback, { ...asObject(body), pairId }, { actor });
  }

  @Get('feedback/stats')
  @ApiRoute(qaFeedbackStats, { summary: 'Feedback per answer (worst first) and per topic', input: 'query' })
  @Access('qa.feedbackStats')
  feedbackStats(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(qaFeedbackStats, query, { actor });
  }

  @Post('import')
  @HttpCode(200)
  @ApiRoute(importQaPairs, { summary: 'Import up to 500 raw records (e.g. lines of a JSONL file); returns a per-line report', input: 'body' })
  @Access('qa.import')
  import(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(importQaPairs, body, { actor, timeoutMs: 60_000 });
  }

  @Get('topics')
  @ApiRoute(listQaTopics, { summary: 'Topic services in the editors\' order, with counts of published answers' })
  @Access('qa.topics')
  topics(@CurrentActor() actor: Actor | null) {
    return this.rpc.call(listQaTopics, {}, { actor });
  }

  @Put('topics/order')
  @ApiRoute(reorderQaTopics, { summary: 'Reorder topics: the listed codes first, in this order', input: 'body' })
  @Access('qa.topicsReorder')
  reorder(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(reorderQaTopics, body, { actor });
  }
}
