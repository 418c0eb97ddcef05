import { charMask, type CharMask, containsWord, Counts, FeatureIds, ScratchMap } from './feature-ids.js';
import { placeFactor, type Place } from './places.js';
import {
  analyzeAnswer,
  analyzeQuestion,
  type AnalyzedAnswer,
  type AnalyzedQuestion,
  FEATURE_WEIGHTS,
  type QuestionIntent,
} from './question-features.js';
import { defaultParaphrases, type Paraphrase, type ParaphraseLexicon } from './paraphrase-lexicon.js';
import { QuestionBigramRanker } from './question-bigram-ranker.js';
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
  /** candidates gathered from the matcher's own postings before scoring (10 to 80 rank the dev sets alike; 30 keeps a margin) */
  candidates: 30,
  /** features held by more than this share of questions (and by more than 100) are too common to gather candidates by (0.1–0.2 rank the dev sets alike) */
  commonFeature: 0.1,
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
  /**
   * an asked word the stored question lacks but holds a mined paraphrase of (dict/paraphrases.txt): this share of the
   * word's weight, times the paraphrase's own weight, counts as covered (a paraphrase is weaker evidence than the word)
   */
  paraphrase: 0.5,
  /**
   * pseudo-relevance feedback: the first `feedbackDepth` matches' words the question lacks, weighed by their score;
   * each of the first `limit` matches gains this share of the feedback words it holds (the others' words, not its own).
   * 0 = off (measured: see docs/adr/0012-qa-paraphrase-matching.md).
   */
  feedback: 0,
  feedbackDepth: 3,
  /**
   * the answer as a field of its own: this share of the asked question's words and character pairs found in the pair's
   * answer text is added to the ranking score (a vague stored question whose answer holds the asker's specifics).
   * Ranking only, like `answer`. 0 = off.
   */
  answerField: 0,
} as const;

/** What can be switched or re-weighed per matcher (the benches measure each idea on its own); defaults: MATCH_PARAMS. */
export interface MatcherTuning {
  /** mined paraphrases (default: the shipped dict/paraphrases.txt) */
  paraphrases?: ParaphraseLexicon;
  paraphrase?: number;
  answer?: number;
  feedback?: number;
  answerField?: number;
}

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

/**
 * A word with its synonyms and their canonical keys (`w:` feature ids, -1 for a key no stored
 * question has). Stored questions share one WordInfo per distinct word (`memo` is its index), so
 * whether the asked question holds it is worked out once per question, not once per candidate.
 */
interface WordInfo {
  word: string;
  forms: string[];
  formMasks: CharMask[];
  keys: string[];
  keyIds: number[];
  memo: number;
}

/** One side of a comparison: its words (with the indexes of each word's sub-words) and character features. */
interface Side {
  words: WordInfo[];
  parts: number[][];
  gramKeys: string[];
  gramIds: Int32Array;
  gramBase: Float64Array;
}

/** A side's weights (feature weight × IDF) and their sum. */
interface Weights {
  words: Float64Array;
  grams: Float64Array;
  total: number;
}

/** What is compared of one stored phrasing. */
interface StoredPhrasing {
  norm: string;
  mask: CharMask;
  places: Place[];
  intents: Set<QuestionIntent>;
  /** canonical word keys and character features (with synonyms') of the whole question */
  wordKeyIds: Int32Array;
  expandedGramIds: Int32Array;
  /** the question's own side without places, weighed at corpus generation `weighedAt` */
  side: Side;
  weights: Weights | undefined;
  weighedAt: number;
}

/** The asked question, analysed and weighed once per match. */
interface Asked {
  q: AnalyzedQuestion;
  mask: CharMask;
  side: Side;
  weights: Weights;
  /** the mined paraphrases of each of `side.words` */
  paraphrases: (readonly Paraphrase[])[];
}

