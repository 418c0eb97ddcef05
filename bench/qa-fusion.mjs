#!/usr/bin/env node
// Issue 18: where 一号答 loses top-1, and whether fusing the matcher with plain BM25 rankers helps on questions not
// seen in tuning. Per set: top-1 of the matcher as shipped and of plain baselines (BM25 over stored questions by jieba
// words, by character bigrams; BM25 over question + answer); for the matcher's misses, the rank of the right pair and
// whether any candidate list holds it. --fit: a linear fusion of per-candidate features fitted by softmax over each
// question's candidates, cross-validated leave-one-dev-file-out, then fitted on all dev files and read on the held-outs.
//   node bench/qa-fusion.mjs [--qa ../shared/data/qa.jsonl] [--fit]
import { QuestionMatcher, normalize } from '@govdisc/text-analysis';
import {
  arg,
  buildIndices,
  f3,
  matcherSetup,
  mean,
  NOW,
  plainJiebaTokens,
  qaPairToDocument,
  readJsonl,
  solve,
} from './relevance-common.mjs';

const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const FIT = process.argv.includes('--fit');
const ITERS = Number(arg('iters', '1500'));
const devSet = (name) => new URL(`./dev-sets/${name}.jsonl`, import.meta.url).pathname;
const DEV = ['qa-reworded', 'qa-citizen-dev', 'qa-citizen-dev2', 'qa-long-dev'];
const HELD_OUT = ['qa-heldout', 'qa-heldout2'];

/** Plain Okapi BM25 (k1 1.2, b 0.75) over token lists. */
class Bm25 {
  constructor(docs) {
    this.post = new Map();
    this.len = docs.map((toks) => toks.length);
    this.avg = mean(this.len) || 1;
    docs.forEach((toks, d) => {
      const tf = new Map();
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) (this.post.get(t) ?? this.post.set(t, []).get(t)).push([d, n]);
    });
    this.n = docs.length;
  }
  scores(toks) {
    const acc = new Map();
    for (const t of new Set(toks)) {
      const list = this.post.get(t);
      if (!list) continue;
      const idf = Math.log(1 + (this.n - list.length + 0.5) / (list.length + 0.5));
      for (const [d, tf] of list) acc.set(d, (acc.get(d) ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * this.len[d]) / this.avg)));
    }
    return acc;
  }
  top(toks, k) {
    return [...this.scores(toks)].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
  }
}
const bigrams = (text) => {
  const out = [];
  for (const run of normalize(text ?? '').match(/[\p{Script=Han}a-z0-9]+/gu) ?? []) {
    const c = [...run];
    if (c.length === 1) out.push(c[0]);
    for (let i = 0; i + 1 < c.length; i++) out.push(c[i] + c[i + 1]);
  }
  return out;
};

const pairs = readJsonl(QA);
const { pipeline } = buildIndices(pairs.map(qaPairToDocument), {}, { label: 'pairs', every: 1000 });
const { tuning, answerOf } = matcherSetup();
const matcher = new QuestionMatcher(undefined, tuning);
for (const p of pairs) matcher.upsert(p.id, [p.question], answerOf(p));
const rankers = {
  'bm25-words': [new Bm25(pairs.map((p) => plainJiebaTokens(p.question))), plainJiebaTokens],
  'bm25-bigrams': [new Bm25(pairs.map((p) => bigrams(p.question))), bigrams],
  'bm25-q+a': [new Bm25(pairs.map((p) => plainJiebaTokens(`${p.question} ${p.answer}`))), plainJiebaTokens],
};
const DEPTH = 20;

