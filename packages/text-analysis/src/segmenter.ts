import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict.js';
import { DICT_FILES, readDictFile } from './dictionary.js';
import { normalize } from './normalize.js';
import { RecentResults } from './recent-results.js';
import { isWordlike, QUERY_FILLERS, STOPWORDS } from './stopwords.js';

/** Frozen segmentation settings; part of analyzerVersion. HMM off: fewer invented fragments. */
export const SEGMENTER_SETTINGS = { hmm: false, indexMode: 'cutForSearch+cutAll', longWord: 5, queryMode: 'cut' } as const;

let jieba: Jieba | undefined;

/** One jieba instance per process: default dictionary + the package's domain dictionaries. */
export function getJieba(): Jieba {
  if (!jieba) {
    const instance = Jieba.withDict(defaultDict);
    for (const file of DICT_FILES) instance.loadDict(readDictFile(file));
    jieba = instance;
  }
  return jieba;
}

function keep(token: string): boolean {
  return token.length > 0 && isWordlike(token) && !STOPWORDS.has(token);
}

/**
 * Terms for indexing: normalised text in search mode (words plus their 2- and 3-character
 * dictionary sub-words), and for long words also their longer dictionary sub-words, which
 * search mode leaves out (基本医疗保险 must also yield 医疗保险, the precise-mode query word).
 */
export function indexTokens(text: string): string[] {
  const norm = normalize(text);
  if (!norm) return [];
  const j = getJieba();
  const out: string[] = [];
  for (const token of j.cutForSearch(norm, SEGMENTER_SETTINGS.hmm)) {
    if (!keep(token)) continue;
    out.push(token);
    if (token.length < SEGMENTER_SETTINGS.longWord) continue;
    for (const sub of j.cutAll(token)) if (sub.length > 3 && sub !== token) out.push(sub);
  }
  return out;
}

/** Terms for a query: normalised text in precise mode, question fillers dropped. */
export function queryTokens(text: string): string[] {
  const norm = normalize(text);
  if (!norm) return [];
  const words = preciseCut(norm).filter(keep);
  const meaningful = words.filter((w) => !QUERY_FILLERS.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

/** Raw precise-mode words covering the input contiguously (for highlighting boundaries). */
export function cutWords(text: string): string[] {
  return text ? [...preciseCut(text)] : [];
}

/** an asked question is cut in precise mode twice (the engine's query words, the matcher's meaningful runs) */
const recentCuts = new RecentResults<readonly string[]>(2);
const preciseCut = (text: string): readonly string[] => recentCuts.get(text, (t) => getJieba().cut(t, SEGMENTER_SETTINGS.hmm));