interface Entry {
  slot: number;
  phrasings: StoredPhrasing[];
  features: number[];
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

interface Candidate extends QuestionMatch {
  entry: Entry;
  scored: Similarity[];
  engine: number;
  upTo: number;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
const FOUND = 1;
const MISSING = 2;

/**
 * Matches a citizen's question to stored questions (一号答). Keeps every stored question analysed in
 * memory with document frequencies over the question corpus, so words are weighted by how much
 * they tell questions apart (IDF). A question is compared word by word (with synonyms, and a word
 * found anywhere in the other text counts, whatever the segmentation), by character pairs keyed by
 * sound (so 发漂 meets 发票) and by single characters; both "how much of the asked question does the
 * stored one cover" and the reverse count, weighed by what kind of answer each asks for and by place.
 * Features are integer ids and per-question lookups live in reused scratch arrays: answering
 * allocates little and hashes few strings.
 */
export class QuestionMatcher {
  private readonly entries = new Map<string, Entry>();
  private readonly slots: (string | null)[] = [];
  private readonly ids = new FeatureIds();
  private readonly df = new Counts();
  /** slots of the entries holding each feature (`c:` single characters excepted), by feature id */
  private readonly postings: (Set<number> | undefined)[] = [];
  /** the same slots as arrays in the Sets' order (iterated on every question), rebuilt after a change */
  private readonly postingArrays: (Int32Array | undefined)[] = [];
  /** asked words' synonyms and keys, valid while no new feature id appears (an unknown key's -1 could become an id) */
  private readonly askedWords = new Map<string, WordInfo>();
  private readonly synonymIds = new Map<string, readonly number[]>();
  private askedWordsAtIds = -1;
  private readonly canonicalOf = new Map<string, string>();
  private readonly storedWords = new Map<string, WordInfo>();
  /** bumped by every change of the corpus: cached IDF weights older than this are recomputed */
  private generation = 0;
  // Scratch space for one match at a time (matching is synchronous).
  private readonly askedGramWeight = new ScratchMap();
  private readonly askedExpanded = new ScratchMap();
  private readonly askedWordKeys = new ScratchMap();
  private readonly storedWordFound = new ScratchMap();
  private readonly phrasingWordKeys = new ScratchMap();
  /** gather's score per slot, valid where `gatheredMark` holds the current `gatheredStamp` (typed arrays: the loop runs over thousands of postings) */
  private gatheredScore = new Float64Array(0);
  private gatheredMark = new Uint32Array(0);
  private gatheredStamp = 0;
  /** which words of one side the other holds (refilled for each comparison) */
  private readonly foundScratch: boolean[] = [];

  /** a plain BM25 over the stored questions' character bigrams: its agreement is evidence for confidence (bigramFirst) */
  private readonly bigrams = new QuestionBigramRanker();
  private readonly paraphrases: ParaphraseLexicon;
  private readonly tune: { paraphrase: number; answer: number; feedback: number; answerField: number };

  constructor(
    private readonly synonyms: SynonymTable = defaultSynonyms(),
    tuning: MatcherTuning = {},
  ) {
    this.paraphrases = tuning.paraphrases ?? defaultParaphrases();
    this.tune = {
      paraphrase: tuning.paraphrase ?? MATCH_PARAMS.paraphrase,
      answer: tuning.answer ?? MATCH_PARAMS.answer,
      feedback: tuning.feedback ?? MATCH_PARAMS.feedback,
      answerField: tuning.answerField ?? MATCH_PARAMS.answerField,
    };
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
    const analysed = phrasings.filter((p) => p.trim()).map((p) => analyzeQuestion(p, this.synonyms, this.canonical));
    if (analysed.length === 0) return;
    this.bigrams.upsert(id, phrasings);
    this.generation++;
    const keys = new Set<string>();
    for (const q of analysed) {
      for (const k of q.wordKeys) keys.add(`w:${k}`);
      for (const k of q.grams.keys()) keys.add(k);
    }
    const slot = this.slots.push(id) - 1;
    const features: number[] = [];
    for (const k of keys) {
      const f = this.ids.intern(k);
      features.push(f);
      this.df.add(f, 1);
      if (!k.startsWith('c:')) {
        (this.postings[f] ??= new Set()).add(slot);
        this.postingArrays[f] = undefined;
      }
    }
    this.entries.set(id, {
      slot,
      phrasings: analysed.map((q) => this.stored(q)),
      features,
      answer: answer?.trim() ? analyzeAnswer(answer, this.canonical) : undefined,
    });
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.bigrams.remove(id);
    for (const f of entry.features) {
      this.df.add(f, -1);
      const list = this.postings[f];
      list?.delete(entry.slot);
      if (list?.size === 0) this.postings[f] = undefined;
      this.postingArrays[f] = undefined;
    }
    this.slots[entry.slot] = null;
    this.entries.delete(id);
    this.generation++;
    return true;
  }

