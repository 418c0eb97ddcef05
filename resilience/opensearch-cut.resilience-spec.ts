import { randomUUID } from 'node:crypto';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { eventually, freePort } from '@govdisc/testing';
import { bearer, tokenFor } from '../e2e/auth.js';
import { type Pair, publishedPolicy } from '../e2e/publishing.js';
import { type Stack, api, startStack } from '../e2e/stack.js';

// OpenSearch cut off (a TCP proxy in front of OPENSEARCH_URL stops accepting and drops its connections, as a stopped
// server would): policy search answers a clear 503 fast, writes go on (a document published, requests submitted),
// and once OpenSearch is reachable again the index catches up with what was written meanwhile.
const upstream = new URL(process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200');
let stack: Stack;
let proxy: { url: string; cut(): Promise<void>; restore(): Promise<void>; stop(): Promise<void> };

async function tcpProxy(): Promise<typeof proxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createServer((client) => {
        const target = connect(Number(upstream.port || 80), upstream.hostname);
        for (const s of [client, target]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(target).pipe(client);
      })
        .once('error', reject)
        .listen(port, '127.0.0.1', resolve);
    });
  const cut = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    const closed = new Promise((resolve) => closing.close(resolve));
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, stop: cut };
}

beforeAll(async () => {
  proxy = await tcpProxy();
  stack = await startStack({
    opensearchUrl: proxy.url,
    gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000' },
  });
});

afterAll(async () => {
  await proxy?.restore().catch(() => undefined); // stop() drops the stack's indices through it
  await stack?.stop();
  await proxy?.stop();
});

const finds = async (title: string) => {
  const res = await api(stack, 'GET', `/policies/search?q=${encodeURIComponent(title)}`);
  if (res.status !== 200 || !JSON.stringify(res.json).includes(title)) throw new Error(`not found yet: ${res.status}`);
};

test('OpenSearch cut: search answers 503 fast, writes go on, the index catches up when it is back', async () => {
  const pair: Pair = {
    editor: bearer(await tokenFor(stack.issuerUrl, 'editor1')),
    reviewer: bearer(await tokenFor(stack.issuerUrl, 'reviewer1')),
  };
  const doc = (title: string) => ({ title, body: `第一条 ${title}的内容。`, agency: '江东市人民政府' });
  const before = `检索中断前文件${randomUUID().slice(0, 6)}`;
  await publishedPolicy(stack, pair, doc(before));
  await eventually(() => finds(before), { timeoutMs: 30_000, intervalMs: 200 });

  await proxy.cut();
  const searches: Array<{ status: number; code: unknown; ms: number }> = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    const res = await api(stack, 'GET', `/policies/search?q=${encodeURIComponent(before)}`);
    searches.push({ status: res.status, code: res.json?.code, ms: Date.now() - t0 });
  }
  const unified = await api(stack, 'GET', `/search?q=${encodeURIComponent(before)}`);
  const during = `检索中断时发布${randomUUID().slice(0, 6)}`;
  await publishedPolicy(stack, pair, doc(during));
  const applicant = { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' };
  const submitted = [];
  for (let i = 1; i <= 3; i++)
    submitted.push(
      (await api(stack, 'POST', '/disclosure-requests', { applicant, description: `检索中断 第${i}号申请`, deliveryForm: 'EMAIL' })).status,
    );

  await proxy.restore();
  const restored = Date.now();
  await eventually(() => finds(during), { timeoutMs: 60_000, intervalMs: 250 });
  const caughtUpMs = Date.now() - restored;

  console.log(
    `OpenSearch cut: policy search ${JSON.stringify(searches)}; unified search ${unified.status} partial ${JSON.stringify(unified.json?.partial)}; ` +
      `submissions ${JSON.stringify(submitted)}, document published during the cut found ${caughtUpMs} ms after OpenSearch was back`,
  );
  for (const s of searches) {
    expect(s).toMatchObject({ status: 503, code: expect.any(String) });
    expect(s.ms).toBeLessThan(2_000);
  }
  expect(submitted).toEqual([201, 201, 201]);
});