function ask(s) {
  const engineHits = pipeline.rankSync({ q: s.question, pageSize: 20, now: NOW, match: 'loose' }).hits;
  const shipped = matcher.match(s.question, { engineHits, limit: 10 });
  const lists = Object.fromEntries(Object.entries(rankers).map(([k, [bm, tok]]) => [k, bm.top(tok(s.question), DEPTH)]));
  // every candidate any ranker brings is scored by the matcher (score 0 as an engine prior = no prior)
  // (only ids the engine did not give: a later duplicate would overwrite the engine's prior)
  const seen = new Set(engineHits.map((h) => h.id));
  const extra = Object.values(lists).flatMap((l) =>
    l.flatMap(([d]) => (seen.has(pairs[d].id) ? [] : (seen.add(pairs[d].id), [{ id: pairs[d].id, score: 0 }]))),
  );
  const all = matcher.match(s.question, { engineHits: [...engineHits, ...extra], limit: 200 });
  const ok = new Set(s.answerIds);
  const rankIn = (ids) => ids.findIndex((id) => ok.has(id)) + 1; // 0 = absent
  const scoreOf = (k) => new Map(lists[k].map(([d, x]) => [pairs[d].id, x]));
  const engine = new Map(engineHits.map((h) => [h.id, h.score]));
  const maxOf = (m) => Math.max(1e-9, ...m.values());
  const feats = Object.fromEntries(Object.keys(rankers).map((k) => [k, scoreOf(k)]));
  const topScore = all[0]?.score || 1;
  const cands = all.map((m) => ({
    id: m.id,
    right: ok.has(m.id),
    x: [
      m.score / topScore,
      m.score,
      m.confidence,
      (engine.get(m.id) ?? 0) / maxOf(engine),
      ...Object.keys(rankers).map((k) => (feats[k].get(m.id) ?? 0) / maxOf(feats[k])),
    ],
  }));
  return {
    s,
    shipped: rankIn(shipped.map((m) => m.id)),
    matcherDeep: rankIn(all.map((m) => m.id)),
    engine: rankIn(engineHits.map((h) => h.id)),
    ...Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, rankIn(l.map(([d]) => pairs[d].id))])),
    cands,
  };
}
const FEATURES = ['matcher/top', 'matcher', 'confidence', 'engine/top', ...Object.keys(rankers).map((k) => `${k}/top`)];

const sets = Object.fromEntries([...DEV, ...HELD_OUT].map((n) => [n, readJsonl(devSet(n)).map(ask)]));
const top1 = (rows, k) => f3(mean(rows.map((r) => +(r[k] === 1))));
console.log(`\ntop-1 per set (BM25 lists: top ${DEPTH}; "in any" = the right pair is among the candidates some ranker gives)`);
for (const [name, rows] of Object.entries(sets)) {
  const missed = rows.filter((r) => r.shipped !== 1);
  const hist = (k) => {
    const b = { 2: 0, '3-5': 0, '6-10': 0, '11+': 0, absent: 0 };
    for (const r of missed) b[r[k] === 0 ? 'absent' : r[k] === 2 ? 2 : r[k] <= 5 ? '3-5' : r[k] <= 10 ? '6-10' : '11+']++;
    return JSON.stringify(b);
  };
  console.log(
    `${name.padEnd(16)} n=${String(rows.length).padStart(3)} shipped ${top1(rows, 'shipped')} | ` +
      Object.keys(rankers)
        .map((k) => `${k} ${top1(rows, k)}`)
        .join(' | ') +
      ` | engine ${top1(rows, 'engine')}` +
      `\n${' '.repeat(22)}shipped misses ${missed.length}: rank in matcher ${hist('matcherDeep')}; in no candidate list: ${missed.filter((r) => !r.cands.some((c) => c.right)).length}` +
      `; a BM25 has it first: ${missed.filter((r) => Object.keys(rankers).some((k) => r[k] === 1)).length}`,
  );
}

if (FIT) {
  const score = (w, x) => x.reduce((s, xi, i) => s + xi * w[i], 0);
  /** Softmax over each question's candidates, maximising the probability of its right ones (L2 1e-3), by gradient steps. */
  function fit(rows) {
    const usable = rows.filter((r) => r.cands.some((c) => c.right));
    let w = FEATURES.map((_, i) => (i === 0 ? 5 : 0));
    const lr = Number(arg('lr', '2'));
    for (let it = 0; it < ITERS; it++) {
      const g = w.map((wi) => 1e-3 * wi);
      for (const r of usable) {
        const z = r.cands.map((c) => score(w, c.x));
        const mx = Math.max(...z);
        const e = z.map((v) => Math.exp(v - mx));
        const sum = e.reduce((a, b) => a + b, 0);
        const right = e.reduce((a, v, i) => a + (r.cands[i].right ? v : 0), 0);
        r.cands.forEach((c, i) => {
          const coef = e[i] / sum - (c.right ? e[i] / right : 0);
          for (let j = 0; j < w.length; j++) g[j] += (coef * c.x[j]) / usable.length;
        });
      }
      w = w.map((wi, j) => wi - lr * g[j]);
    }
    return w;
  }
  const fusedTop1 = (rows, w) =>
    mean(rows.map((r) => +(r.cands.length > 0 && [...r.cands].sort((a, b) => score(w, b.x) - score(w, a.x))[0].right)));
  console.log('\nfusion, leave-one-dev-file-out (fitted on the other dev files):');
  for (const out of DEV) {
    const w = fit(DEV.filter((n) => n !== out).flatMap((n) => sets[n]));
    console.log(`  ${out.padEnd(16)} shipped ${top1(sets[out], 'shipped')} fused ${f3(fusedTop1(sets[out], w))}`);
  }
  const w = fit(DEV.flatMap((n) => sets[n]));
  console.log(`fitted on all dev files: ${FEATURES.map((f, i) => `${f} ${w[i].toFixed(3)}`).join(', ')}`);
  for (const n of [...DEV, ...HELD_OUT])
    console.log(`  ${n.padEnd(16)} shipped ${top1(sets[n], 'shipped')} fused ${f3(fusedTop1(sets[n], w))}`);
}