  /** The best stored questions for `question`, best first. */
  match(question: string, options: MatchOptions = {}): QuestionMatch[] {
    const q = analyzeQuestion(question, this.synonyms, this.canonical, { unplaced: false });
    if (q.words.length === 0 && q.grams.size === 0) return [];
    const asked = this.prepareAsked(q);
    let best = Number.MIN_VALUE;
    const prior = new Map<string, number>();
    for (const h of options.engineHits ?? []) {
      if (!this.entries.has(h.id)) continue;
      prior.set(h.id, h.score);
      if (h.score > best) best = h.score;
    }
    const limit = options.limit ?? 10;
    const out: Candidate[] = [];
    for (const id of new Set([...this.gather(asked), ...prior.keys()])) {
      const entry = this.entries.get(id)!;
      const scored = entry.phrasings.map((p) => this.similarity(asked, p));
      let sim = 0;
      let evidence = 0;
      let answerBound = 0;
      for (const s of scored) {
        sim = Math.max(sim, s.sim);
        evidence = Math.max(evidence, s.evidence);
        answerBound = Math.max(answerBound, s.answerBound);
      }
      const engine = MATCH_PARAMS.engine * ((prior.get(id) ?? 0) / best);
      const score = sim + engine;
      const upTo = entry.answer ? score + answerBound : score;
      out.push({ id, score, confidence: round(1 - 2 ** (-evidence / MATCH_PARAMS.halfConfidenceAt)), entry, scored, engine, upTo });
    }
    // The answer only adds: it is read for the candidates that could still reach the first `limit`.
    const floor = out.length > limit ? out.map((m) => m.score).sort((a, b) => b - a)[limit - 1]! : -Infinity;
    for (const m of out) {
      if (m.upTo <= m.score || m.upTo < floor) continue;
      let withAnswer = -Infinity;
      m.entry.phrasings.forEach((p, i) => {
        withAnswer = Math.max(withAnswer, m.scored[i]!.sim + this.answerBonus(asked, p, m.scored[i]!, m.entry.answer!));
      });
      m.score = m.engine + withAnswer;
    }
    if (this.tune.answerField > 0)
      for (const m of out) if (m.entry.answer) m.score += this.tune.answerField * this.answerCoverage(asked, m.entry.answer);
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    if (this.tune.feedback > 0 && out.length > 1) this.feedBack(asked, out, limit);
    return out.slice(0, limit).map(({ id, score, confidence }) => ({ id, score, confidence }));
  }

  /**
   * The stored question a plain character-bigram BM25 ranks first: a second opinion that shares none of this
   * matcher's tuning. When it names the same pair as match()'s first, that pair is more often right (the calibrated
   * confidence counts it: calibrateMatches' `bigramTop`).
   */
  bigramFirst(question: string): string | undefined {
    return this.bigrams.first(question);
  }

  private readonly canonical = (term: string) => this.canonicalOf.get(term) ?? term;

  private stored(q: AnalyzedQuestion): StoredPhrasing {
    const gramKeys = [...q.unplacedGrams.keys()];
    return {
      norm: q.norm,
      mask: charMask(q.norm),
      places: q.places,
      intents: q.intents,
      wordKeyIds: Int32Array.from(q.wordKeys, (k) => this.ids.intern(`w:${k}`)),
      expandedGramIds: Int32Array.from(q.gramsExpanded.keys(), (k) => this.ids.intern(k)),
      side: {
        words: q.unplacedWords.map((w) => this.storedWord(w)),
        parts: subWords(q.unplacedWords),
        gramKeys,
        gramIds: Int32Array.from(gramKeys, (k) => this.ids.intern(k)),
        gramBase: Float64Array.from(q.unplacedGrams.values()),
      },
      weights: undefined,
      weighedAt: -1,
    };
  }

