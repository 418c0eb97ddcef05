import { normalize } from './normalize.js';
import { soundKey } from './pinyin.js';
import { placesAndRest, type Place } from './places.js';
import { cutWords, indexTokens } from './segmenter.js';
import { QUERY_FILLERS, STOPWORDS } from './stopwords.js';
import type { SynonymTable } from './synonyms.js';

/**
 * What a question asks for. Two questions about the same matter that ask for different things
 * (when? how much? where? which papers?) have different answers.
 */
export type QuestionIntent = 'time' | 'amount' | 'channel' | 'material' | 'condition' | 'procedure' | 'use';

const INTENT_PATTERNS: Record<QuestionIntent, RegExp> = {
  time: /什么时候|啥时候|何时|几号|哪天|哪一天|多久|多长时间|期限|时限|截止|日期|几月|起止|早于|延长至|延长到|推迟到|到何时/u,
  amount: /多少|几个|几家|几年|几天|比例|标准|额度|金额|费率|几成|百分/u,
  channel: /哪里|在哪|去哪|哪儿|(?<!如)何处|什么地方|地点|渠道|途径|通道|平台|窗口|热线|电话|网址/u,
  material: /材料|证件|带什么|资料|证明/u,
  condition: /条件|哪些人|什么人|哪类|符合|适用|范围|对象/u,
  procedure: /流程|程序|步骤|手续|怎么办理|如何办理|怎么申请|如何申请/u,
  use: /用途|用来|用于|干嘛|使用/u,
};

export function questionIntents(normalized: string): Set<QuestionIntent> {
  return new Set((Object.keys(INTENT_PATTERNS) as QuestionIntent[]).filter((k) => INTENT_PATTERNS[k].test(normalized)));
}

/** Question words that say what kind of answer is wanted, not what it is about (on top of the query fillers). */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...QUERY_FILLERS,
  '什么',
  '哪些',
  '有何',
  '何',
  '如何',
  '怎样',
  '可以',
  '为',
  '了',
  '呢',
  '有',
  '啥时候',
  '什么样',
  '怎么样',
  '为何',
  '何种',
  '会不会',
  '是不是',
  '可不可以',
  '要不要',
  '算不算',
  '能否',
  '是否',
  '会',
  '不会',
]);

/** Weights of the three kinds of evidence: words, sound-keyed character pairs, single characters. */
export const FEATURE_WEIGHTS = { word: 1, pair: 0.6, char: 0.5 } as const;

/** Feature key → weight. Keys: `w:` word (canonical synonym), `b:` character pair by sound, `c:` character. */
export type Features = Map<string, number>;

export interface AnalyzedQuestion {
  norm: string;
  /** the words that carry meaning (search-mode words and sub-words, question words dropped) */
  words: string[];
  /** canonical forms of `words` */
  wordKeys: Set<string>;
  /** character pairs (by sound) and characters of the meaningful runs */
  grams: Features;
  /** `grams` plus those of each word's synonyms, so a synonym also matches at character level */
  gramsExpanded: Features;
  /** `words` and `grams` of the question without its place names */
  unplacedWords: string[];
  unplacedGrams: Features;
  places: Place[];
  intents: Set<QuestionIntent>;
}

function put(f: Features, key: string, weight: number) {
  if ((f.get(key) ?? 0) < weight) f.set(key, weight);
}

/** Runs of meaningful text: the precise-mode words with question words and punctuation as breaks. */
function meaningfulRuns(norm: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const w of cutWords(norm)) {
    if (QUESTION_WORDS.has(w) || !/[\p{L}\p{N}]/u.test(w)) {
      if (run) runs.push(run);
      run = '';
    } else run += w;
  }
  if (run) runs.push(run);
  return runs;
}

/** Character-level features of normalised text: adjacent Han pairs keyed by sound, single Han characters, Latin/digit runs. */
export function gramFeatures(norm: string): Features {
  const f: Features = new Map();
  for (const run of meaningfulRuns(norm)) {
    for (const piece of run.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
      if (!/\p{Script=Han}/u.test(piece)) {
        put(f, `w:${piece}`, FEATURE_WEIGHTS.word);
        continue;
      }
      const chars = [...piece];
      for (let i = 0; i < chars.length; i++) {
        if (!STOPWORDS.has(chars[i]!)) put(f, `c:${chars[i]}`, FEATURE_WEIGHTS.char);
        if (i + 1 < chars.length) put(f, `b:${soundKey(chars[i]!)}${soundKey(chars[i + 1]!)}`, FEATURE_WEIGHTS.pair);
      }
    }
  }
  return f;
}

function meaningfulWords(norm: string): string[] {
  return [...new Set(indexTokens(norm))].filter((t) => !QUESTION_WORDS.has(t));
}

/** Character features of synonym-table terms, computed once each (the table bounds this cache). */
const synonymGramCache = new Map<string, Features>();
function synonymGrams(term: string): Features {
  let f = synonymGramCache.get(term);
  if (!f) synonymGramCache.set(term, (f = gramFeatures(term)));
  return f;
}

/**
 * Everything the matcher compares about one question text. `unplaced: false` skips the place-free
 * words and features (only stored questions need them), leaving them empty.
 */
export function analyzeQuestion(
  text: string,
  synonyms: SynonymTable,
  canonical: (term: string) => string,
  { unplaced: withUnplaced = true } = {},
): AnalyzedQuestion {
  // 水、电、气 and 水电气 are the same list
  const norm = normalize(text).replace(/(?<=\p{Script=Han})、(?=\p{Script=Han})/gu, '');
  const { places, rest: unplaced } = placesAndRest(norm);
  const words = meaningfulWords(norm);
  const grams = gramFeatures(norm);
  const gramsExpanded = new Map(grams);
  for (const w of words) {
    for (const alt of synonyms.alternatives(w).slice(1)) for (const [k, v] of synonymGrams(alt)) put(gramsExpanded, k, v);
  }
  return {
    norm,
    words,
    wordKeys: new Set(words.map(canonical)),
    grams,
    gramsExpanded,
    unplacedWords: withUnplaced ? meaningfulWords(unplaced) : [],
    unplacedGrams: withUnplaced ? gramFeatures(unplaced) : new Map<string, number>(),
    places,
    intents: questionIntents(norm),
  };
}

/** What the matcher looks up in a stored answer: its text, its words (canonical) and its character pairs by sound. */
export interface AnalyzedAnswer {
  norm: string;
  wordKeys: Set<string>;
  /** the `b:` (pair) and `w:` (Latin/digit run) features only: single characters of a long text tell little */
  pairs: Set<string>;
}

/** Analyses an answer text once (at upsert), so matching only looks features up. */
export function analyzeAnswer(text: string, canonical: (term: string) => string): AnalyzedAnswer {
  const norm = normalize(text).replace(/(?<=\p{Script=Han})、(?=\p{Script=Han})/gu, '');
  const pairs = new Set<string>();
  for (const k of gramFeatures(norm).keys()) if (!k.startsWith('c:')) pairs.add(k);
  return { norm, wordKeys: new Set(meaningfulWords(norm).map(canonical)), pairs };
}
