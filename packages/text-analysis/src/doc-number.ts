import { DICT_FILES, readDictFile } from './dictionary.js';
import { normalize } from './normalize.js';
import { cutWords } from './segmenter.js';
import { QUERY_FILLERS, STOPWORDS } from './stopwords.js';

/** A 发文字号 split into its parts; `key` is the spelling-independent lookup key. */
export interface DocNumber {
  prefix: string;
  year: string;
  serial: string;
  key: string;
}

const OPEN = '〔\\[(【';
const CLOSE = '〕\\])】';
const PREFIX = '([\\u4e00-\\u9fa5][\\u4e00-\\u9fa5a-z]{0,19}?)';
const YEAR_FORM = `${PREFIX}[${OPEN}]?((?:19|20)\\d{2})(?:[${CLOSE}]|年)?第?(\\d{1,5})(?:号)?(令|文件|文)?`;
const SERIAL_FORM = `${PREFIX}第?(\\d{1,6})号(令|文件)?`;
const WITH_YEAR = new RegExp(`^${YEAR_FORM}$`, 'u');
const WITHOUT_YEAR = new RegExp(`^${SERIAL_FORM}$`, 'u');
const IN_TEXT_WITH_YEAR = new RegExp(`${PREFIX}[${OPEN}]?((?:19|20)\\d{2})(?:[${CLOSE}]|年)?第?(\\d{1,5})号(令|文件|文)?`, 'u');
const IN_TEXT_WITHOUT_YEAR = new RegExp(SERIAL_FORM, 'u');

/** Brackets, spaces and script vary between spellings; fold them before matching. */
function squash(text: string): string {
  return normalize(text).replace(/\s+/gu, '');
}

/** Short forms people type for an organ's order numbers. */
const PREFIX_ALIASES: Record<string, string> = { 国令: '国务院令' };

function build(rawPrefix: string, year: string, serial: string, suffix?: string): DocNumber {
  let prefix = rawPrefix.replace(/^中华人民共和国(?=.)/u, '');
  prefix = PREFIX_ALIASES[prefix] ?? prefix;
  if (suffix === '令' && !prefix.endsWith('令')) prefix += '令';
  const n = String(Number.parseInt(serial, 10));
  return { prefix, year, serial: n, key: `${prefix}|${year}|${n}` };
}

/** Parses a whole string that is a document number in any common spelling, else null. */
export function parseDocNumber(text: string): DocNumber | null {
  const s = squash(text);
  const y = WITH_YEAR.exec(s);
  if (y) return build(y[1]!, y[2]!, y[3]!, y[4]);
  const n = WITHOUT_YEAR.exec(s);
  return n ? build(n[1]!, '', n[2]!, n[3]) : null;
}

let daizi: string[] | undefined;

/** Known issuing-organ abbreviations, longest first, from the shipped dictionary. */
function knownDaizi(): string[] {
  daizi ??= readDictFile(DICT_FILES[1])
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/u)[0] ?? '')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return daizi;
}

/** In running text the lazy prefix also swallows the words before it; cut those away. */
function trimPrefix(prefix: string): string {
  const known = knownDaizi().find((d) => prefix.endsWith(d));
  if (known) return known;
  const words = cutWords(prefix);
  while (words.length > 1 && (QUERY_FILLERS.has(words[0]!) || STOPWORDS.has(words[0]!) || /^(查|找|搜)/u.test(words[0]!))) {
    words.shift();
  }
  return words.join('');
}

/** Finds a document number inside a query such as 「浙政办发2018年111号文件讲了什么」. */
export function detectDocNumber(query: string): (DocNumber & { match: string }) | null {
  const s = squash(query);
  const m = IN_TEXT_WITH_YEAR.exec(s) ?? IN_TEXT_WITHOUT_YEAR.exec(s);
  if (!m) return null;
  const hasYear = m.length === 5;
  const parsed = hasYear ? build(trimPrefix(m[1]!), m[2]!, m[3]!, m[4]) : build(trimPrefix(m[1]!), '', m[2]!, m[3]);
  return { ...parsed, match: m[0] };
}