  /** The shared WordInfo of a stored word (its synonyms' keys get ids too, so an asked synonym finds it). */
  private storedWord(word: string): WordInfo {
    let info = this.storedWords.get(word);
    if (!info) {
      const { forms, keys } = this.forms(word);
      info = {
        word,
        forms,
        formMasks: forms.map(charMask),
        keys,
        keyIds: keys.map((k) => this.ids.intern(`w:${k}`)),
        memo: this.storedWords.size,
      };
      this.storedWords.set(word, info);
    }
    return info;
  }

  private forms(word: string): { forms: string[]; keys: string[] } {
    const forms = this.synonyms.alternatives(word);
    return { forms, keys: [...new Set(forms.map(this.canonical))] };
  }

  /** Weighs the asked question and loads its features into the scratch lookups. */
  private prepareAsked(q: AnalyzedQuestion): Asked {
    const gramKeys = [...q.grams.keys()];
    const side: Side = {
      words: q.words.map((word) => this.askedWord(word)),
      parts: subWords(q.words),
      gramKeys,
      gramIds: Int32Array.from(gramKeys, (k) => this.ids.idOf(k)),
      gramBase: Float64Array.from(q.grams.values()),
    };
    const weights = this.weigh(side);
    this.askedGramWeight.clear();
    side.gramIds.forEach((id, i) => this.askedGramWeight.set(id, weights.grams[i]!));
    // gramsExpanded starts with the question's own grams, in order: only the synonyms' extra ones need looking up
    this.askedExpanded.clear();
    side.gramIds.forEach((id) => this.askedExpanded.set(id, 1));
    let at = 0;
    for (const k of q.gramsExpanded.keys()) if (at++ >= gramKeys.length) this.askedExpanded.set(this.ids.idOf(k), 1);
    // a word's first key is its canonical form: the keys of q.wordKeys
    this.askedWordKeys.clear();
    for (const w of side.words) this.askedWordKeys.set(w.keyIds[0]!, 1);
    this.storedWordFound.clear();
    const paraphrases = side.words.map((w) => this.paraphrases.of(w.word));
    return { q, mask: charMask(q.norm), side, weights, paraphrases };
  }

  /**
   * An asked word's synonyms, masks and key ids. A word some stored question has shares its WordInfo
   * (its keys all have ids, as idOf would find); others are kept until a new feature id appears.
   */
  private askedWord(word: string): WordInfo {
    const stored = this.storedWords.get(word);
    if (stored) return stored;
    this.validateAskedMemos();
    let info = this.askedWords.get(word);
    if (!info) {
      const { forms, keys } = this.forms(word);
      info = { word, forms, formMasks: forms.map(charMask), keys, keyIds: keys.map((k) => this.ids.idOf(`w:${k}`)), memo: -1 };
      this.askedWords.set(word, info);
    }
    return info;
  }

  private idf(id: number): number {
    const df = this.df.get(id);
    return Math.log(1 + (this.entries.size - df + 0.5) / (df + 0.5));
  }

  /** Candidates sharing the most informative words and character pairs with the question. */
  private gather(asked: Asked): string[] {
    const limit = Math.max(100, this.entries.size * MATCH_PARAMS.commonFeature);
    const keys = new Set<number>();
    for (const w of asked.q.wordKeys) for (const id of this.synonymKeyIds(w)) keys.add(id);
    const { gramKeys, gramIds } = asked.side;
    for (let i = 0; i < gramKeys.length; i++) if (!gramKeys[i]!.startsWith('c:')) keys.add(gramIds[i]!);
    // a mined paraphrase gathers too, at the share of its weight it counts for in the similarity
    const scale = new Map<number, number>();
    for (const list of asked.paraphrases)
      for (const p of list) {
        const id = this.ids.idOf(`w:${this.canonical(p.term)}`);
        if (id < 0 || keys.has(id)) continue;
        scale.set(id, Math.max(scale.get(id) ?? 0, this.tune.paraphrase * p.weight));
      }
    const stamp = this.nextGatherStamp();
    const score = this.gatheredScore;
    const mark = this.gatheredMark;
    const touched: number[] = [];
    for (const k of [...keys, ...scale.keys()]) {
      const list = k >= 0 ? this.postings[k] : undefined;
      if (!list || list.size > limit) continue;
      const w = this.idf(k) * (scale.get(k) ?? 1);
      const slots = this.postingArray(k, list);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (mark[slot] !== stamp) {
          mark[slot] = stamp;
          touched.push(slot);
          score[slot] = w;
        } else score[slot] = score[slot]! + w;
      }
    }
    return topInOrder(touched, (slot) => score[slot]!, MATCH_PARAMS.candidates).map((slot) => this.slots[slot]!);
  }

