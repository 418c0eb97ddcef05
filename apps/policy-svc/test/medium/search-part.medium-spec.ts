import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, searchPolicyPart } from '@govdisc/contracts';
import { OpenSearchSearchIndex } from '@govdisc/search-index';
import {
  type MediumEnv,
  type ServedRpc,
  eventually,
  prepareMediumEnv,
  serveRpc,
  startMediumApp,
  requiredOpensearchUrl,
} from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentService } from '../../src/document/document.service.js';

// Unified search's policy part (rpc.policy.search.part) over real NATS and PostgreSQL, on both engines:
// published documents only, highlighted snippets, relative scores, paging. OpenSearch at $OPENSEARCH_URL
// (a missing URL fails, it is never skipped).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-search-part' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };

const engines = [
  { name: 'embedded', env: (): Record<string, string> => ({}) },
  {
    name: 'OpenSearch',
    env: (): Record<string, string> => ({
      OPENSEARCH_URL: requiredOpensearchUrl(),
      OPENSEARCH_ALIAS: `govdisc-policies-part-${randomUUID().slice(0, 8)}`,
    }),
  },
];

describe.each(engines)('the policy part of unified search on the $name engine', (engine) => {
  let env: MediumEnv;
  let app: INestApplication | undefined;
  let engineEnv: Record<string, string>;
  let served: ServedRpc | undefined;
  const part = async (q: string, page = 1, pageSize = 10) => (await served!.rpc.call(searchPolicyPart, { q, page, pageSize })).parts;

  beforeAll(async () => {
    engineEnv = engine.env();
    env = await prepareMediumEnv({ label: `policy-part-${engine.name.toLowerCase()}`, schema: 'policy', migrationsDir });
    app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', ...engineEnv })));
    served = await serveRpc(app, 'policy-svc');
    const documents = app.get(DocumentService);
    for (let i = 1; i <= 3; i++) {
      const doc = await documents.create(
        {
          title: `江东市住房公积金提取管理办法（第${i}次修订）`,
          docNumber: `江政发〔2024〕${i}号`,
          body: '职工租赁住房自住的，可以提取住房公积金支付房租。',
        },
        editor,
      );
      await documents.publish(doc.id, reviewer, ctx);
    }
    // a draft is never found
    await documents.create({ title: '住房公积金草稿办法', body: '住房公积金草稿' }, editor);
  });

  afterAll(async () => {
    await served?.stop();
    await app?.close();
    if (engineEnv?.OPENSEARCH_ALIAS) {
      const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias: engineEnv.OPENSEARCH_ALIAS });
      await index.drop();
      await index.close();
    }
    await env?.cleanup();
  });

  test('published documents with highlighted snippets and scores relative to the best, one part of type policy', async () => {
    const [policy] = await eventually(async () => {
      const parts = await part('公积金'); // 公积金 = 住房公积金 in the shared analysis
      expect(parts[0]?.total).toBe(3);
      return parts;
    });
    expect(policy!.type).toBe('policy');
    expect(policy!.items.map((i) => i.title).every((t) => t.startsWith('江东市住房公积金提取管理办法'))).toBe(true);
    expect(policy!.items[0]!.score).toBe(1);
    for (const item of policy!.items) {
      expect(item).toMatchObject({ type: 'policy', snippet: expect.stringContaining('<em>') });
      expect(item.score).toBeGreaterThan(0);
      expect(item.meta).toContain('江政发〔2024〕');
    }
  });

  test('pages: page 2 of size 2 holds the third document, the total stays', async () => {
    const [second] = await eventually(async () => {
      const parts = await part('公积金', 2, 2);
      expect(parts[0]?.items).toHaveLength(1);
      return parts;
    });
    expect(second!.total).toBe(3);
    const first = (await part('公积金', 1, 2))[0]!;
    expect(new Set([...first.items, ...second!.items].map((i) => i.id)).size).toBe(3);
  });

  test('a draft is not found; an empty query is refused with VALIDATION_FAILED', async () => {
    expect((await part('草稿'))[0]).toMatchObject({ total: 0, items: [] });
    await expect(served!.rpc.call(searchPolicyPart, { q: '' })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });
});
