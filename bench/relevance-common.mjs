// Shared pieces of bench/relevance-policy.mjs and bench/relevance-qa.mjs: baseline indices built on
// the same embedded engine (same BM25 code, same postings) with a plain analysis, and the metrics.
import { readFileSync } from 'node:fs';
import { EmbeddedSearchIndex, analyzeDocument, toDays } from '@govdisc/search-index';
import { cutWords, NO_PARAPHRASES, normalize, parseParaphrases, toParagraphs } from '@govdisc/text-analysis';

export const NOW = '2026-01-01';

/** `--name value` from the command line, or the default. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

/** A record of ../shared/data/policies.jsonl as the search port's document (the corpus carries no validity: all valid). */
export function policyToDocument(r) {
  return {
    id: r.id,
    externalId: r.id,
    title: r.title,
    docNumber: r.docNumber,
    agencies: r.agency ? r.agency.split('、') : [],
    docType: r.docType,
    level: r.level,
    region: r.region,
    topics: r.category ? [r.category] : [],
    validity: '有效',
    publishDate: r.publishDate,
    body: r.body,
    version: 1,
  };
}

export const readJsonl = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const WORDLIKE = /[\p{L}\p{N}]/u;

/** OpenSearch "standard" analyzer on Chinese: every Han character a token, Latin/digit runs kept whole, lowercased. */
export function charTokens(text) {
  return (text ?? '').toLowerCase().match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [];
}

/** Plain jieba words (precise mode, no domain-specific query handling), punctuation dropped. */
export function plainJiebaTokens(text) {
  return cutWords(normalize(text ?? '')).filter((t) => WORDLIKE.test(t) && t.trim());
}

function facetsOf(doc) {
  const clean = (vs) => [...new Set(vs.map((v) => (v ?? '').trim()).filter(Boolean))];
  return {
    agency: clean(doc.agencies),
    level: clean([doc.level]),
    region: clean([doc.region]),
    year: clean([doc.publishDate?.slice(0, 4)]),
    topic: clean(doc.topics),
    docType: clean([doc.docType]),
    validity: clean([doc.validity]),
  };
}

/**
 * Builds the pipeline index (package defaults: analyzeDocument + EmbeddedSearchIndex) and baseline
 * indices on the same engine. A baseline document has only title_tok/body_tok from `tokenize`, no
 * title bigrams, no doc-number key and no date (so the recency/validity prior is exactly 1).
 * `reuse` names baselines that keep the pipeline's own index tokens (so the corpus is segmented once).
 */
