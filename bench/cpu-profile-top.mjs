#!/usr/bin/env node
// Where a V8 .cpuprofile (node --cpu-prof, e.g. from bench/gateway-overhead.mjs --cpu-prof qa-svc) spent its time:
// self and total time per function, optionally over the last seconds only (the last target a bench measured).
//   node bench/cpu-profile-top.mjs <file.cpuprofile> [--last 10] [--skip-end 0.5] [--top 40] [--match text] [--lines]
// --match keeps the functions whose name or file contains `text` in the total-time table.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const file = args[0];
if (!file || file.startsWith('--')) {
  console.error('usage: node bench/cpu-profile-top.mjs <file.cpuprofile> [--last seconds] [--skip-end seconds] [--top n] [--match text]');
  process.exit(2);
}
const LAST = Number(opt('--last', 'Infinity'));
const SKIP_END = Number(opt('--skip-end', '0'));
const TOP = Number(opt('--top', '40'));
const MATCH = opt('--match', null);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// sample times (µs since start) → the window [end - skip - last, end - skip]
const times = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) times.push((t += d));
const end = profile.endTime - SKIP_END * 1e6;
const start = end - LAST * 1e6;

const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^file:\/\/.*?\/(apps|packages|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const total = new Map();
let counted = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i] < start || times[i] > end) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
  const node = nodes.get(profile.samples[i]);
  const name = label(node);
  if (node.callFrame.functionName === '(idle)') {
    idle += dt;
    continue;
  }
  counted += dt;
  self.set(name, (self.get(name) ?? 0) + dt);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const l = label(nodes.get(id));
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
}
const pct = (ms) => `${((100 * ms) / counted).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${counted.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle in the window`);
console.log('\nself time:');
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
console.log('\ntotal time (with callees):');
for (const [name, ms] of [...total]
  .filter(([name]) => !MATCH || name.includes(MATCH))
  .sort((a, b) => b[1] - a[1])
  .slice(0, TOP)) {
  console.log(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

// Line-level: V8 records ticks per source line (the whole profile, whatever --last says).
if (args.includes('--lines')) {
  const lines = new Map();
  for (const n of profile.nodes) {
    for (const t of n.positionTicks ?? []) {
      const key = `${label(n).replace(/:\d+$/, '')}:${t.line}`;
      lines.set(key, (lines.get(key) ?? 0) + t.ticks);
    }
  }
  const ticks = [...lines.values()].reduce((a, b) => a + b, 0);
  console.log('\nhottest lines (share of line ticks, whole profile):');
  for (const [key, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${((100 * n) / ticks).toFixed(1).padStart(5)}%  ${key}`);
}
