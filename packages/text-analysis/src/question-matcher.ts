import { placeFactor } from './places.js';
import { analyzeAnswer, analyzeQuestion, type AnalyzedAnswer, type AnalyzedQuestion, type Features, FEATURE_WEIGHTS } from './question-features.js';
import { defaultSynonyms, type SynonymTable } from './synonyms.js';

/**
 * Tuning of the matcher (measured with bench/relevance-qa.mjs on the dev sets only; the held-out
 * set is never used to choose them).
 */
export const MATCH_PARAMS = {
  /** share of the similarity from covering the asked question (the rest: covering the stored one) */
  askedShare: 0.8,
  /** same kind of question (when? how much? …): ×(1 + x); different kinds: ×(1 − x) */
  intent: 0.15,
  /** the asked kind is clear and the stored question's is not: ×(1 − x) */
  intentUnknown: 0.1,
  /** the question names no place: a stored question about one place ×(1 − x) (a general answer holds everywhere) */
  placeless: 0.05,
  /** weight of the search engine's own rank (question ×3 + answer text, BM25), scaled to its best hit */
  engine: 0.2,
  /** candidates gathered from the matcher's own postings before scoring */
  candidates: 50,
  /** features held by more than this share of questions (and by more than 100) are too common to gather candidates by */
  commonFeature: 0.2,
  /** the similarity at which confidence is one half (the dev sets' unanswerable questions stay below 0.45: a margin) */
  halfConfidenceAt: 0.5,
  /** a long question holding the whole stored one: this share of the stored question's coverage counts as evidence */
  coveringEvidence: 0.8,
  /**
   * the asked question's words and character pairs the stored question lacks but its answer holds
   * (an asker's specific words under a more general stored question): this share of their weight,
   * times the share of the stored question the asked one holds, counts towards covering the asked
   * question. Ranking only: confidence stays on the questions alone.
   */
  answer: 0.4,
} as const;

export interface QuestionMatch {
  id: string;
  /** ranking score: similarity × intent and place factors, plus the engine's share */
  score: number;
  /** how sure we are that this stored question is the one asked, in [0, 1] */
  confidence: number;
}

export interface MatchOptions {
  /** the search engine's hits for the same question (more candidates, and a prior from the answer text) */
  engineHits?: ReadonlyArray<{ id: string; score: number }>;
  /** how many matches to return (default 10) */
  limit?: number;
}

/** A word with its synonyms, their canonical keys, and the indexes of its sub-words in the same list. */
interface WordInfo {
  word: string;
  forms: string[];
  keys: string[];
  parts: number[];
}

/** One side of a comparison with its weights (feature weight × IDF) and their sum. */
interface Weighted {
  words: WordInfo[];
  wordWeights: number[];
  grams: [key: string, weight: number][];
  total: number;
}

interface Phrasing {
  q: AnalyzedQuestion;
  unplacedWordInfo: WordInfo[];
  /** the stored question's own side without places, weighed at corpus generation `weighedAt` */
  weighted?: Weighted;
  weighedAt?: number;
}

interface Entry {
  slot: number;
  phrasings: Phrasing[];
  features: Set<string>;
  answer?: AnalyzedAnswer;
}

interface Similarity {
  sim: number;
  evidence: number;
  covering: number;
  factor: number;
  /** the most the pair's answer can add to `sim` */
  answerBound: number;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/**
 * Matches a citizen's question to stored questions (一号答). Keeps every stored question analysed in
 * memory with document frequencies over the question corpus, so words are weighted by how much
 * they tell questions apart (IDF). A question is compared word by word (with synonyms, and a word
 * found anywhere in the other text counts, whatever the segmentation), by character pairs keyed by
 * sound (so 发漂 meets 发票) and by single characters; both "how much of the asked question does the
 * stored one cover" and the reverse count, weighed by what kind of answer each asks for and by place.
 */
export class QuestionMatcher {
  private readonly entries = new Map<string, Entry>();
  private readonly slots: (string | null)[] = [];
  private readonly df = new Map<string, number>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly canonicalOf = new Map<string, string>();
  /** bumped by every change of the corpus: cached IDF weights older than this are recomputed */
  private generation = 0;

