// CPU-seconds per kind of process (jest, each app, Next.js, Chromium, nats-server, PostgreSQL, the JVMs, tools), read
// from /proc: on a machine shared with other work, wall time says little and CPU-seconds say what a run costs.
//   node scripts/cpu-attribution.mjs --seconds 120 [--match REGEX]   every process (or those whose command line
//                                                                      matches) for that long
//   node scripts/cpu-attribution.mjs [--also REGEX] -- CMD ARGS...    CMD and its descendants until it exits, plus the
//                                                                      PostgreSQL backends they connect to (found by
//                                                                      their client port) and processes matching --also
// Every --interval seconds (default 2) it reads utime+stime of each process; a process that ends between two samples
// loses what it used since the last one, and the run mode prints that gap (the tree's own rusage minus what was seen).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS = 100; // USER_HZ
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const opts = dash >= 0 ? argv.slice(0, dash) : argv;
const command = dash >= 0 ? argv.slice(dash + 1) : [];
const opt = (name, fallback) => {
  const i = opts.indexOf(`--${name}`);
  return i >= 0 ? opts[i + 1] : fallback;
};
const interval = Number(opt('interval', '2')) * 1000;
const seconds = Number(opt('seconds', '0'));
const match = opt('match', '') ? new RegExp(opt('match', '')) : null;
const also = opt('also', '') ? new RegExp(opt('also', '')) : null;
if (!command.length && !seconds) {
  console.error('usage: cpu-attribution.mjs --seconds N [--match REGEX] | [--also REGEX] -- CMD ARGS...');
  process.exit(2);
}

/** The class a process's CPU is booked to, from its command line (first match wins). */
const classes = [
  [/org\.opensearch\.bootstrap/, 'opensearch (java)'],
  [/kc\.config\.built|keycloak/, 'keycloak (java)'],
  [/apps\/(gateway|policy-svc|qa-svc|service-guide-svc|disclosure-request-svc|notify-svc)\/dist\//, (m) => m[1]],
  [/apps\/(web|console)\/(scripts\/serve|\.next|node_modules\/next)/, (m) => `next (${m[1]})`],
  [/next-server|next start/, 'next (other)'],
  [
    /chrom(e|ium)/i,
    (_m, cmd) =>
      `chromium ${/--type=renderer/.test(cmd) ? 'renderer' : /--type=gpu/.test(cmd) ? 'gpu' : /--type=/.test(cmd) ? 'utility' : 'browser'}`,
  ],
  [/jest-worker|jest\/bin\/jest|jest\.js/, 'jest'],
  [/scripts\/demo-load/, 'demo-load'],
  [/nats-server/, 'nats-server'],
  [/^postgres|postgresql\/\d+\/bin\/postgres/, 'postgres'],
  [/eslint/, 'eslint'],
  [/\btsc\b|typescript\/bin/, 'tsc'],
  [/prettier/, 'prettier'],
  [/turbo/, 'turbo'],
  [/next\/dist\/bin\/next|next build/, 'next build'],
  [/s3rver/, 's3rver'],
  [/\bnpm\b|npm-cli/, 'npm'],
  [/^(\S*\/)?node\b/, 'node (other)'],
  [/^(\S*\/)?(ba)?sh\b/, 'shell'],
];
function classify(cmd) {
  for (const [re, name] of classes) {
    const m = re.exec(cmd);
    if (m) return typeof name === 'function' ? name(m, cmd) : name;
  }
  return 'other: ' + (cmd.split(' ')[0].split('/').pop() || '?');
}

function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    if (!cmd) cmd = `[${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}]`;
    return { pid, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS, start: Number(f[19]), cmd };
  } catch {
    return null; // gone between readdir and read
  }
}
const allProcs = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .map(Number)
    .map(readProc)
    .filter(Boolean);

/** Busy CPU-seconds of the whole machine (every core), from /proc/stat. */
function machineBusy() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

