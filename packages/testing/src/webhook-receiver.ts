import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, with which of the secrets it was told about verify its signature. */
export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
  /** Indexes into `secrets` (at receipt time) whose `standardwebhooks` verification passed. */
  verifiedWith: number[];
  /** Status the receiver answered. */
  status: number;
  at: number;
}

/**
 * A real HTTP endpoint for department-webhook tests: verifies each request with the
 * `standardwebhooks` library against every secret it knows, records it, and answers with whatever
 * `respond` says (default 204). One server can play several endpoints by path.
 */
export interface TestWebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Secrets to verify against, per path ('' = any path). */
  secrets: Map<string, string[]>;
  respond: (req: { path: string; json: unknown; n: number }) => number | Promise<number>;
  /** Only the requests that verified with at least one secret, for a path. */
  verified(path: string): ReceivedWebhook[];
  stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

export async function startTestWebhookReceiver(): Promise<TestWebhookReceiver> {
  const receiver: TestWebhookReceiver = {
    url: '',
    received: [],
    secrets: new Map(),
    respond: () => 204,
    verified: (path) => receiver.received.filter((r) => r.path === path && r.verifiedWith.length > 0),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const path = req.url ?? '/';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const secrets = receiver.secrets.get(path) ?? receiver.secrets.get('') ?? [];
      const verifiedWith = secrets.flatMap((s, i) => {
        try {
          new Webhook(s).verify(body, headers);
          return [i];
        } catch {
          return [];
        }
      });
      const json = parseJson(body);
      const n = receiver.received.filter((r) => r.path === path).length;
      const status = await receiver.respond({ path, json, n });
      receiver.received.push({ path, headers, body, json, verifiedWith, status, at: Date.now() });
      res.statusCode = status;
      res.end();
    })();
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