  constructor(private readonly synonyms: SynonymTable = defaultSynonyms()) {
    for (const group of synonyms.groups) for (const term of group) if (!this.canonicalOf.has(term)) this.canonicalOf.set(term, group[0]!);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds or replaces a stored question with its alternative phrasings and (optionally) its answer. */
  upsert(id: string, phrasings: readonly string[], answer?: string): void {
    this.remove(id);
    const analysed = phrasings.filter((p) => p.trim()).map((p) => this.analyse(p));
    if (analysed.length === 0) return;
    this.generation++;
    const features = new Set<string>();
    for (const { q } of analysed) {
      for (const k of q.wordKeys) features.add(`w:${k}`);
      for (const k of q.grams.keys()) features.add(k);
    }
    const slot = this.slots.push(id) - 1;
    for (const k of features) {
      this.df.set(k, (this.df.get(k) ?? 0) + 1);
      if (k.startsWith('c:')) continue;
      let list = this.postings.get(k);
      if (!list) this.postings.set(k, (list = new Set()));
      list.add(slot);
    }
    this.entries.set(id, { slot, phrasings: analysed, features, answer: answer?.trim() ? analyzeAnswer(answer, this.canonical) : undefined });
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    for (const k of entry.features) {
      const left = (this.df.get(k) ?? 1) - 1;
      if (left > 0) this.df.set(k, left);
      else this.df.delete(k);
      this.postings.get(k)?.delete(entry.slot);
      if (this.postings.get(k)?.size === 0) this.postings.delete(k);
    }
    this.slots[entry.slot] = null;
    this.entries.delete(id);
    this.generation++;
    return true;
  }

  /** The best stored questions for `question`, best first. */
  match(question: string, options: MatchOptions = {}): QuestionMatch[] {
    const asked = this.analyse(question);
    if (asked.q.words.length === 0 && asked.q.grams.size === 0) return [];
    const engineHits = (options.engineHits ?? []).filter((h) => this.entries.has(h.id));
    const best = Math.max(...engineHits.map((h) => h.score), Number.MIN_VALUE);
    const prior = new Map(engineHits.map((h) => [h.id, h.score / best]));
    const askedSide = this.weigh(this.wordInfo(asked.q.words), asked.q.grams);
    const limit = options.limit ?? 10;
    const out: (QuestionMatch & { entry: Entry; scored: Similarity[]; engine: number; upTo: number })[] = [];
    for (const id of new Set([...this.gather(asked.q), ...prior.keys()])) {
      const entry = this.entries.get(id)!;
      const scored = entry.phrasings.map((p) => this.similarity(asked.q, askedSide, p));
      const evidence = Math.max(...scored.map((s) => s.evidence));
      const engine = MATCH_PARAMS.engine * (prior.get(id) ?? 0);
      const score = Math.max(...scored.map((s) => s.sim)) + engine;
      const upTo = entry.answer ? score + Math.max(...scored.map((s) => s.answerBound)) : score;
      out.push({ id, score, confidence: round(1 - 2 ** (-evidence / MATCH_PARAMS.halfConfidenceAt)), entry, scored, engine, upTo });
    }
    // The answer only adds: it is read for the candidates that could still reach the first `limit`.
    const floor = out.length > limit ? [...out.map((m) => m.score)].sort((a, b) => b - a)[limit - 1]! : -Infinity;
    for (const m of out) {
      if (m.upTo <= m.score || m.upTo < floor) continue;
      m.score = m.engine + Math.max(...m.entry.phrasings.map((p, i) => m.scored[i]!.sim + this.answerBonus(askedSide, p, m.scored[i]!, m.entry.answer!)));
    }
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out.slice(0, limit).map(({ id, score, confidence }) => ({ id, score, confidence }));
  }

  private analyse(text: string): Phrasing {
    const q = analyzeQuestion(text, this.synonyms, this.canonical);
    return { q, unplacedWordInfo: this.wordInfo(q.unplacedWords) };
  }

  private readonly canonical = (term: string) => this.canonicalOf.get(term) ?? term;

  private wordInfo(words: readonly string[]): WordInfo[] {
    return words.map((word) => {
      const forms = this.synonyms.alternatives(word);
      const parts = words.flatMap((w, i) => (w !== word && word.includes(w) ? [i] : []));
      return { word, forms, keys: [...new Set(forms.map(this.canonical))], parts };
    });
  }

  private idf(key: string): number {
    const df = this.df.get(key) ?? 0;
    return Math.log(1 + (this.entries.size - df + 0.5) / (df + 0.5));
  }

  /** Candidates sharing the most informative words and character pairs with the question. */
  private gather(asked: AnalyzedQuestion): string[] {
    const limit = Math.max(100, this.entries.size * MATCH_PARAMS.commonFeature);
    const keys = new Set([...asked.wordKeys].flatMap((w) => this.synonyms.alternatives(w).map((f) => `w:${this.canonical(f)}`)));
    for (const k of asked.grams.keys()) if (!k.startsWith('c:')) keys.add(k);
    const acc = new Map<number, number>();
    for (const k of keys) {
      const list = this.postings.get(k);
      if (!list || list.size > limit) continue;
      const w = this.idf(k);
      for (const slot of list) acc.set(slot, (acc.get(slot) ?? 0) + w);
    }
    return [...acc.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MATCH_PARAMS.candidates)
      .map(([slot]) => this.slots[slot]!);
  }

  private weigh(words: WordInfo[], grams: Features): Weighted {
    const wordWeights = words.map((w) => FEATURE_WEIGHTS.word * this.idf(`w:${w.keys[0]}`));
    const weighted: [string, number][] = [...grams].map(([k, weight]) => [k, weight * this.idf(k)]);
    const total = wordWeights.reduce((a, b) => a + b, 0) + weighted.reduce((a, [, x]) => a + x, 0);
    return { words, wordWeights, grams: weighted, total };
  }

  /** The stored phrasing's side (without places), weighed at the current corpus generation. */
  private storedSide(p: Phrasing): Weighted {
    if (p.weighedAt !== this.generation || !p.weighted) {
      p.weighted = this.weigh(p.unplacedWordInfo, p.q.unplacedGrams);
      p.weighedAt = this.generation;
    }
    return p.weighted;
  }

  /**
   * Weight of one side found in the other question. A word counts as found when the other question
   * has it or a synonym as a word, or anywhere in its text (segmentations differ between phrasings:
   * 报 is found in 报销). A compound that is not found counts for the share of its characters its
   * found sub-words cover (饲料厂 by 饲料: two thirds). Character features count when the other side
   * (with its synonyms' characters) has them. With the stored pair's answer, also the weight the
   * answer adds to it (`fromAnswer`).
   */
  private coverage(side: Weighted, other: AnalyzedQuestion, otherGrams: Features, answer?: AnalyzedAnswer): { num: number; fromAnswer: number } {
    const { words, wordWeights } = side;
    const found = words.map((w) => w.keys.some((k) => other.wordKeys.has(k)) || w.forms.some((f) => other.norm.includes(f)));
    let num = 0;
    let fromAnswer = 0;
    // what the answer adds: words (or a synonym) it has as words or, three characters and longer, in its
    // text, and character pairs by sound (single characters of a long answer tell little)
    const inAnswer = answer && words.map((w, i) => !found[i] && (w.keys.some((k) => answer.wordKeys.has(k)) || w.forms.some((f) => f.length > 2 && answer.norm.includes(f))));
    const inEither = inAnswer?.some(Boolean) ? found.map((f, i) => f || inAnswer[i]!) : found;
    for (let i = 0; i < words.length; i++) {
      if (found[i]) {
        num += wordWeights[i]!;
        continue;
      }
      const part = words[i]!.parts.length > 0 ? partCoverage(words[i]!, words, found) : 0;
      num += wordWeights[i]! * part;
      if (inEither !== found) fromAnswer += wordWeights[i]! * ((inAnswer![i] ? 1 : words[i]!.parts.length > 0 ? partCoverage(words[i]!, words, inEither) : 0) - part);
    }
    for (const [k, x] of side.grams) {
      if (otherGrams.has(k)) num += x;
      else if (answer?.pairs.has(k)) fromAnswer += x;
    }
    return { num, fromAnswer };
  }

  /**
   * Similarity of the asked question to one stored phrasing, and the evidence for confidence: the
   * similarity, or (for a long question that holds the whole stored one) the stored question's coverage.
   */
  private similarity(asked: AnalyzedQuestion, askedSide: Weighted, stored: Phrasing): Similarity {
    const d = stored.q;
    const storedSide = this.storedSide(stored);
    const covered = this.coverage(askedSide, d, d.gramsExpanded).num / (askedSide.total || 1);
    const covering = this.coverage(storedSide, asked, asked.gramsExpanded).num / (storedSide.total || 1);
    let factor = intentFactor(asked, d) * placeFactor(asked.places, d.places);
    if (asked.places.length === 0 && d.places.length > 0) factor *= 1 - MATCH_PARAMS.placeless;
    const sim = (MATCH_PARAMS.askedShare * covered + (1 - MATCH_PARAMS.askedShare) * covering) * factor;
    // the answer can add at most what the stored question leaves uncovered
    const answerBound = MATCH_PARAMS.askedShare * MATCH_PARAMS.answer * (1 - covered) * covering * factor;
    return { sim, evidence: Math.max(sim, MATCH_PARAMS.coveringEvidence * covering * factor), covering, factor, answerBound };
  }

  /**
   * What the pair's answer adds to the ranking: the share of the asked question found in the answer
   * and not in the stored question, weighed by how much of the stored question the asked one holds
   * (a general stored question inside the asked one, the asker's specifics in its answer).
   */
  private answerBonus(askedSide: Weighted, stored: Phrasing, s: Similarity, answer: AnalyzedAnswer): number {
    if (s.answerBound <= 0) return 0;
    const fromAnswer = this.coverage(askedSide, stored.q, stored.q.gramsExpanded, answer).fromAnswer / (askedSide.total || 1);
    return MATCH_PARAMS.askedShare * MATCH_PARAMS.answer * fromAnswer * s.covering * s.factor;
  }
}

/** Share of a word's characters covered by its found sub-words. */
function partCoverage(w: WordInfo, words: readonly WordInfo[], found: readonly boolean[]): number {
  const covered = new Array<boolean>(w.word.length).fill(false);
  for (const i of w.parts) {
    if (!found[i]) continue;
    const part = words[i]!.word;
    for (let at = w.word.indexOf(part); at >= 0; at = w.word.indexOf(part, at + 1)) covered.fill(true, at, at + part.length);
  }
  return covered.filter(Boolean).length / covered.length;
}

function intentFactor(asked: AnalyzedQuestion, stored: AnalyzedQuestion): number {
  if (asked.intents.size === 0) return 1;
  if (stored.intents.size === 0) return 1 - MATCH_PARAMS.intentUnknown;
  return [...asked.intents].some((i) => stored.intents.has(i)) ? 1 + MATCH_PARAMS.intent : 1 - MATCH_PARAMS.intent;
}