  /** A fresh stamp for gather's per-slot scores (sized to every slot, emptied by moving to the next stamp). */
  private nextGatherStamp(): number {
    if (this.gatheredMark.length < this.slots.length) {
      const size = Math.max(1024, this.slots.length * 2);
      this.gatheredScore = new Float64Array(size);
      this.gatheredMark = new Uint32Array(size);
      this.gatheredStamp = 0;
    }
    if (++this.gatheredStamp === 0xffffffff) {
      this.gatheredMark.fill(0);
      this.gatheredStamp = 1;
    }
    return this.gatheredStamp;
  }

  /** The `w:` ids of a word's synonyms' canonical keys (-1 for a key no stored question has), in synonym order. */
  private synonymKeyIds(word: string): readonly number[] {
    this.validateAskedMemos();
    let ids = this.synonymIds.get(word);
    if (!ids) this.synonymIds.set(word, (ids = this.synonyms.alternatives(word).map((f) => this.ids.idOf(`w:${this.canonical(f)}`))));
    return ids;
  }

  /** Memos of looked-up ids hold while no new feature id appears (an unknown key's -1 could become an id). */
  private validateAskedMemos(): void {
    if (this.askedWordsAtIds !== this.ids.size || this.askedWords.size + this.synonymIds.size > 50_000) {
      this.askedWords.clear();
      this.synonymIds.clear();
      this.askedWordsAtIds = this.ids.size;
    }
  }

  /** Feature `k`'s posting Set as an array in the Set's order (arrays iterate faster), kept until the Set changes. */
  private postingArray(k: number, list: Set<number>): Int32Array {
    let slots = this.postingArrays[k];
    if (!slots) this.postingArrays[k] = slots = Int32Array.from(list);
    return slots;
  }

  private weigh(side: Side): Weights {
    const words = new Float64Array(side.words.length);
    for (let i = 0; i < words.length; i++) words[i] = FEATURE_WEIGHTS.word * this.idf(side.words[i]!.keyIds[0]!);
    const grams = new Float64Array(side.gramBase.length);
    for (let i = 0; i < grams.length; i++) grams[i] = side.gramBase[i]! * this.idf(side.gramIds[i]!);
    let total = 0;
    for (let i = 0; i < words.length; i++) total += words[i]!;
    for (let i = 0; i < grams.length; i++) total += grams[i]!;
    return { words, grams, total };
  }

  /** The stored phrasing's weights at the current corpus generation. */
  private storedWeights(p: StoredPhrasing): Weights {
    if (p.weighedAt !== this.generation || !p.weights) {
      p.weights = this.weigh(p.side);
      p.weighedAt = this.generation;
    }
    return p.weights;
  }

  /**
   * Which asked words the stored phrasing holds: as a word (or a synonym's), or anywhere in its
   * text (segmentations differ between phrasings: 报 is found in 报销).
   */
  private askedWordsIn(asked: Asked, d: StoredPhrasing, found: boolean[]): boolean[] {
    const keys = this.phrasingWordKeys;
    keys.clear();
    for (const id of d.wordKeyIds) keys.set(id, 1);
    const words = asked.side.words;
    for (let i = 0; i < words.length; i++) found[i] = holds(words[i]!, keys, d.norm, d.mask);
    return found;
  }

