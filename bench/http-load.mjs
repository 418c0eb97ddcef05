// Closed-loop HTTP load shared by the through-the-gateway benchmarks: N keep-alive connections, each
// sending its next request when the previous answer arrives, for a fixed time. Also reads each local
// app's CPU time from /proc, so a run reports CPU per request per process (robust on a shared machine).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export const gateway = new URL(process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000');

/** `call` against another origin than GATEWAY_URL (e.g. a bare server a benchmark started itself). */
export function callAt(base) {
  const url = new URL(base);
  return (agent, method, path, body) =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const data = body ? Buffer.from(JSON.stringify(body)) : undefined;
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: data ? { 'content-type': 'application/json', 'content-length': data.length } : {},
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
        },
      );
      req.on('error', () => resolve({ status: -1, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      req.end(data);
    });
}

export const call = callAt(gateway);

/** Local processes worth watching: the six apps and nats-server (by command line). */
function watchedProcesses() {
  let out;
  try {
    out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l))
    .filter(Boolean)
    .map(([, pid, args]) => ({
      pid,
      name: /apps\/([a-z-]+)\/dist\/main\.js/.exec(args)?.[1] ?? (/nats-server/.test(args) ? 'nats-server' : null),
    }))
    .filter((p) => p.name);
}

/** A measured process's ticks: `ticks()` if it has one (e.g. a group of processes), else its pid's. */
const ticksOf = (p) => (p.ticks ? p.ticks() : cpuTicks(p.pid));

export function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
  } catch {
    return null;
  }
}

/**
 * Runs the load; prints one line with req/s, latency percentiles, statuses and CPU µs per request.
 * `processes` ([{ name, pid } or { name, ticks }]) names the processes to measure; by default every local app and nats-server.
 */
export async function load(label, makeRequest, { seconds, connections, quiet = false, processes }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const procs = (processes ?? watchedProcesses()).map((p) => ({ ...p, before: ticksOf(p) }));
  const latencies = [];
  const statuses = new Map();
  const deadline = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const r = await makeRequest(agent, n++);
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const result = {
    label,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    statuses: Object.fromEntries(statuses),
    cpu: {},
  };
  for (const p of procs) {
    const after = ticksOf(p);
    if (p.before === null || after === null || (!processes && after === p.before)) continue; // named processes show 0 too
    result.cpu[p.name] = (result.cpu[p.name] ?? 0) + ((after - p.before) * 10_000) / latencies.length; // µs per request
  }
  if (!quiet) {
    const cpu = Object.entries(result.cpu)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    console.log(
      `${label.padEnd(26)} ${String(result.requests).padStart(6)} req  ${result.rps.toFixed(0).padStart(5)} req/s  ` +
        `p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  ${JSON.stringify(result.statuses)}` +
        (cpu ? `\n${''.padEnd(26)} CPU µs/request: ${cpu}` : ''),
    );
  }
  return result;
}

export const intArg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) || dflt : dflt;
};