export function buildIndices(docs, baselines, { label = 'docs', every = 500 } = {}) {
  const pipeline = new EmbeddedSearchIndex();
  const State = pipeline.state.constructor;
  const base = Object.fromEntries(Object.keys(baselines).map((k) => [k, new EmbeddedSearchIndex(new State())]));
  const t0 = Date.now();
  docs.forEach((doc, i) => {
    const a = analyzeDocument(doc);
    pipeline.state.add(a); // what upsertSync does for a new id
    pipeline.state.versions.set(doc.id, doc.version);
    for (const [k, spec] of Object.entries(baselines)) {
      const tokens = spec.reuse
        ? { title_tok: a.tokens.title_tok, body_tok: a.tokens.body_tok, title_bi: [] }
        : { title_tok: spec.tokenize(doc.title), body_tok: spec.tokenize(doc.body), title_bi: [] };
      const plain = { ...doc, publishDate: null, validity: '有效' };
      base[k].state.add({
        doc: plain,
        tokens,
        clauses: [],
        docnoKeys: [],
        docnoNorm: null,
        titleNorm: doc.title,
        titlePinyin: '',
        publishDays: null,
        facets: facetsOf(plain),
      });
    }
    if ((i + 1) % every === 0 || i + 1 === docs.length) {
      process.stderr.write(`  analysed + indexed ${i + 1}/${docs.length} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
  });
  return { pipeline, base };
}

/**
 * Baseline query on the same engine: each distinct query token is one group over title_tok and
 * body_tok with equal weight (no field boost), any one group suffices (match query, operator OR),
 * no synonyms, no doc-number key, no bigram fallback; the prior is 1 (no dates in the baseline docs).
 */
export function baselineRank(index, tokens, size = 10, titleBoost = 1) {
  const words = [...new Set(tokens)];
  const ast = {
    matchNone: words.length === 0,
    groups: words.map((t) => ({
      alternatives: [
        {
          tokens: [t],
          fields: [
            { field: 'title_tok', boost: titleBoost },
            { field: 'body_tok', boost: 1 },
          ],
        },
      ],
    })),
    minShouldMatch: 1,
    passageWeight: 0,
    docnoKey: null,
    filters: [],
    nowDays: toDays(NOW),
    regionPrior: null,
    sort: 'relevance',
    from: 0,
    size,
    highlightTerms: [],
  };
  const { top } = index.execute(ast); // the engine's own executor (TS-private, reachable from JS)
  return top.map((r) => index.state.stored[r.doc].doc.id);
}

/** nDCG@k with exponential gain 2^grade − 1, log2 discount, ideal over all judged documents. */
export function ndcg(ranked, grades, k = 10) {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (2 ** (grades.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Reciprocal rank of the first accepted document within the ranked list (0 if absent). */
export function rr(ranked, accept) {
  const i = ranked.findIndex((id) => accept(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
export const f3 = (x) => x.toFixed(3);

/**
 * What-if runs for the report — NOT the shipped pipeline. The pipeline's own AST (buildQuery) is
 * changed the way the code changes we recommend would change it, then run by the same engine:
 *  - doc-number prefix aliases (国令 → 国务院令) before the key lookup;
 *  - more colloquial question words dropped as fillers (几天, 哪天, 啥, …);
 *  - when the 2/3 minimum-should-match leaves fewer than `minHits` results, relax it to one third (policy),
 *    or always use one third (Q&A ask, `qaMode`).
 */
export const PROPOSED_FILLERS = new Set([
  '啥',
  '咋',
  '咋办',
  '几',
  '几天',
  '几号',
  '几点',
  '哪天',
  '哪儿',
  '多久',
  '多长时间',
  '多少钱',
  '干嘛',
  '怎么个',
  '吗',
  '么',
  '会',
  '算',
]);
const DOCNO_ALIASES = [['国令', '国务院令']];

export async function whatIfRanker(index, { qaMode = false, minHits = 1 } = {}, size = 10) {
  const { buildQuery, minShouldMatch } = await import('@govdisc/search-index');
  const run = (ast) => index.execute(ast).top.map((r) => index.state.stored[r.doc].doc.id);
  return (q) => {
    const ast = buildQuery({ q, pageSize: size, now: NOW });
    for (const [from, to] of DOCNO_ALIASES) if (ast.docnoKey?.startsWith(`${from}|`)) ast.docnoKey = to + ast.docnoKey.slice(from.length);
    const kept = ast.groups.filter((g) => !PROPOSED_FILLERS.has(g.alternatives[0].tokens[0]));
    if (kept.length > 0) ast.groups = kept;
    const relaxed = Math.max(1, Math.ceil(ast.groups.length / 3));
    ast.minShouldMatch = qaMode ? relaxed : minShouldMatch(ast.groups.length);
    const first = run(ast);
    return first.length >= minHits || qaMode ? first : run({ ...ast, minShouldMatch: relaxed });
  };
}

/** A Q&A pair as a search document, as qa-svc indexes it (question = title, weighted ×3 by the pipeline; answer = body). */
export function qaPairToDocument(p) {
  return {
    id: p.id,
    externalId: p.id,
    title: p.question,
    docNumber: null,
    agencies: [],
    docType: 'qa',
    level: null,
    region: null,
    topics: [],
    validity: '有效',
    publishDate: null,
    body: p.answer,
    version: 1,
  };
}

/**
 * The matcher's tuning from the command line, to measure one idea at a time (issue 18 item 3):
 * --tuning '{"paraphrase":0,"answer":0.4,"feedback":0}' overrides MATCH_PARAMS; --paraphrases off matches without
 * the mined lexicon (--paraphrases <file>: another lexicon file, e.g. one mined with other settings). --evidence title adds the cited policy's title to the answer text the matcher reads.
 */
export function matcherSetup() {
  const tuning = JSON.parse(arg('tuning', '{}'));
  const paraphrases = arg('paraphrases', 'on');
  if (paraphrases === 'off') tuning.paraphrases = NO_PARAPHRASES;
  else if (paraphrases !== 'on') tuning.paraphrases = parseParaphrases(readFileSync(paraphrases, 'utf8'));
  const evidence = arg('evidence', 'answer');
  const clauses =
    evidence === 'clause' ? citedClauses(arg('policies', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname)) : null;
  return {
    tuning,
    answerOf: (p) => {
      if (evidence === 'title' && p.sourceTitle) return `${p.answer}\n${p.sourceTitle}`;
      const clause = clauses?.(p);
      return clause ? `${p.answer}\n${clause}` : p.answer;
    },
  };
}

/**
 * Stand-in for a pair's verified citation (qa-svc passes the quotes of its citations): the paragraph of the pair's
 * source policy, when the library holds it, that shares the most character pairs with the answer (at least half).
 */
function citedClauses(policiesPath) {
  const bodies = new Map(readJsonl(policiesPath).map((r) => [r.id, r.body]));
  const pairsOf = (t) => {
    const c = [...normalize(t)];
    return new Set(c.slice(1).map((x, i) => c[i] + x));
  };
  return (p) => {
    const body = bodies.get(p.sourcePolicyId);
    if (!body) return null;
    const want = pairsOf(p.answer);
    if (want.size === 0) return null;
    let best = null;
    let bestShare = 0.5;
    for (const para of toParagraphs(body)) {
      const have = pairsOf(para.text);
      let n = 0;
      for (const g of want) if (have.has(g)) n++;
      if (n / want.size >= bestShare && para.text.length < 600) [best, bestShare] = [para.text, n / want.size];
    }
    return best;
  };
}

/** Gauss-Jordan elimination with partial pivoting (A x = b, A small and positive definite). */
export function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