  /** Which stored words the asked question holds; each distinct word is worked out once per asked question. */
  private storedWordsIn(asked: Asked, d: StoredPhrasing, found: boolean[]): boolean[] {
    const words = d.side.words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const known = this.storedWordFound.get(w.memo);
      if (known) found[i] = known === FOUND;
      else {
        found[i] = holds(w, this.askedWordKeys, asked.q.norm, asked.mask);
        this.storedWordFound.set(w.memo, found[i] ? FOUND : MISSING);
      }
    }
    return found;
  }

  /**
   * Weight of a side's words found in the other question. A compound that is not found counts for
   * the share of its characters its found sub-words cover (饲料厂 by 饲料: two thirds).
   */
  private wordCoverage(side: Side, weights: Weights, found: readonly boolean[]): number {
    let num = 0;
    for (let i = 0; i < side.words.length; i++) {
      if (found[i]) num += weights.words[i]!;
      else if (side.parts[i]!.length > 0) num += weights.words[i]! * partCoverage(i, side, found);
    }
    return num;
  }

  /**
   * Similarity of the asked question to one stored phrasing, and the evidence for confidence: the
   * similarity, or (for a long question that holds the whole stored one) the stored question's
   * coverage. Character features count when the other side (with its synonyms' characters) has them.
   */
  private similarity(asked: Asked, d: StoredPhrasing): Similarity {
    const askedFound = this.askedWordsIn(asked, d, this.foundScratch);
    let coveredNum = this.wordCoverage(asked.side, asked.weights, askedFound) + this.paraphraseCoverage(asked, d, askedFound);
    const grams = d.expandedGramIds;
    for (let i = 0; i < grams.length; i++) coveredNum += this.askedGramWeight.get(grams[i]!);
    const stored = this.storedWeights(d);
    let coveringNum = this.wordCoverage(d.side, stored, this.storedWordsIn(asked, d, this.foundScratch));
    const own = d.side.gramIds;
    for (let i = 0; i < own.length; i++) if (this.askedExpanded.has(own[i]!)) coveringNum += stored.grams[i]!;
    const covered = coveredNum / (asked.weights.total || 1);
    const covering = coveringNum / (stored.total || 1);
    let factor = intentFactor(asked.q.intents, d.intents) * placeFactor(asked.q.places, d.places);
    if (asked.q.places.length === 0 && d.places.length > 0) factor *= 1 - MATCH_PARAMS.placeless;
    const sim = (MATCH_PARAMS.askedShare * covered + (1 - MATCH_PARAMS.askedShare) * covering) * factor;
    // the answer can add at most what the stored question leaves uncovered
    const answerBound = MATCH_PARAMS.askedShare * this.tune.answer * Math.max(0, 1 - covered) * covering * factor;
    return { sim, evidence: Math.max(sim, MATCH_PARAMS.coveringEvidence * covering * factor), covering, factor, answerBound };
  }

  /**
   * Weight of the asked words the stored phrasing lacks but holds a mined paraphrase of (in its text): a share of the
   * word's weight times the paraphrase's weight, less what the word's found sub-words already cover.
   */
  private paraphraseCoverage(asked: Asked, d: StoredPhrasing, found: readonly boolean[]): number {
    if (this.tune.paraphrase <= 0) return 0;
    let num = 0;
    // `found` is a reused scratch array: only its first side.words.length entries are this comparison's
    for (let i = 0; i < asked.side.words.length; i++) {
      const list = asked.paraphrases[i]!;
      if (found[i] || list.length === 0) continue;
      let best = 0;
      for (const p of list) if (p.weight > best && d.norm.includes(p.term)) best = p.weight;
      if (best === 0) continue;
      const part = asked.side.parts[i]!.length > 0 ? partCoverage(i, asked.side, found) : 0;
      num += asked.weights.words[i]! * Math.max(0, this.tune.paraphrase * best - part);
    }
    return num;
  }

