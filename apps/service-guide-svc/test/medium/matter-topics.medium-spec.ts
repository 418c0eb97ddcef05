import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { GuideImportReq, UpsertGuideMatterReq } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { MatterImportService } from '../../src/matter/matter-import.service.js';
import { MatterService } from '../../src/matter/matter.service.js';

// Topics on import and edit (issue 13 part 6): a guide without an editor's topics gets them from its name, summary
// and conditions; an editor's topics are kept through later saves, also through a pending version being published.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let service: MatterService;
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'guide-topics', schema: 'guide', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide' })));
  service = app.get(MatterService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const m = (over: Record<string, unknown> = {}) =>
  UpsertGuideMatterReq.parse({
    code: 'T-JJ-001',
    name: '机动车驾驶证有效期满换证',
    department: '江东市公安局交通警察支队',
    summary: '驾驶人应当于驾驶证有效期满前九十日内申请换证。',
    ...over,
  });

test('a guide saved without topics gets them from its text; an edit of the text computes them again', async () => {
  expect(await service.save(m(), editor)).toMatchObject({ topics: ['transport'], topicsOverridden: false });
  const edited = await service.save(m({ name: '住房公积金租房提取', summary: '无自有住房且租房自住的职工可申请提取公积金。' }), editor);
  expect(edited).toMatchObject({ topics: ['housing-fund'], topicsOverridden: false });
});

test("an editor's topics win, survive saves without topics and the publishing of a pending version; null recomputes", async () => {
  const code = 'T-SB-001';
  const base = { code, name: '社会保障卡申领', summary: '参加本市社会保险的人员可申领社会保障卡。' };
  expect(await service.save(m({ ...base, topics: ['social-insurance', 'medical'] }), editor)).toMatchObject({
    topics: ['social-insurance', 'medical'],
    topicsOverridden: true,
  });
  await service.publish(code, reviewer);
  // a pending version without topics keeps the editor's choice once published
  await service.save(m({ ...base, summary: '参保人员可在线申领第三代社会保障卡。' }), editor);
  expect(await service.publish(code, reviewer)).toMatchObject({
    topics: ['social-insurance', 'medical'],
    topicsOverridden: true,
    version: 2,
  });
  await service.save(m({ ...base, summary: '参保人员可在线申领第三代社会保障卡。', topics: null }), editor);
  expect(await service.publish(code, reviewer)).toMatchObject({ topics: ['social-insurance'], topicsOverridden: false });
});

test('an import classifies CSV rows without a 主题 and keeps the ones with it; counts list published guides only', async () => {
  const csv = [
    '事项编码,事项名称,实施主体,申请材料,主题',
    'T-CSV-1,残疾人两项补贴申请,江东市民政局,残疾人证,',
    'T-CSV-2,新生儿出生登记,江东市公安局,出生医学证明,household-registration',
  ].join('\n');
  const report = await app.get(MatterImportService).import(GuideImportReq.parse({ format: 'csv', content: csv }), editor);
  expect(report).toMatchObject({ imported: 2, rejected: [] });
  expect(await service.get('T-CSV-1', editor)).toMatchObject({ topics: ['subsidies', 'disability'], topicsOverridden: false });
  expect(await service.get('T-CSV-2', editor)).toMatchObject({ topics: ['household-registration'], topicsOverridden: true });
  await service.publish('T-CSV-1', reviewer);
  const counts = await service.countsByTopic();
  expect(counts).toMatchObject({ disability: 1, 'social-insurance': 1 });
  expect(counts['household-registration']).toBeUndefined(); // T-CSV-2 is still a draft
});
