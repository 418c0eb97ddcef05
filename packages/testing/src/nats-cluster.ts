import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { freePort, type PrivateNats, reapOnExit, stopChild, waitForPort } from './nats-server.js';

/** One node of a private cluster: stopped (SIGKILL, as a crashed machine) and started again on its own store. */
export interface NatsNode {
  name: string;
  url: string;
  running: boolean;
  kill(): Promise<void>;
  start(): Promise<void>;
}

/** A private NATS JetStream cluster: `url` lists every node (comma-separated, as apps' NATS_URL takes it). */
export interface PrivateNatsCluster extends PrivateNats {
  nodes: NatsNode[];
}

/**
 * N nats-server processes on loopback with routes to each other and JetStream (server names and a store each), so
 * streams can be replicated N ways and a node can be lost and brought back, as on a real cluster.
 */
export async function startNatsCluster(size = 3, binary = process.env.NATS_SERVER_BIN ?? 'nats-server'): Promise<PrivateNatsCluster> {
  const clusterName = `govdisc-test-${process.pid}`;
  const specs = [];
  for (let i = 0; i < size; i++) specs.push({ name: `n${i + 1}`, port: await freePort(), routePort: await freePort() });
  const root = mkdtempSync(join(tmpdir(), 'govdisc-nats-cluster-'));
  const routes = specs.map((s) => `nats://127.0.0.1:${s.routePort}`).join(',');
  const nodes = specs.map((spec) => {
    let child: ChildProcess | undefined;
    const args = [
      ...['-n', spec.name, '-a', '127.0.0.1', '-p', String(spec.port), '-js', '-sd', join(root, spec.name)],
      ...['--cluster_name', clusterName, '--cluster', `nats://127.0.0.1:${spec.routePort}`, '--routes', routes],
    ];
    const node: NatsNode = {
      name: spec.name,
      url: `nats://127.0.0.1:${spec.port}`,
      get running() {
        return !!child && child.exitCode === null && child.signalCode === null;
      },
      async start() {
        child = reapOnExit(spawn(binary, args, { stdio: 'ignore' }));
        await waitForPort(spec.port, child);
      },
      async kill() {
        if (child) await stopChild(child, 'SIGKILL');
        child = undefined;
      },
    };
    return node;
  });
  await Promise.all(nodes.map((n) => n.start()));
  await jetStreamReady(nodes.map((n) => n.url));
  return {
    url: nodes.map((n) => n.url).join(','),
    nodes,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.kill()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Open ports are not enough: JetStream answers once the cluster has elected its meta leader. */
async function jetStreamReady(servers: string[], timeoutMs = 30_000): Promise<void> {
  const nc = await connect({ servers });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const info = await nc
        .request('$JS.API.INFO', '', { timeout: 1_000 })
        .then((m) => m.json<{ error?: unknown }>())
        .catch((error: unknown) => ({ error }));
      if (!info.error) return;
      if (Date.now() > deadline) throw new Error(`JetStream cluster not ready: ${JSON.stringify(info.error)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await nc.close();
  }
}
