// Serves a Next.js production build (`next build` first) like the other apps run: one process, HTTP_PORT
// (or PORT, default per app) on HOST (default 127.0.0.1), /ready once the app is loaded, JSON log lines,
// SIGTERM/SIGINT close the listener and let in-flight requests finish. Plain JavaScript: the apps'
// scripts/serve.mjs run it with node directly, before and without any build of this package.
import { createServer } from 'node:http';
import next from 'next';

/** @param {{ app: string, dir: string, defaultPort: number }} options */
export async function serveNext({ app: name, dir, defaultPort }) {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const port = Number(process.env.HTTP_PORT ?? process.env.PORT ?? defaultPort);
  const host = process.env.HOST ?? '127.0.0.1';
  process.env.PORT = String(port);
  const log = (msg, extra = {}) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), app: name, msg, ...extra }));

  const app = next({ dev: false, dir, hostname: host, port });
  const handle = app.getRequestHandler();
  let ready = false;
  const server = createServer((req, res) => {
    if (req.url === '/ready' || req.url === '/health') {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ok' : 'starting' }));
      return;
    }
    // The gateway limits rates per client: pass the person's address on (X-Forwarded-For, appended to
    // what a proxy in front of us sent); the gateway believes it when it trusts us (TRUST_PROXY).
    const peer = req.socket.remoteAddress;
    if (peer) req.headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${peer}` : peer;
    handle(req, res).catch((error) => {
      console.error(JSON.stringify({ level: 'error', app: name, msg: 'request failed', error: String(error) }));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('服务暂时不可用');
    });
  });
  server.listen(port, host, () =>
    log('listening', { url: `http://${host}:${port}`, gateway: process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' }),
  );
  await app.prepare();
  ready = true;
  log('ready');

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log('stopping', { signal });
      server.close(() => process.exit(0));
      server.closeIdleConnections?.();
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
