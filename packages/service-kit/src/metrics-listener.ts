import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from './metrics.js';

/**
 * Prometheus metrics on their own listener (an internal interface/port), for apps whose HTTP port
 * is public: GET /metrics answers, everything else is 404. Close it with `server.close()`.
 */
export async function startMetricsListener(opts: { host: string; port: number }): Promise<Server & { url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsRegistry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text))
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  server.unref(); // never keeps a stopping process alive
  const { port } = server.address() as AddressInfo;
  return Object.assign(server, { url: `http://${opts.host}:${port}/metrics` });
}