// --calibrate: does a second ranker's agreement tell right answers from wrong ones (confidence, not ranking)?
if (process.argv.includes('--calibrate')) {
  const UNANS_DEV = ['qa-unanswerable', 'qa-unanswerable-dev2'];
  const UNANS_HELD = ['qa-unanswerable-heldout'];
  const logit = (p) => Math.log(Math.min(Math.max(p, 1e-4), 1 - 1e-4) / (1 - Math.min(Math.max(p, 1e-4), 1 - 1e-4)));
  const rowOf = (set) => (s) => {
    const engineHits = pipeline.rankSync({ q: s.question, pageSize: 20, now: NOW, match: 'loose' }).hits;
    const m = matcher.match(s.question, { engineHits, limit: 10 });
    const first = (k) => {
      const [bm, tok] = rankers[k];
      const t = bm.top(tok(s.question), 1)[0];
      return t ? pairs[t[0]].id : null;
    };
    const top = m[0]?.id;
    const scoreLead = m[0] ? (m[0].score - (m[1]?.score ?? 0)) / (m[0].score || 1) : 0;
    return {
      set,
      answerable: s.answerIds.length > 0,
      right: s.answerIds.includes(top) ? 1 : 0,
      f: {
        logitRaw: logit(m[0]?.confidence ?? 0),
        lead: (m[0]?.confidence ?? 0) - (m[1]?.confidence ?? 0),
        agree: +(!!top && engineHits[0]?.id === top),
        scoreLead,
        agreeBigrams: +(!!top && first('bm25-bigrams') === top),
        agreeWords: +(!!top && first('bm25-words') === top),
        agreeQA: +(!!top && first('bm25-q+a') === top),
      },
    };
  };
  const load = (names) => names.flatMap((n) => readJsonl(devSet(n)).map(rowOf(n)));
  const dev = load([...DEV, ...UNANS_DEV]);
  const held = load([...HELD_OUT, ...UNANS_HELD]);
  /** each held-out set with the held-out unanswerables, at this confidence and threshold */
  const printHeldOut = (indent, conf, t) => {
    for (const n of HELD_OUT)
      console.log(
        indent +
          report(
            n,
            held.filter((r) => r.set === n || UNANS_HELD.includes(r.set)),
            conf,
            t,
          ),
      );
  };
  const sigmoid = (z) => 1 / (1 + Math.exp(-z));
  function fitLogistic(rows, keys, ridge = 1e-2) {
    const X = rows.map((r) => [1, ...keys.map((k) => r.f[k])]);
    const n = keys.length + 1;
    let w = new Array(n).fill(0);
    for (let iter = 0; iter < 60; iter++) {
      const g = w.map((wi) => ridge * wi);
      const h = w.map((_, i) => w.map((__, j) => (i === j ? ridge : 0)));
      rows.forEach((r, ri) => {
        const x = X[ri];
        const p = sigmoid(x.reduce((s, xi, i) => s + xi * w[i], 0));
        for (let i = 0; i < n; i++) {
          g[i] += (p - r.right) * x[i];
          for (let j = 0; j < n; j++) h[i][j] += p * (1 - p) * x[i] * x[j];
        }
      });
      const step = solve(h, g);
      w = w.map((wi, i) => wi - step[i]);
      if (Math.hypot(...step) < 1e-9) break;
    }
    return (r) => sigmoid(w[0] + keys.reduce((s, k, i) => s + w[i + 1] * r.f[k], 0));
  }
  const thresholdFor = (rows, conf) => {
    for (let k = 30; k <= 99; k++) {
      const a = rows.filter((r) => r.answerable && conf(r) >= k / 100);
      if (a.filter((r) => r.right).length / Math.max(1, a.length) >= 0.95) return k / 100;
    }
    return 0.99;
  };
  const report = (label, rows, conf, t) => {
    const ans = rows.filter((r) => r.answerable);
    const un = rows.filter((r) => !r.answerable);
    const answered = ans.filter((r) => conf(r) >= t);
    const bins = Array.from({ length: 10 }, () => [0, 0, 0]);
    for (const r of rows) {
      const c = conf(r);
      const b = bins[Math.min(9, Math.floor(c * 10))];
      (b[0]++, (b[1] += c), (b[2] += r.right));
    }
    const ece = bins.reduce((s, [n, c, k]) => s + (n ? (n / rows.length) * Math.abs(c / n - k / n) : 0), 0);
    return `${label.padEnd(24)} precision ${f3(answered.filter((r) => r.right).length / Math.max(1, answered.length))} coverage ${f3(answered.length / Math.max(1, ans.length))} top-1 ${f3(mean(ans.map((r) => r.right)))} false accepts ${un.length ? f3(un.filter((r) => conf(r) >= t).length / un.length) : '  -  '} ECE ${f3(ece)}`;
  };
  const variants = {
    shipped: ['logitRaw', 'lead', 'agree'],
    '+scoreLead': ['logitRaw', 'lead', 'agree', 'scoreLead'],
    '+agreeBigrams': ['logitRaw', 'lead', 'agree', 'agreeBigrams'],
    '+agreeAll': ['logitRaw', 'lead', 'agree', 'agreeBigrams', 'agreeWords', 'agreeQA'],
    '+all': ['logitRaw', 'lead', 'agree', 'scoreLead', 'agreeBigrams', 'agreeWords', 'agreeQA'],
  };
  // leave one answerable dev file out: fitted (and the threshold chosen) on the other files, read on the one left out
  console.log('\ncalibration leave-one-dev-file-out (precision / coverage on the file left out):');
  for (const [name, keys] of Object.entries(variants)) {
    const cells = DEV.map((out) => {
      const rest = dev.filter((r) => r.set !== out);
      const conf = fitLogistic(rest, keys);
      const t = thresholdFor(rest, conf);
      const rows = dev.filter((r) => r.set === out);
      const answered = rows.filter((r) => conf(r) >= t);
      return `${out} ${f3(answered.filter((r) => r.right).length / Math.max(1, answered.length))} / ${f3(answered.length / rows.length)}`;
    });
    console.log(`  ${name.padEnd(14)} ${cells.join(' | ')}`);
  }
  // threshold chosen on out-of-fold confidences (each dev file scored by a model fitted without it): what unseen
  // questions get, rather than what the fitted questions get
  console.log('\ncalibration, threshold from out-of-fold confidences (final model fitted on all dev files):');
  for (const [name, keys] of Object.entries(variants)) {
    const oof = new Map();
    for (const out of [...DEV, ...UNANS_DEV]) {
      const conf = fitLogistic(
        dev.filter((r) => r.set !== out),
        keys,
      );
      for (const r of dev) if (r.set === out) oof.set(r, conf(r));
    }
    const t = thresholdFor(dev, (r) => oof.get(r));
    const conf = fitLogistic(dev, keys);
    console.log(`  ${name} (threshold ${t}):`);
    console.log('    ' + report('dev (all), out-of-fold', dev, (r) => oof.get(r), t));
    printHeldOut('    ', conf, t);
  }
  for (const [name, keys] of Object.entries(variants)) {
    const conf = fitLogistic(dev, keys);
    const t = thresholdFor(dev, conf);
    console.log(`\ncalibration ${name} (threshold ${t}):`);
    console.log('  ' + report('dev (all)', dev, conf, t));
    printHeldOut('  ', conf, t);
  }
}

// --grid: the matcher's score plus λ × one plain ranker's normalised score, λ on a grid, top-1 per set (a single
// weight: nothing to over-fit but λ; read the dev rows to choose, the held-out rows only as aggregates).
if (process.argv.includes('--grid')) {
  for (const [j, name] of FEATURES.entries()) {
    if (j < 3) continue;
    const rows = [];
    for (const lambda of [0, 0.02, 0.05, 0.1, 0.2]) {
      const top1Of = (set) =>
        mean(
          set.map(
            (r) => +(r.cands.length > 0 && [...r.cands].sort((a, b) => b.x[1] + lambda * b.x[j] - (a.x[1] + lambda * a.x[j]))[0].right),
          ),
        );
      rows.push(`λ ${lambda}: ` + [...DEV, ...HELD_OUT].map((n) => `${n} ${f3(top1Of(sets[n]))}`).join(' '));
    }
    console.log(`\nmatcher + λ·${name}:\n  ${rows.join('\n  ')}`);
  }
  console.log(`\nshipped: ${[...DEV, ...HELD_OUT].map((n) => `${n} ${top1(sets[n], 'shipped')}`).join(' ')}`);
}
