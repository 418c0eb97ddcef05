import { questionFor, type QuestionKind } from './qa-questions.js';

/** A draft Q&A pair proposed from one clause of a policy text, with the span it cites. */
export interface ProposedPair {
  question: string;
  /** The sentence(s) of the clause that answer the question, verbatim (the whole clause when it all answers). */
  answer: string;
  /** The cited clause, verbatim: the citation's quote. */
  quote: string;
  /** 第X条 when the clause sits under one, else null. */
  anchor: string | null;
  /** The clause's class, which chose the question's form (time, materials, penalty, conditions …). */
  kind: QuestionKind;
  score: number;
  /** Index of the clause in the document, for stable ordering. */
  position: number;
}

/** The kinds of fact a clause is scored for (how question-worthy it is). */
type FactKind = 'amount' | 'time' | 'materials' | 'where' | 'eligibility' | 'measure';

/** Facts people ask about, each with a pattern and a weight (hits are counted, at most 3 per fact). */
const FACTS: Array<{ kind: FactKind; pattern: RegExp; weight: number }> = [
  // Money, ratios, multiples, exemptions.
  {
    kind: 'amount',
    pattern: /\d+(?:\.\d+)?\s*(?:%|％|元|万元|亿元|倍)|百分之[一二三四五六七八九十百\d]+|(?:减半|全额|免收|免征|免缴)/gu,
    weight: 2,
  },
  // Quantities (how many people, firms, items): the other "how much" questions.
  { kind: 'amount', pattern: /\d+(?:\.\d+)?\s*(?:万|亿)?(?:人|家|个|件|台|辆|只|吨|次|例|名|户|所|项|条|批|架次|床|套|份)/gu, weight: 1 },
  // Durations (3个月, 5个工作日, 2年), dates and deadlines; a four-digit year alone is not a time limit.
  {
    kind: 'time',
    pattern:
      /\d+\s*(?:个月|个工作日|工作日|天|小时|周)|(?<!\d)\d{1,2}\s*年(?!\d{1,2}月)|\d{1,2}月\d{1,2}日|\d+日(?:前|内|起)|(?:之日起|期限|延长至|截至|截止|届满|逾期|之前|以前|以内)/gu,
    weight: 1.5,
  },
  { kind: 'materials', pattern: /(?:材料|证明|申请表|证件|复印件|营业执照|身份证)/gu, weight: 1.5 },
  {
    kind: 'where',
    pattern: /(?:向[^，。；]{1,15}(?:申请|提出|报送|咨询)|通过[^，。；]{1,20}(?:办理|申请|申报)|网上|窗口|热线|电话|APP|平台)/gu,
    weight: 1,
  },
  { kind: 'eligibility', pattern: /(?:符合|对[^，。；]{2,20}的|凡|条件|适用于|范围)/gu, weight: 1 },
  { kind: 'measure', pattern: /(?:给予|补贴|补助|奖励|减免|返还|延期|降低|支持|贴息|缓缴|提供|鼓励|实行|开展)/gu, weight: 1 },
];
/** Every clause with something to say gets this much, so short documents still offer all their clauses. */
const BASE_SCORE = 0.5;
/** Longer clauses hold more facts: up to this much extra at LENGTH_FULL characters. */
const LENGTH_BONUS = 2;
const LENGTH_FULL = 200;

const BOILERPLATE =
  /^(?:各[^：:]{1,40}[：:]|附件|第[一二三四五六七八九十百]+章|现将|特此通知|为[^，]{2,40}，(?:现|特)|（?本文件|联系人|联系电话)/u;
/** 为了……，（根据……，）制定本办法 / 现通知如下: says why the text exists, not what it rules. */
const PURPOSE =
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?为了?[^。；]{2,80}?，(?:根据[^。；]{2,80}?，)?(?:结合[^。；]{2,40}?，)?(?:特?制定|现|特)/u;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条/u;
/** List markers by depth: 第X条 and 一、 > （一） > 1. / 第一步 / 一是 > （1） / ①. */
const LIST_LEVELS: Array<[level: number, marker: RegExp]> = [
  [1, ARTICLE],
  [1, /^[一二三四五六七八九十]+[、.．]/u],
  [2, /^[（(][一二三四五六七八九十]+[）)]/u],
  [3, /^\d{1,2}(?:[、．]|\.(?!\d))/u],
  [3, /^第[一二三四五六七八九十]+步/u],
  [3, /^[一二三四五六七八九十]+是/u],
  [4, /^[（(]\d{1,2}[）)]|^[①-⑳]/u],
];
/** A line that ends a sentence (closing quotes and brackets may follow the stop). */
const COMPLETE = /[。；！？!?;][”’」』"）)]*$/u;
const INTRO = /[：:]$/u;
const QUESTION = /[？?][”’」』"）)]*$/u;
const MAX_CLAUSE = 260;
const MAX_HEADING = 30;
const SHORT_POINT = 100;

const listLevel = (line: string) => LIST_LEVELS.find(([, marker]) => marker.test(line))?.[0] ?? null;

interface Line {
  text: string;
  start: number;
  end: number;
}

/** Consecutive lines that read as one clause: an item with its sub-items, a heading with its text, a list. */
interface Block {
  lines: Line[];
  length: number;
  anchor: string | null;
  level: number | null;
  /** a piece of a paragraph too long for one clause: never joined with its neighbours */
  closed: boolean;
}

function lines(body: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of body.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: at + lead, end: at + lead + text.length });
    at += raw.length + 1;
  }
  return out;
}

