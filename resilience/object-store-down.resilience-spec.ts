import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { queryRows } from '@govdisc/testing';
import { type TestS3Server, startTestS3Server } from '@govdisc/testing/s3-server';
import { type Stack, api, startStack } from '../e2e/stack.js';

// The attachment store (ATTACHMENT_STORE=s3, an S3-compatible server: s3rver over loopback) stopped in the middle of
// submissions with an attachment: each one sent while it is away gets a clear 503 with a stable code and leaves no
// request behind (attachments are stored before the request's transaction, which then never starts); once the server
// is back on the same port and directory, submissions are stored again with their attachment readable.
const BUCKET = 'govdisc-resilience';
const LABEL = '存储故障';
/** A small PDF of its own per submission (objects are content-addressed), so each stored request names its own object. */
const pdfOf = (text: string) => Buffer.from(`%PDF-1.4\n%${text}\n1 0 obj <<>> endobj\n`).toString('base64');
const applicant = { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' };

let stack: Stack;
let s3: TestS3Server;

beforeAll(async () => {
  s3 = await startTestS3Server(BUCKET);
  stack = await startStack({
    gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000' },
    appEnv: () => ({
      'disclosure-request-svc': {
        ATTACHMENT_STORE: 's3',
        ATTACHMENT_S3_BUCKET: BUCKET,
        ATTACHMENT_S3_PREFIX: 'attachments/',
        ATTACHMENT_S3_ENDPOINT: s3.url,
        ATTACHMENT_S3_REGION: 'us-east-1',
        ATTACHMENT_S3_FORCE_PATH_STYLE: 'true',
        ATTACHMENT_S3_ACCESS_KEY_ID: 'S3RVER',
        ATTACHMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    }),
  });
});

afterAll(async () => {
  await stack?.stop();
  await s3?.close();
});

/** Submissions with one attachment from `workers` loops until `until()`; one attempt each, answers by phase. */
async function submissions(workers: number, until: () => boolean, phase: () => 'up' | 'down' | 'back') {
  const seen = {
    acknowledged: [] as string[],
    refused: [] as string[],
    byPhase: {} as Record<string, Record<string, number>>,
    unclear: [] as string[],
  };
  let n = 0;
  const worker = async () => {
    while (!until()) {
      const now = phase();
      const description = `${LABEL} 第${++n}号申请 ${randomUUID().slice(0, 8)}`;
      const started = Date.now();
      const res = await api(
        stack,
        'POST',
        '/disclosure-requests',
        { applicant, description, deliveryForm: 'EMAIL', attachments: [{ fileName: '证明.pdf', contentBase64: pdfOf(description) }] },
        { 'idempotency-key': randomUUID() },
      );
      const tally = (seen.byPhase[now] ??= {});
      tally[res.status] = (tally[res.status] ?? 0) + 1;
      if (res.status === 201) seen.acknowledged.push(description);
      else if (res.status === 503 && res.json?.code === 'SERVICE_UNAVAILABLE' && Date.now() - started < 10_000)
        seen.refused.push(description);
      // Sent while the server was going away or coming back: a 201 or the clear 503; anything else is unclear.
      else seen.unclear.push(`${now}: ${res.status} ${String(res.json?.code)} after ${Date.now() - started} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return seen;
}

test('object store stopped mid-traffic: a submission with an attachment gets a clear 503, nothing half-written, works again when it is back', async () => {
  const started = Date.now();
  let state: 'up' | 'down' | 'back' = 'up';
  let backAt = 0;
  const traffic = submissions(
    3,
    () => backAt > 0 && Date.now() - backAt > 4_000,
    () => state,
  );
  await new Promise((r) => setTimeout(r, 3_000));
  await s3.stop();
  state = 'down';
  const downAt = Date.now() - started;
  await new Promise((r) => setTimeout(r, 4_000));
  await s3.start();
  state = 'back';
  backAt = Date.now();
  const seen = await traffic;

  const rows = await queryRows<{ description: string; n: number; attachments: number; timeline: number; path: string | null }>(
    stack.databaseUrl,
    `SELECT r.description, count(*)::int AS n,
            min((SELECT count(*) FROM disclosure.request_attachment a WHERE a.request_id = r.id))::int AS attachments,
            min((SELECT count(*) FROM disclosure.timeline_entry t WHERE t.request_id = r.id))::int AS timeline,
            min((SELECT a.storage_path FROM disclosure.request_attachment a WHERE a.request_id = r.id LIMIT 1)) AS path
       FROM disclosure.disclosure_request r WHERE r.description LIKE $1 GROUP BY r.description`,
    [`${LABEL}%`],
  );
  const stored = new Map(rows.map((r) => [r.description, r]));
  const found = seen.acknowledged.filter((d) => stored.has(d)).length;
  const duplicated = rows.filter((r) => r.n > 1).length;
  const refusedButStored = seen.refused.filter((d) => stored.has(d));
  const halfWritten = rows.filter((r) => r.attachments !== 1 || r.timeline < 1).map((r) => r.description);
  // Every stored request's attachment is in the bucket (s3rver keeps objects as files under its directory).
  const objects = new Set(
    (await listFiles(join(s3.dir, BUCKET))).map((f) =>
      f
        .split('/')
        .pop()!
        .replace(/\._S3rver_.*$/, ''),
    ),
  );
  const missingObjects = rows.filter((r) => r.path && !objects.has(r.path.split('/').pop()!)).length;

  console.log(
    `object store stopped at ${downAt} ms for 4000 ms: submitted ${seen.acknowledged.length} / found ${found} / duplicated ${duplicated}; ` +
      `refused 503 ${seen.refused.length} (stored anyway ${refusedButStored.length}) / half-written ${halfWritten.length} / attachments missing ${missingObjects}; ` +
      `answers by phase ${JSON.stringify(seen.byPhase)}`,
  );
  expect(seen.unclear).toEqual([]);
  expect(seen.byPhase.up?.[201]).toBeGreaterThan(0);
  expect(seen.byPhase.down?.[503]).toBeGreaterThan(0);
  expect(seen.byPhase.back?.[201]).toBeGreaterThan(0);
  expect(found).toBe(seen.acknowledged.length);
  expect(duplicated).toBe(0);
  expect(refusedButStored).toEqual([]);
  expect(halfWritten).toEqual([]);
  expect(missingObjects).toBe(0);
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
