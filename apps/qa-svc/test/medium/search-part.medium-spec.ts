import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, UpsertQaPairReq, parseOrThrow, searchQaPart } from '@govdisc/contracts';
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
import { PairService } from '../../src/pair/pair.service.js';
import { EDITOR, publishPair } from '../publish-pair.js';

// Unified search's Q&A part (rpc.qa.search.part) over real NATS and PostgreSQL, on both engines: pairs
// the public may see right now only (no drafts, no pending edits, none whose effective date is to come).
// OpenSearch at $OPENSEARCH_URL (a missing URL fails, it is never skipped).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

const engines = [
  { name: 'embedded', env: (): Record<string, string> => ({}) },
  {
    name: 'OpenSearch',
    env: (): Record<string, string> => ({
      OPENSEARCH_URL: requiredOpensearchUrl(),
      QA_INDEX_ALIAS: `govdisc-qa-part-${randomUUID().slice(0, 8)}`,
    }),
  },
];

describe.each(engines)('the Q&A part of unified search on the $name engine', (engine) => {
  let env: MediumEnv;
  let app: INestApplication | undefined;
  let served: ServedRpc | undefined;
  let engineEnv: Record<string, string>;
  let rentId = '';
  const part = async (q: string) => (await served!.rpc.call(searchQaPart, { q })).parts;

  beforeAll(async () => {
    engineEnv = engine.env();
    env = await prepareMediumEnv({ label: `qa-part-${engine.name.toLowerCase()}`, schema: 'qa', migrationsDir });
    app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa', QA_INDEX_REFRESH_MS: '200', ...engineEnv })));
    served = await serveRpc(app, 'qa-svc');
    const pairs = app.get(PairService);
    rentId = (
      await publishPair(pairs, {
        question: '租房可以提取住房公积金吗？',
        answer: '可以。无房职工租房自住的，每月提取住房公积金不超过1500元。',
        ownerDepartment: '江东市住房公积金管理中心',
      })
    ).pair.id;
    await publishPair(pairs, { question: '新生儿怎么办理落户？', answer: '持出生医学证明和父母户口簿到派出所办理。' });
    // published, but in effect only from a later day: not found yet
    await publishPair(pairs, {
      question: '公积金贷款额度明年怎么调整？',
      answer: '住房公积金贷款最高额度调整为80万元。',
      effectiveFrom: '2999-01-01',
    });
    // a draft, and a pending edit of a published pair: their words are not found
    await pairs.upsert(parseOrThrow(UpsertQaPairReq, { question: '公积金草稿甲乙丙？', answer: '草稿。' }), EDITOR);
    await pairs.upsert(parseOrThrow(UpsertQaPairReq, { question: '新生儿怎么办理落户？', answer: '待审甲乙丙。' }), EDITOR);
  });

  afterAll(async () => {
    await served?.stop();
    await app?.close();
    if (engineEnv?.QA_INDEX_ALIAS) {
      const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias: engineEnv.QA_INDEX_ALIAS });
      await index.drop();
      await index.close();
    }
    await env?.cleanup();
  });

  test('a public pair is found by a synonym, titled by its question, with a highlighted snippet of its answer', async () => {
    const [qa] = await eventually(async () => {
      const parts = await part('公积金'); // = 住房公积金 in the shared analysis
      expect(parts[0]?.items.map((i) => i.id)).toEqual([rentId]);
      return parts;
    });
    expect(qa).toMatchObject({ type: 'qa', total: 1 });
    expect(qa!.items[0]).toMatchObject({
      type: 'qa',
      title: '租房可以提取住房公积金吗？',
      meta: '江东市住房公积金管理中心',
      score: 1,
      snippet: expect.stringContaining('<em>'),
    });
  });

  test('drafts and pending edits are not found; the published version of an edited pair is', async () => {
    await eventually(async () => expect((await part('落户'))[0]?.total).toBe(1));
    expect((await part('甲乙丙'))[0]).toMatchObject({ total: 0, items: [] });
    expect((await part('户口簿'))[0]!.items[0]!.snippet).toContain('户口簿');
  });

  test('an empty query is refused with VALIDATION_FAILED', async () => {
    await expect(served!.rpc.call(searchQaPart, { q: '  ' })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });
});
