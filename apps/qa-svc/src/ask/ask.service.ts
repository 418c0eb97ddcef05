import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AskAnswer, type AskFallback, type AskSuggestion, maskPersonalNumbers, type z } from '@govdisc/contracts';
import { calibrateMatches, normalize, onePerAnswer, QA_CONFIDENCE_MODEL } from '@govdisc/text-analysis';
import { APP_CONFIG, GenerationCache } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { toView } from '../pair/pair.mapper.js';
import { type AskOutcome, AskStatsService } from './ask-stats.service.js';
import { PolicyFallback } from './policy-fallback.js';
import { QaIndexService } from './qa-index.service.js';
import { RelatedLookup } from './related-lookup.js';
import { UnansweredService } from './unanswered.service.js';

/** Search engine hits handed to the matcher (more candidates, and a prior from the answer text); 20 to 30 rank the dev sets alike. */
const ENGINE_CANDIDATES = 20;

type Answer = z.infer<typeof AskAnswer>;
type Suggestion = z.infer<typeof AskSuggestion>;
type AskResult = { answers: Answer[]; suggestions: Suggestion[]; fallback: z.infer<typeof AskFallback> | null };
/** "您是不是想问" offers at most this many stored questions. */
const MAX_SUGGESTIONS = 3;

/**
 * 一号答: the best stored answers for a free-form question, each with a confidence. The question
 * matcher ranks the stored questions (its own candidates plus the search engine's); confident answers
 * come from memory (no database read), with their related policies and service guides. Below the
 * threshold we say so, offer policy search results instead, and log the question for editors.
 * Results are cached per replica until the public pairs change: askers repeat themselves (a hotline's day
 * is mostly the same few hundred questions), and any change to the public pairs empties the cache, so an
 * edit, a retirement or a repeal is answered at once. The time to live bounds what else can age (the
 * fallback's policy results, related items). A cached answer is served only while every pair in it is
 * still public, and a cached "no answer" is still logged.
 */
@Injectable()
export class AskService {
  private readonly logger = new Logger(AskService.name);
  private readonly cache: GenerationCache<AskResult>;

  constructor(
    private readonly qaIndex: QaIndexService,
    private readonly unanswered: UnansweredService,
    private readonly policies: PolicyFallback,
    private readonly related: RelatedLookup,
    private readonly stats: AskStatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new GenerationCache({ maxEntries: config.ASK_CACHE_SIZE, ttlMs: config.ASK_CACHE_TTL_MS });
  }

  async ask(question: string, limit: number): Promise<AskResult> {
    const generation = this.qaIndex.generation;
    const cached = this.cache.get(cacheKey(question, limit), generation);
    if (cached && [...cached.answers, ...cached.suggestions].every((a) => this.qaIndex.publicPair(a.id))) {
      if (cached.answers.length === 0) this.queueForEditors(question);
      this.count(cached);
      return cached;
    }
    const result = await this.answer(question, limit);
    this.cache.set(cacheKey(question, limit), generation, result);
    this.count(result);
    return result;
  }

  /** The day's counters: what the asker got, under the topic of the first answer (or of the first suggestion). */
  private count(result: AskResult): void {
    const outcome: AskOutcome = result.answers.length > 0 ? 'answered' : result.suggestions.length > 0 ? 'suggestionsOnly' : 'fallback';
    const first = result.answers[0] ?? result.suggestions[0];
    this.stats.record(outcome, first ? this.qaIndex.publicPair(first.id)?.topics[0] : undefined);
  }

  /** Editors see what people ask, never the ID-card or phone numbers they typed into it. */
  private queueForEditors(question: string): void {
    this.unanswered.record(maskPersonalNumbers(question));
  }

  private async answer(question: string, limit: number): Promise<AskResult> {
    const engineHits = await this.engineHits(question);
    // confidence = the probability that the match is right (bench/qa-calibration.mjs fits it on the dev sets)
    const matched = this.qaIndex.matcher.match(question, { engineHits, limit: limit + 5 });
    // a plain bigram BM25 naming the same first pair is evidence too (issue 18, ADR 0024); it runs in memory, any engine
    const calibrated = calibrateMatches(QA_CONFIDENCE_MODEL, matched, {
      engineTop: engineHits[0]?.id,
      bigramTop: this.qaIndex.matcher.bigramFirst(question),
    });
    // pairs whose answers are the same text are one answer: shown once, under the best ranked question (ADR 0028)
    const matches = onePerAnswer(calibrated, (id) => this.qaIndex.publicPair(id)?.answer);
    const confident = matches.filter((m) => m.confidence >= this.config.ASK_CONFIDENCE_THRESHOLD);
    const answers = await this.answersFor(confident, limit);
    if (answers.length > 0) return { answers, suggestions: [], fallback: null };
    this.queueForEditors(question); // the asker does not wait for it
    return {
      answers: [],
      suggestions: this.suggestionsFrom(matches),
      fallback: {
        reason: 'NO_CONFIDENT_ANSWER',
        message: '暂未找到确切答案，以下政策文件可能有帮助。',
        policies: await this.policies.search(question),
      },
    };
  }

  /** Not confident enough to answer, but the best stored questions may be what the asker meant: they choose. */
  private suggestionsFrom(matches: readonly { id: string; confidence: number }[]): Suggestion[] {
    return matches
      .filter((m) => m.confidence >= this.config.ASK_SUGGESTION_MIN_CONFIDENCE)
      .flatMap((m) => {
        const pair = this.qaIndex.publicPair(m.id);
        if (!pair) return [];
        const v = toView(pair);
        return [{ id: v.id, externalId: v.externalId, question: v.question, confidence: m.confidence }];
      })
      .slice(0, MAX_SUGGESTIONS);
  }

  /** The engine's ranking helps but is not needed: without it the matcher still answers. */
  private async engineHits(question: string): Promise<{ id: string; score: number }[]> {
    try {
      return (await this.qaIndex.index.rank({ q: question, pageSize: ENGINE_CANDIDATES, match: 'loose' })).hits;
    } catch (error) {
      this.logger.warn({ code: (error as { code?: string }).code }, 'Q&A search index unavailable: matching on questions only');
      return [];
    }
  }

  /** The confident pairs still public right now, in rank order, up to `limit`, with their related items. */
  private async answersFor(matches: readonly { id: string; confidence: number }[], limit: number): Promise<Answer[]> {
    const chosen = matches
      .flatMap((m) => {
        const pair = this.qaIndex.publicPair(m.id);
        return pair ? [{ ...m, pair }] : [];
      })
      .slice(0, limit);
    if (chosen.length === 0) return [];
    const related = await this.related.forPairs(chosen.map((c) => c.pair));
    return chosen.map(({ id, confidence, pair }) => {
      const v = toView(pair);
      const extra = related.get(id);
      return {
        id: v.id,
        externalId: v.externalId,
        question: v.question,
        answer: v.answer,
        confidence,
        citations: v.citations,
        ...(extra ? { related: extra } : {}),
      };
    });
  }
}

/** Asks that differ only in spacing, width or punctuation share an entry. */
const cacheKey = (question: string, limit: number) => `${limit}\u0000${normalize(question)}`;
