import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, UpsertQaPairReq, parseOrThrow, type z } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ImportPairsUseCase } from '../../src/pair/import-pairs.usecase.js';
import { PairService } from '../../src/pair/pair.service.js';

// Topics on import and edit (issue 13 part 6): the shared classifier gives every pair its citizen topics unless an
// editor chose them; the choice survives later saves that leave topics out, and null brings the computed ones back.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const editor = { sub: 'editor-1', roles: ['editor'] };
let env: MediumEnv;
let app: INestApplication;
let pairs: PairService;

const input = (over: Partial<z.input<typeof UpsertQaPairReq>>) =>
  parseOrThrow(UpsertQaPairReq, { question: '租房可以提取住房公积金吗？', answer: '可以，每月最多提取1200元。', ...over });

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'qa-topics', schema: 'qa', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa' })));
  pairs = app.get(PairService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('a pair saved without topics gets them from its text, and an edit of the text computes them again', async () => {
  const { pair } = await pairs.upsert(input({ externalId: 'topics-1' }), editor);
  expect(pair).toMatchObject({ topics: ['housing-fund'], topicsOverridden: false });
  const edited = await pairs.upsert(
    input({ externalId: 'topics-1', question: '孩子上小学要准备哪些材料？', answer: '按学区在招生平台报名入学。' }),
    editor,
  );
  expect(edited.pair).toMatchObject({ topics: ['education'], topicsOverridden: false });
});

test("an editor's topics win and stay through later saves that leave them out; null restores the computed ones", async () => {
  const chosen = await pairs.upsert(input({ externalId: 'topics-2', topics: ['real-estate', 'housing-fund'] }), editor);
  expect(chosen.pair).toMatchObject({ topics: ['real-estate', 'housing-fund'], topicsOverridden: true });
  const later = await pairs.upsert(input({ externalId: 'topics-2', answer: '可以，未备案租赁合同的每月最高提取1200元。' }), editor);
  expect(later.outcome).toBe('updated');
  expect(later.pair).toMatchObject({ topics: ['real-estate', 'housing-fund'], topicsOverridden: true });
  const restored = await pairs.upsert(
    input({ externalId: 'topics-2', answer: '可以，未备案租赁合同的每月最高提取1200元。', topics: null }),
    editor,
  );
  expect(restored.pair).toMatchObject({ topics: ['housing-fund'], topicsOverridden: false });
});

test('an import of records without topics classifies each; an unknown topic code is refused with its line', async () => {
  const report = await app.get(ImportPairsUseCase).run(
    [
      { line: 1, record: { id: 'imp-1', question: '残疾人两项补贴去哪里申请？', answer: '向户籍所在地街道提出申请。' } },
      { line: 2, record: { id: 'imp-2', question: '驾驶证到期怎么换证？', answer: '到车管所或通过交管12123办理。' } },
      { line: 3, record: { id: 'imp-3', question: '这是什么？', answer: '未知。', topics: ['no-such-topic'] } },
    ],
    false,
    editor,
  );
  expect(report).toMatchObject({ imported: 2, rejected: [{ line: 3, externalId: 'imp-3' }] });
  expect(report.rejected[0]!.reason).toContain(ErrorCode.QA_TOPIC_UNKNOWN);
  const listed = await pairs.list({ page: 1, pageSize: 50, topic: 'disability' }, editor);
  expect(listed.items.map((p) => p.externalId)).toContain('imp-1');
  expect(listed.items.map((p) => p.externalId)).not.toContain('imp-2');
  const transport = await pairs.list({ page: 1, pageSize: 50, topic: 'transport' }, editor);
  expect(transport.items.map((p) => p.externalId)).toEqual(['imp-2']);
});
