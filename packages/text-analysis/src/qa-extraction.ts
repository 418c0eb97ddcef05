import { cutWords } from './segmenter.js';
import { isWordlike, QUERY_FILLERS, STOPWORDS } from './stopwords.js';

/** A draft Q&A pair proposed from one clause of a policy text, with the span it cites. */
export interface ProposedPair {
  question: string;
  /** The cited clause, verbatim: it is both the draft answer and the citation's quote. */
  quote: string;
  /** 第X条 when the clause sits under one, else null. */
  anchor: string | null;
  kind: FactKind;
  score: number;
  /** Index of the clause in the document, for stable ordering. */
  position: number;
}

export type FactKind = 'amount' | 'time' | 'materials' | 'where' | 'eligibility' | 'measure';

/** Facts people ask about, each with a pattern, a weight and a question template. */
const FACTS: Array<{ kind: FactKind; pattern: RegExp; weight: number; template: (s: string) => string }> = [
  { kind: 'amount', pattern: /\d+(?:\.\d+)?\s*(?:%|％|元|万元|亿元|倍)|(?:减半|全额|免收|免征|免缴)/gu, weight: 2, template: (s) => `${s}的标准或金额是多少？` },
  { kind: 'time', pattern: /\d+\s*(?:个月|个工作日|工作日|日|天|小时|年)|\d{1,2}月\d{1,2}日|(?:之日起|期限|延长至|截至|前)/gu, weight: 1.5, template: (s) => `${s}的时间或期限是怎样规定的？` },
  { kind: 'materials', pattern: /(?:材料|证明|申请表|证件|复印件|营业执照|身份证)/gu, weight: 1.5, template: (s) => `办理${s}需要提供哪些材料？` },
  { kind: 'where', pattern: /(?:向[^，。；]{1,15}(?:申请|提出|报送|咨询)|通过[^，。；]{1,20}(?:办理|申请|申报)|网上|窗口|热线|电话|APP|平台)/gu, weight: 1, template: (s) => `${s}向哪里申请、怎么办理？` },
  { kind: 'eligibility', pattern: /(?:符合|对[^，。；]{2,20}的|凡|条件|适用于|范围)/gu, weight: 1, template: (s) => `哪些情形可以适用${s}？` },
  { kind: 'measure', pattern: /(?:给予|补贴|补助|奖励|减免|返还|延期|降低|支持|贴息|缓缴|提供|鼓励|实行|开展)/gu, weight: 1, template: (s) => `关于${s}有哪些措施？` },
];
const BOILERPLATE = /^(?:各[^：:]{1,40}[：:]|附件|第[一二三四五六七八九十百]+章|现将|特此通知|为[^，]{2,40}，(?:现|特)|（?本文件|联系人|联系电话)/u;
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条/u;
const MAX_CLAUSE = 260;

/** Paragraphs, with long ones cut at sentence ends into pieces of at most MAX_CLAUSE characters. */
export function splitClauses(body: string): Array<{ text: string; anchor: string | null }> {
  const out: Array<{ text: string; anchor: string | null }> = [];
  let anchor: string | null = null;
  for (const raw of body.split('\n')) {
    const para = raw.trim();
    if (!para) continue;
    anchor = ARTICLE.exec(para)?.[0] ?? anchor;
    for (const piece of pieces(para)) out.push({ text: piece, anchor });
  }
  return out;
}

function pieces(para: string): string[] {
  if (para.length <= MAX_CLAUSE) return [para];
  const sentences = para.match(/[^。；！？]+[。；！？]?/gu) ?? [para];
  const out: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current && current.length + s.length > MAX_CLAUSE) {
      out.push(current);
      current = '';
    }
    current += s;
  }
  if (current) out.push(current);
  return out;
}

/** The clause's main words (a short subject for the question), most frequent first. */
function subjectOf(text: string): string {
  const words = cutWords(text.replace(ARTICLE, '')).filter((w) => w.length >= 2 && isWordlike(w) && !STOPWORDS.has(w) && !QUERY_FILLERS.has(w) && !/\d/u.test(w));
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).slice(0, 2).map(([w]) => w);
  return top.join('') || '该事项';
}

function scoreClause(text: string): { score: number; kind: FactKind } {
  if (text.length < 12 || BOILERPLATE.test(text)) return { score: 0, kind: 'measure' };
  let best: { kind: FactKind; value: number } = { kind: 'measure', value: 0 };
  let score = 0;
  for (const fact of FACTS) {
    const hits = Math.min(3, text.match(fact.pattern)?.length ?? 0);
    score += hits * fact.weight;
    if (hits * fact.weight > best.value) best = { kind: fact.kind, value: hits * fact.weight };
  }
  return { score: score / Math.sqrt(Math.max(40, text.length) / 40), kind: best.kind };
}

/**
 * Draft Q&A pairs for a policy text, clause by clause: clauses stating amounts, ratios, time
 * limits, required materials, where/how to apply or who qualifies rank first. Each proposal cites
 * its clause verbatim; an editor accepts, edits or rejects it.
 */
export function proposeQaPairs(body: string, limit = 10): ProposedPair[] {
  return splitClauses(body)
    .map((clause, position) => ({ clause, position, ...scoreClause(clause.text) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map(({ clause, position, score, kind }) => ({
      question: FACTS.find((f) => f.kind === kind)!.template(subjectOf(clause.text)),
      quote: clause.text,
      anchor: clause.anchor,
      kind,
      score: Math.round(score * 100) / 100,
      position,
    }));
}
