// What every bench that starts the platform needs: a private nats-server, a fresh database and app processes,
// all stopped exactly once however the bench ends (normally, on a failure, Ctrl-C or SIGTERM).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { AppProcess, createTestDatabase, freePort, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';
import { cpuTicks } from './http-load.mjs';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * One bench run's resources. `started` is what cleanup stops; `onCleanup` adds anything else (a child process, an
 * OpenSearch alias) to be stopped before the apps.
 */
export function benchRun(label) {
  const started = { apps: [], nats: null, nc: null, db: null, dirs: [] };
  const extra = [];
  let cleaning;
  const quietly = (p) => Promise.resolve(p).catch((e) => process.stderr.write(`cleanup: ${e.message}\n`));
  function cleanup() {
    cleaning ??= (async () => {
      for (const stop of extra) await quietly(stop());
      await Promise.all(started.apps.map((a) => quietly(a.stop())));
      if (started.nc) await quietly(started.nc.close());
      if (started.nats) await quietly(started.nats.stop());
      if (started.db) await quietly(started.db.drop());
      for (const dir of started.dirs) rmSync(dir, { recursive: true, force: true });
    })();
    return cleaning;
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      process.stderr.write(`\n${signal}: stopping everything this bench started…\n`);
      await cleanup();
      process.exit(130);
    });
  }
  // e.g. a child that cannot be spawned emits 'error' outside any await
  process.once('uncaughtException', async (error) => {
    console.error(`\nbench failed: ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(1);
  });

  /** A Node script serving HTTP_PORT with a /ready page (an app, or a Next.js server) on a free port, once ready. */
  async function startProcess(name, script, env, { timeoutMs = 90_000 } = {}) {
    const port = await freePort();
    const app = new AppProcess(name, script, { ...env, HTTP_PORT: String(port) }, `http://127.0.0.1:${port}/ready`);
    started.apps.push(app);
    await app.start(timeoutMs);
    return app;
  }

  return {
    started,
    cleanup,
    /** The cleanup under way (a signal arrived), or undefined: a failure it caused need not be reported. */
    stopping: () => cleaning,
    onCleanup: (stop) => extra.push(stop),
    tempDir(name = label) {
      const dir = mkdtempSync(join(tmpdir(), `govdisc-bench-${name}-`));
      started.dirs.push(dir);
      return dir;
    },
    /** A private nats-server with the platform's streams, and a fresh database. */
    async startBusAndDatabase() {
      const [nats, db] = await Promise.all([
        startPrivateNats().then((n) => (started.nats = n)),
        createTestDatabase(`bench_${label.replace(/\W/g, '_')}`).then((d) => (started.db = d)),
      ]);
      started.nc = await connect({ servers: nats.url, name: `bench-${label}` });
      await applyBusLayout(started.nc, new BusNaming(''));
      return { nats, db };
    },
    startProcess,
    /** An app's built main.js on a free port; resolves when it is ready. */
    startApp: (name, env, opts) => startProcess(name, join(opts?.appsRoot ?? repoRoot, 'apps', name, 'dist', 'main.js'), env, opts),
  };
}

/** The pid of a nats-server this process started (startPrivateNats does not expose it), for CPU accounting. */
export function natsServerPid(url) {
  const port = new URL(url).port;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.split(') ')[1].split(' ')[1]);
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && argv[0].endsWith('nats-server') && argv.includes(port)) return Number(pid);
    } catch {
      // the process ended while listed
    }
  }
  throw new Error(`cannot find the private nats-server on port ${port}`);
}

/**
 * CPU ticks of the PostgreSQL backends serving `database` (their process title names it: `postgres: 15/main: user
 * <database> host(port) state`), summed over every backend seen so far. The server is shared, so only this database's
 * sessions count. A backend that ended keeps the ticks it had when last read (the import's sessions end while the
 * pages are measured: without that, the sum fell and the table showed negative figures); what it used after its last
 * reading is not counted.
 */
export function postgresTicks(database) {
  const seen = backendTicks.get(database) ?? new Map();
  backendTicks.set(database, seen);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!argv.startsWith('postgres: ') || !argv.split(' ').includes(database)) continue;
      seen.set(pid, cpuTicks(pid) ?? seen.get(pid) ?? 0);
    } catch {
      // the process ended while listed
    }
  }
  let total = 0;
  for (const ticks of seen.values()) total += ticks;
  return total;
}
/** Per database, each backend's ticks when last read: one that ended still counts what it used until then. */
const backendTicks = new Map();

/**
 * A corpus file: the path after `--<flag>` if given, else `shared` in ../shared/data beside the repository (or
 * beside the worktrees' folder), else `fixture` in the tests' cut (test-fixtures/corpus).
 */
export function corpusFile(flag, shared, fixture = shared) {
  const i = process.argv.indexOf(flag);
  if (i > 0) return process.argv[i + 1];
  const found = [join(repoRoot, '..', 'shared', 'data', shared), join(repoRoot, '..', '..', 'shared', 'data', shared)].find(existsSync);
  return found ?? join(repoRoot, 'test-fixtures', 'corpus', fixture);
}

/**
 * Runs a repository script (an import CLI, the demo loader) against a bench's gateway with its embedded issuer (an
 * exported KEYCLOAK_URL is dropped); reports its duration and the last `tail` lines of its output on stderr.
 */
export async function runCli(script, args, gatewayUrl, { tail = 4 } = {}) {
  const t = Date.now();
  const { KEYCLOAK_URL: _keycloak, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', script), ...args], {
    env: { ...env, GATEWAY_URL: gatewayUrl },
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = tail > 0 ? `\n${stdout.split('\n').slice(-tail).join('\n')}` : '';
  process.stderr.write(
    `${script} ${args.filter((a) => !a.startsWith('--')).join(' ')}: ${((Date.now() - t) / 1000).toFixed(0)} s${summary}\n`,
  );
  return stdout;
}

/** An import CLI (policy-import.mjs, qa-import.mjs) loading `file` quietly through the gateway. */
export const importWith = (script, file, gatewayUrl, opts) => runCli(script, [file, '--quiet'], gatewayUrl, opts);

/** The `total` of a listing once it has not changed for 10 s (work the gateway stopped waiting for goes on). */
export async function settledTotal(gatewayUrl, path) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const total = (await (await fetch(`${gatewayUrl}${path}`)).json()).total ?? 0;
    if (total !== last) [last, since] = [total, Date.now()];
    else if (Date.now() - since >= 10_000) return total;
    await new Promise((res) => setTimeout(res, 1000));
  }
}

/**
 * The environment that makes an app write CPU profiles (bench/cpu-profile-preload.mjs): each SIGUSR2 pair brackets
 * one window, written as `<dir>/<name>-<n>.cpuprofile`.
 */
export function cpuProfileEnv(name, dir) {
  const preload = join(repoRoot, 'bench', 'cpu-profile-preload.mjs');
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(), CPU_PROF_DIR: dir, CPU_PROF_NAME: name };
}

/**
 * Waits until `pid` used under 5 % of a core for 5 s (at least `minMs`: background work after a start is not
 * measured; at most `maxMs`); its CPU seconds so far.
 */
export async function settledCpu(pid, { minMs = 25_000, maxMs = 300_000 } = {}) {
  const started = Date.now();
  let last = cpuTicks(pid);
  for (;;) {
    await new Promise((res) => setTimeout(res, 5000));
    const now = cpuTicks(pid);
    if ((Date.now() - started >= minMs && now - last <= 25) || Date.now() - started > maxMs) return now / 100;
    last = now;
  }
}
