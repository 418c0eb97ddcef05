import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './nats-server.js';

/**
 * An S3-compatible server (s3rver) on loopback with one bucket, kept in a temp folder. `stop()` cuts it as a crash
 * would and `start()` brings it back on the same port and folder, so a test can take the object store away mid-traffic.
 */
export interface TestS3Server {
  url: string;
  port: number;
  bucket: string;
  /** Where s3rver keeps the objects, one file per object. */
  dir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

export async function startTestS3Server(bucket = 'govdisc'): Promise<TestS3Server> {
  const dir = await mkdtemp(join(tmpdir(), 'govdisc-s3-'));
  const port = await freePort();
  let server: S3rver | undefined;
  const start = async () => {
    if (server) return;
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
    await server.run();
  };
  // close() alone waits for the SDK's keep-alive connections, which busy traffic never lets go idle (a first run hung
  // there for its whole timeout), so every open connection is cut too.
  const stop = async () => {
    const stopping = server;
    server = undefined;
    if (!stopping) return;
    const closed = stopping.close();
    (stopping as unknown as { httpServer?: Server }).httpServer?.closeAllConnections();
    await closed;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    bucket,
    dir,
    start,
    stop,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