/** Whether `line` continues the clause `block` holds, rather than starting a new one. */
function continues(block: Block, line: string, level: number | null): boolean {
  if (block.closed || ARTICLE.test(line) || BOILERPLATE.test(line)) return false;
  // A top-level item (一、) opens a new clause, unless the clause so far is a list of short one-line points.
  if (level === 1) return line.length <= SHORT_POINT && block.lines.every((l) => listLevel(l.text) === 1 && l.text.length <= SHORT_POINT);
  const last = block.lines[block.lines.length - 1]!.text;
  if (BOILERPLATE.test(last)) return false;
  if (INTRO.test(last) || QUESTION.test(last)) return true; // "…如下：" and what it introduces; a question and its answer
  if (level !== null && block.level !== null) return level >= block.level; // sibling items of one list, or sub-items
  if (COMPLETE.test(last)) return false;
  // A heading and its text or list; a line broken mid-sentence and its rest.
  return level === null || (block.lines.length === 1 && last.length <= MAX_HEADING);
}

/**
 * The document as clauses: each 第X条 on its own; an introduction with its list, a heading with its
 * text and consecutive items of a list together while they fit MAX_CLAUSE characters; paragraphs
 * longer than that cut at sentence ends. Each clause is a verbatim span of the body.
 */
export function splitClauses(body: string): Array<{ text: string; anchor: string | null }> {
  const blocks: Block[] = [];
  let anchor: string | null = null;
  for (const line of lines(body)) {
    anchor = ARTICLE.exec(line.text)?.[0] ?? anchor;
    const level = listLevel(line.text);
    if (line.text.length > MAX_CLAUSE) {
      for (const piece of pieces(line)) blocks.push({ lines: [piece], length: piece.text.length, anchor, level, closed: true });
      continue;
    }
    const current = blocks[blocks.length - 1];
    if (current && current.length + line.text.length <= MAX_CLAUSE && continues(current, line.text, level)) {
      current.lines.push(line);
      current.length += line.text.length;
      current.level ??= level;
      continue;
    }
    blocks.push({ lines: [line], length: line.text.length, anchor, level, closed: false });
  }
  return blocks.map((b) => ({ text: body.slice(b.lines[0]!.start, b.lines[b.lines.length - 1]!.end), anchor: b.anchor }));
}

/** A long paragraph cut at sentence ends into pieces of at most MAX_CLAUSE characters. */
function pieces(line: Line): Line[] {
  const sentences = line.text.match(/[^。；！？]+[。；！？]?/gu) ?? [line.text];
  const out: Line[] = [];
  let start = line.start;
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length > MAX_CLAUSE) {
      out.push({ text: current, start, end: start + current.length });
      start += current.length;
      current = '';
    }
    current += s;
  }
  if (current) out.push({ text: current, start, end: start + current.length });
  return out;
}

/** A closing signature: short lines (issuing bodies) ending with the date. */
function isSignature(text: string): boolean {
  const ls = text.split('\n').map((l) => l.trim());
  return DATE_LINE.test(ls[ls.length - 1]!) && ls.every((l) => l.length <= MAX_HEADING && !COMPLETE.test(l));
}

/** How question-worthy a clause is: the facts it states, a little for substance; 0 = never propose. */
function scoreClause(text: string): number {
  if (text.length < 12 || BOILERPLATE.test(text) || isSignature(text)) return 0;
  if (PURPOSE.test(text) && text.length < 120) return 0;
  let score = BASE_SCORE + LENGTH_BONUS * Math.min(1, text.length / LENGTH_FULL);
  for (const fact of FACTS) {
    score += Math.min(3, text.match(fact.pattern)?.length ?? 0) * fact.weight;
  }
  return score;
}

export interface ExtractOptions {
  limit?: number;
  /** The document's title, so a question about 本条例 names it. */
  title?: string | undefined;
}

export interface Extraction {
  drafts: ProposedPair[];
  /** Substantive clauses (not purpose statements, salutations, signatures). */
  candidates: number;
  /** Of those, the clauses no question form fits cleanly: skipped rather than drafted badly. */
  skipped: number;
}

/**
 * Draft Q&A pairs for a policy text, clause by clause: clauses stating amounts, ratios, quantities,
 * time limits, required materials, where/how to apply or who qualifies rank first; purpose
 * statements, salutations and signatures are never proposed. Each clause is classified by its
 * structure and asked the question its class calls for (qa-questions.ts); a clause that yields no
 * clean question is skipped and counted. Each proposal cites its clause verbatim; an editor
 * accepts, edits or rejects it.
 */
export function extractQaDrafts(body: string, options: ExtractOptions = {}): Extraction {
  const limit = options.limit ?? 10;
  const ranked = splitClauses(body)
    .map((clause, position) => ({ clause, position, score: scoreClause(clause.text) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const drafts: ProposedPair[] = [];
  let skipped = 0;
  for (const { clause, position, score } of ranked) {
    const made = questionFor(clause.text, { title: options.title });
    if (!made) {
      skipped++;
      continue;
    }
    if (drafts.length < limit && !drafts.some((d) => d.question === made.question)) {
      drafts.push({
        question: made.question,
        answer: made.answer,
        quote: clause.text,
        anchor: clause.anchor,
        kind: made.kind,
        score: Math.round(score * 100) / 100,
        position,
      });
    }
  }
  return { drafts, candidates: ranked.length, skipped };
}

/** The drafts alone (see extractQaDrafts). */
export function proposeQaPairs(body: string, limit = 10, title?: string): ProposedPair[] {
  return extractQaDrafts(body, { limit, title }).drafts;
}