  /** Share of the asked question's words (or a synonym, two characters and longer in its text) and character pairs the answer holds. */
  private answerCoverage(asked: Asked, answer: AnalyzedAnswer): number {
    const { side, weights } = asked;
    let num = 0;
    let total = 0;
    for (let i = 0; i < side.words.length; i++) {
      const w = side.words[i]!;
      total += weights.words[i]!;
      if (w.keys.some((k) => answer.wordKeys.has(k)) || w.forms.some((f) => f.length > 1 && answer.norm.includes(f)))
        num += weights.words[i]!;
    }
    for (let i = 0; i < side.gramKeys.length; i++) {
      const k = side.gramKeys[i]!;
      if (k.startsWith('c:')) continue;
      total += weights.grams[i]!;
      if (answer.pairs.has(k)) num += weights.grams[i]!;
    }
    return total > 0 ? num / total : 0;
  }

  /**
   * Pseudo-relevance feedback: the words the first few matches hold and the question lacks are taken as what the
   * question is about; each of the first `limit` matches gains for the feedback words it holds, counting only the
   * other matches' words (its own would favour whatever is already first). Re-sorts `out` in place.
   */
  private feedBack(asked: Asked, out: Candidate[], limit: number): void {
    const depth = Math.min(MATCH_PARAMS.feedbackDepth, out.length);
    const top = out[0]!.score || 1;
    const bestPhrasing = (m: Candidate) => {
      let at = 0;
      m.scored.forEach((s, i) => {
        if (s.sim > m.scored[at]!.sim) at = i;
      });
      return m.entry.phrasings[at]!;
    };
    const own = out.slice(0, depth).map((m) => {
      const words = new Map<string, number>();
      const scale = Math.max(0, m.score / top);
      for (const w of bestPhrasing(m).side.words) if (!asked.q.norm.includes(w.word)) words.set(w.word, scale * this.idf(w.keyIds[0]!));
      return words;
    });
    const pooled = new Map<string, number>();
    for (const words of own) for (const [w, x] of words) pooled.set(w, (pooled.get(w) ?? 0) + x);
    let total = 0;
    for (const x of pooled.values()) total += x;
    if (total <= 0) return;
    for (let i = 0; i < Math.min(limit, out.length); i++) {
      const m = out[i]!;
      let held = 0;
      for (const w of new Set(bestPhrasing(m).side.words.map((x) => x.word))) held += (pooled.get(w) ?? 0) - (own[i]?.get(w) ?? 0);
      m.score += this.tune.feedback * (held / total);
    }
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /**
   * What the pair's answer adds to the ranking: the share of the asked question found in the answer
   * and not in the stored question, weighed by how much of the stored question the asked one holds
   * (a general stored question inside the asked one, the asker's specifics in its answer). Words (or
   * a synonym) count when the answer has them as words or, three characters and longer, in its text;
   * character pairs by sound (single characters of a long answer tell little).
   */
  private answerBonus(asked: Asked, d: StoredPhrasing, s: Similarity, answer: AnalyzedAnswer): number {
    if (s.answerBound <= 0) return 0;
    const { side, weights } = asked;
    const found = this.askedWordsIn(asked, d, []);
    const inAnswer = side.words.map(
      (w, i) => !found[i] && (w.keys.some((k) => answer.wordKeys.has(k)) || w.forms.some((f) => f.length > 2 && answer.norm.includes(f))),
    );
    let fromAnswer = 0;
    if (inAnswer.some(Boolean)) {
      const inEither = found.map((f, i) => f || inAnswer[i]!);
      for (let i = 0; i < side.words.length; i++) {
        if (found[i]) continue;
        const hasParts = side.parts[i]!.length > 0;
        const part = hasParts ? partCoverage(i, side, found) : 0;
        fromAnswer += weights.words[i]! * ((inAnswer[i] ? 1 : hasParts ? partCoverage(i, side, inEither) : 0) - part);
      }
    }
    // an asked word neither the question nor the answer holds, whose mined paraphrase only the answer holds (the
    // asker's wording ↔ the official terms that answer it), at the paraphrase's share as in the similarity
    if (this.tune.paraphrase > 0)
      for (let i = 0; i < side.words.length; i++) {
        if (found[i] || inAnswer[i]) continue;
        let best = 0;
        for (const p of asked.paraphrases[i]!)
          if (p.weight > best && answer.norm.includes(p.term) && !d.norm.includes(p.term)) best = p.weight;
        const part = side.parts[i]!.length > 0 ? partCoverage(i, side, found) : 0;
        if (best > 0) fromAnswer += weights.words[i]! * Math.max(0, this.tune.paraphrase * best - part);
      }
    this.phrasingWordKeys.clear();
    for (const id of d.expandedGramIds) this.phrasingWordKeys.set(id, 1);
    side.gramKeys.forEach((k, i) => {
      if (!this.phrasingWordKeys.has(side.gramIds[i]!) && answer.pairs.has(k)) fromAnswer += weights.grams[i]!;
    });
    return MATCH_PARAMS.askedShare * this.tune.answer * (fromAnswer / (weights.total || 1)) * s.covering * s.factor;
  }
}

/**
 * The `k` items with the highest scores, best first, ties in their original order: what a stable
 * sort and slice would give, without sorting thousands of candidates to keep fifty.
 */
function topInOrder(items: number[], score: (item: number) => number, k: number): number[] {
  const scores = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) scores[i] = score(items[i]!);
  let chosen = items;
  if (items.length > k) {
    const threshold = kthLargest(scores, k);
    const above = items.filter((_, i) => scores[i]! > threshold);
    const at = items.filter((_, i) => scores[i] === threshold).slice(0, k - above.length);
    chosen = [...above, ...at];
  }
  return chosen
    .map((item) => ({ item, s: score(item) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.item);
}

/** The k-th largest of `values` (1 ≤ k ≤ length): what sorting and indexing would give, with a k-sized min-heap. */
export function kthLargest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (size < k) {
      // sift up
      let at = size++;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (heap[up]! <= v) break;
        heap[at] = heap[up]!;
        at = up;
      }
      heap[at] = v;
    } else if (v > heap[0]!) {
      // replace the smallest kept and sift down
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= k) break;
        const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= v) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = v;
    }
  }
  return heap[0]!;
}

