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
/** An order number typed without 号: 国务院令656, 人社部令第5 */
const ORDER_PREFIX = '((?:国|[\\u4e00-\\u9fa5]{2,20}?))';
const ORDER_WITHOUT_HAO = new RegExp(`^${ORDER_PREFIX}令第?(\\d{1,6})$`, 'u');
const IN_TEXT_WITH_YEAR = new RegExp(`${PREFIX}[${OPEN}]?((?:19|20)\\d{2})(?:[${CLOSE}]|年)?第?(\\d{1,5})号(令|文件|文)?`, 'u');
const IN_TEXT_WITHOUT_YEAR = new RegExp(SERIAL_FORM, 'u');
const IN_TEXT_ORDER_WITHOUT_HAO = new RegExp(`${ORDER_PREFIX}令第?(\\d{1,6})(?![\\d年])`, 'u');

/** Brackets, spaces and script vary between spellings; fold them before matching. */
function squash(text: string): string {
  return normalize(text).replace(/\s+/gu, '');
}

/** Short forms people type for an organ's order numbers. */
const PREFIX_ALIASES: Record<string, string> = { 国令: '国务院令' };

/**
 * Issuing organs whose orders (令) people cite by a short name: full name → the one form the key uses.
 * Reviewed by hand; only current organs whose short name is unambiguous (交通部, 农业部 were organs of their own).
 */
const AGENCY_SHORT_NAMES: Record<string, string> = {
  人力资源和社会保障部: '人社部',
  人力资源社会保障部: '人社部',
  住房和城乡建设部: '住建部',
  住房城乡建设部: '住建部',
  国家市场监督管理总局: '市场监管总局',
  国家市场监管总局: '市场监管总局',
  国家发展和改革委员会: '发改委',
  国家发展改革委: '发改委',
  国家发改委: '发改委',
  工业和信息化部: '工信部',
  国家卫生健康委员会: '卫健委',
  国家卫生健康委: '卫健委',
  国家卫健委: '卫健委',
  国家卫生和计划生育委员会: '卫计委',
  国家卫计委: '卫计委',
  科学技术部: '科技部',
  文化和旅游部: '文旅部',
  国家税务总局: '税务总局',
  中国人民银行: '人民银行',
  生态环境部: '生态环境部',
  国家知识产权局: '知识产权局',
  国家医疗保障局: '医保局',
  国家医保局: '医保局',
  退役军人事务部: '退役军人部',
  国家食品药品监督管理总局: '食药监总局',
  国家新闻出版广电总局: '广电总局',
  国家广播电视总局: '广电总局',
  中国银行保险监督管理委员会: '银保监会',
  中国证券监督管理委员会: '证监会',
};

/** An order's issuer in its one spelling: 中华人民共和国 dropped everywhere (joint orders too), short organ names. */
function orderIssuer(prefix: string): string {
  const issuer = prefix.slice(0, -1).replace(/中华人民共和国(?=.)/gu, '');
  return `${AGENCY_SHORT_NAMES[issuer] ?? issuer}令`;
}

function build(rawPrefix: string, year: string, serial: string, suffix?: string): DocNumber {
  let prefix = rawPrefix.replace(/^中华人民共和国(?=.)/u, '');
  prefix = PREFIX_ALIASES[prefix] ?? prefix;
  if (suffix === '令' && !prefix.endsWith('令')) prefix += '令';
  if (prefix.endsWith('令')) prefix = orderIssuer(prefix);
  const n = String(Number.parseInt(serial, 10));
  return { prefix, year, serial: n, key: `${prefix}|${year}|${n}` };
}

/** Parses a whole string that is a document number in any common spelling, else null. */
export function parseDocNumber(text: string): DocNumber | null {
  const s = squash(text);
  const y = WITH_YEAR.exec(s);
  if (y) return build(y[1]!, y[2]!, y[3]!, y[4]);
  const n = WITHOUT_YEAR.exec(s);
  if (n) return build(n[1]!, '', n[2]!, n[3]);
  const o = ORDER_WITHOUT_HAO.exec(s);
  return o ? build(`${o[1]!}令`, '', o[2]!) : null;
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

const DIGIT = /\d/u;

/** Finds a document number inside a query such as 「浙政办发2018年111号文件讲了什么」. */
export function detectDocNumber(query: string): (DocNumber & { match: string }) | null {
  const s = squash(query);
  // every form needs a serial in digits: most questions have none, and the three searches below scan the whole text
  if (!DIGIT.test(s)) return null;
  const m = IN_TEXT_WITH_YEAR.exec(s) ?? IN_TEXT_WITHOUT_YEAR.exec(s);
  if (!m) {
    const o = IN_TEXT_ORDER_WITHOUT_HAO.exec(s);
    return o ? { ...build(`${trimPrefix(o[1]!)}令`, '', o[2]!), match: o[0] } : null;
  }
  const hasYear = m.length === 5;
  const parsed = hasYear ? build(trimPrefix(m[1]!), m[2]!, m[3]!, m[4]) : build(trimPrefix(m[1]!), '', m[2]!, m[3]);
  return { ...parsed, match: m[0] };
}

/** A line of a promulgation record: a date, then who passed, promulgated or revised the text (公布, 修订 …). */
const RECORD_LINE = /^[（(]?(?:根据)?\d{4}年\d{1,2}月\d{1,2}日.*(?:公布|发布|修订|修正|施行|通过)/u;
/** The first clause or chapter heading, or a table of contents, ends the record. */
const RECORD_END = /^(?:第[一二三四五六七八九十百零〇]+[编章节条]|目\s*录)/u;
/** An order number at the start of a record part: 中华人民共和国国务院令第656号 */
const RECORD_ORDER = /^((?:\p{Script=Han}|、){2,40}?令)第?(\d{1,5})号/u;

/**
 * The keys of every order number in a text's promulgation record (the lines before its first chapter
 * or clause): the original order and every revising one (国务院令第76号发布 … 国务院令第706号公布).
 */
export function recordOrderNumbers(body: string): string[] {
  const keys = new Set<string>();
  const lines = body.split('\n', 40);
  for (const raw of lines) {
    const line = normalize(raw).trim();
    if (RECORD_END.test(line)) break;
    if (!RECORD_LINE.test(line)) continue;
    for (const part of line.split(/[\s（）()《》〈〉，,；;]+/u)) {
      const m = RECORD_ORDER.exec(part.replace(/^\d{4}年\d{1,2}月\d{1,2}日/u, ''));
      if (m) keys.add(build(m[1]!, '', m[2]!).key);
    }
  }
  return [...keys];
}