/** What read() returns, or `fallback` when the process or file is gone meanwhile. */
function readOr(read, fallback) {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Local TCP ports of the sockets the given processes hold (to find their PostgreSQL backends). */
function localPortsOf(pids) {
  const inodes = new Set();
  for (const pid of pids) {
    for (const fd of readOr(() => readdirSync(`/proc/${pid}/fd`), [])) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  const ports = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOr(() => readFileSync(file, 'utf8').trim().split('\n').slice(1), [])) {
      const f = line.trim().split(/\s+/);
      if (inodes.has(f[9])) ports.add(parseInt(f[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** Now, in clock ticks since boot (the unit of a process's start time in /proc/PID/stat). */
const ticksSinceBoot = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * TICKS;
const startTicks = ticksSinceBoot();
const seen = new Map(); // `${pid}:${start}` -> { cls, first, last }
let rootPid = null;
function sample() {
  const procs = allProcs();
  let chosen;
  if (rootPid === null) {
    chosen = match ? procs.filter((p) => match.test(p.cmd)) : procs;
  } else {
    const children = new Map();
    for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const tree = procs.filter((p) => p.pid === rootPid);
    const stack = [rootPid];
    while (stack.length) for (const c of children.get(stack.pop()) ?? []) (tree.push(c), stack.push(c.pid));
    const ports = localPortsOf(tree.map((p) => p.pid));
    const backends = procs.filter((p) => {
      const m = /^postgres: .*\((\d+)\)/.exec(p.cmd);
      return m && ports.has(Number(m[1]));
    });
    chosen = [...tree, ...backends, ...(also ? procs.filter((p) => also.test(p.cmd)) : [])];
  }
  for (const p of chosen) {
    const key = `${p.pid}:${p.start}`;
    const prev = seen.get(key);
    // exec() keeps the pid (a launcher script becoming java): book it to what it runs now.
    // (An exited process not yet reaped has no command line left: it keeps its class.)
    if (prev) Object.assign(prev, { last: p.cpu }, p.cmd.startsWith('[') ? {} : { cls: classify(p.cmd), cmd: p.cmd });
    // A process that started during the measurement counts all its CPU; an older one from its first sample on.
    else seen.set(key, { cls: classify(p.cmd), first: p.start < startTicks ? p.cpu : 0, last: p.cpu, cmd: p.cmd });
  }
}

function report(wallS, busyS, extra = []) {
  const byClass = new Map();
  for (const { cls, first, last } of seen.values()) {
    const c = byClass.get(cls) ?? { cpu: 0, n: 0 };
    c.cpu += last - first;
    c.n += last > first ? 1 : 0;
    byClass.set(cls, c);
  }
  const rows = [...byClass].filter(([, c]) => c.cpu > 0.005).sort((a, b) => b[1].cpu - a[1].cpu);
  const total = rows.reduce((s, [, c]) => s + c.cpu, 0);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nCPU attribution over ${wallS.toFixed(0)} s wall (load average at the end: ${load})`);
  console.log('class'.padEnd(28) + 'CPU-s'.padStart(9) + '  share  procs');
  for (const [cls, c] of rows)
    console.log(cls.padEnd(28) + c.cpu.toFixed(1).padStart(9) + `${((100 * c.cpu) / total).toFixed(1).padStart(6)} %  ${c.n}`);
  console.log('total seen'.padEnd(28) + total.toFixed(1).padStart(9));
  for (const line of extra) console.log(line);
  console.log(`machine busy CPU-s meanwhile (all processes, all cores): ${busyS.toFixed(1)}`);
}

const t0 = Date.now();
const busy0 = machineBusy();
if (command.length) {
  const self0 = process.resourceUsage();
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  rootPid = child.pid;
  sample();
  const timer = setInterval(() => sample(), interval);
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  clearInterval(timer);
  // The tree's whole CPU as the kernel booked it to us (children reaped by their parents roll up to here).
  const stat = readFileSync(`/proc/self/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const reaped = (Number(f[13]) + Number(f[14])) / TICKS;
  const treeSeen = [...seen.values()]
    .filter((s) => !/^postgres: /.test(s.cmd) && !(also && also.test(s.cmd)))
    .reduce((s, x) => s + x.last - x.first, 0);
  const self = process.resourceUsage();
  report((Date.now() - t0) / 1000, machineBusy() - busy0, [
    `command's process tree by rusage: ${reaped.toFixed(1)} CPU-s (sampled ${treeSeen.toFixed(1)}; the difference is short-lived processes and daemons not reaped by the tree)`,
    `this sampler itself: ${((self.userCPUTime + self.systemCPUTime - self0.userCPUTime - self0.systemCPUTime) / 1e6).toFixed(1)} CPU-s`,
  ]);
  process.exit(code);
} else {
  sample();
  const timer = setInterval(() => sample(), interval);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(timer);
  sample();
  report((Date.now() - t0) / 1000, machineBusy() - busy0);
}