/** For each word, the indexes of the other words inside it (its sub-words in the same list). */
function subWords(words: readonly string[]): number[][] {
  // runs for every asked question (n² pairs of its words): loops, and only shorter words can be inside
  const out: number[][] = [];
  for (const word of words) {
    const parts: number[] = [];
    for (let i = 0; i < words.length; i++) if (words[i]!.length < word.length && word.includes(words[i]!)) parts.push(i);
    out.push(parts);
  }
  return out;
}

/** Whether a text (its word keys marked in `keys`) holds word `w`: as a word, a synonym, or inside its text. */
function holds(w: WordInfo, keys: ScratchMap, norm: string, mask: CharMask): boolean {
  for (const id of w.keyIds) if (keys.has(id)) return true;
  for (let i = 0; i < w.forms.length; i++) if (containsWord(norm, mask, w.forms[i]!, w.formMasks[i]!)) return true;
  return false;
}

/** Share of word `i`'s characters covered by its found sub-words. */
function partCoverage(i: number, side: Side, found: readonly boolean[]): number {
  const word = side.words[i]!.word;
  if (word.length <= 30) {
    let bits = 0;
    for (const j of side.parts[i]!) {
      if (!found[j]) continue;
      const part = side.words[j]!.word;
      const run = (1 << part.length) - 1;
      for (let at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) bits |= run << at;
    }
    return popCount(bits) / word.length;
  }
  const covered = new Array<boolean>(word.length).fill(false);
  for (const j of side.parts[i]!) {
    if (!found[j]) continue;
    const part = side.words[j]!.word;
    for (let at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) covered.fill(true, at, at + part.length);
  }
  return covered.filter(Boolean).length / covered.length;
}

function popCount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

function intentFactor(asked: ReadonlySet<QuestionIntent>, stored: ReadonlySet<QuestionIntent>): number {
  if (asked.size === 0) return 1;
  if (stored.size === 0) return 1 - MATCH_PARAMS.intentUnknown;
  for (const i of asked) if (stored.has(i)) return 1 + MATCH_PARAMS.intent;
  return 1 - MATCH_PARAMS.intent;
}
