// What every bench that starts the platform needs: a private nats-server, a fresh database and app processes,
// all stopped exactly once however the bench ends (normally, on a failure, Ctrl-C or SIGTERM).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { AppProcess, createTestDatabase, freePort, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';

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
