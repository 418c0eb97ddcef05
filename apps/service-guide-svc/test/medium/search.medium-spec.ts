import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, UpsertGuideBundleReq, UpsertGuideMatterReq, searchGuidePart } from '@govdisc/contracts';
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
import { BundleService } from '../../src/bundle/bundle.service.js';
import { loadAppConfig } from '../../src/config/env.js';
import { MatterService } from '../../src/matter/matter.service.js';

// Unified search's guide and bundle parts (rpc.guide.search.part) over real NATS and PostgreSQL, on both
// engines of the search port: published matters and bundles only (their published version), the shared
// Chinese analysis, one part per kind asked for. OpenSearch at $OPENSEARCH_URL (never skipped).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };

const engines = [
  { name: 'embedded', env: (): Record<string, string> => ({}) },
  {
    name: 'OpenSearch',
    env: (): Record<string, string> => ({
      OPENSEARCH_URL: requiredOpensearchUrl(),
      GUIDE_INDEX_ALIAS: `govdisc-guides-test-${randomUUID().slice(0, 8)}`,
    }),
  },
];

const matter = (over: Record<string, unknown>) =>
  UpsertGuideMatterReq.parse({ department: '江东市住房公积金管理中心', type: '公共服务', summary: '', ...over });

describe.each(engines)('guide and bundle parts of unified search on the $name engine', (engine) => {
  let env: MediumEnv;
  let app: INestApplication | undefined;
  let served: ServedRpc | undefined;
  let engineEnv: Record<string, string>;
  const search = async (q: string, extra: Record<string, unknown> = {}) =>
    Object.fromEntries((await served!.rpc.call(searchGuidePart, { q, ...extra })).parts.map((p) => [p.type, p]));

  beforeAll(async () => {
    engineEnv = engine.env();
    env = await prepareMediumEnv({ label: `guide-search-${engine.name.toLowerCase()}`, schema: 'guide', migrationsDir });
    app = await startMediumApp(
      AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide', GUIDE_INDEX_REFRESH_MS: '200', ...engineEnv })),
    );
    served = await serveRpc(app, 'service-guide-svc');
    const matters = app.get(MatterService);
    const bundles = app.get(BundleService);
    const publish = async (over: Record<string, unknown>) => {
      await matters.save(matter(over), editor);
      await matters.publish(over.code as string, reviewer);
    };
    await publish({
      code: 'S-GJJ-1',
      name: '住房公积金租房提取',
      summary: '职工租赁住房自住的，可以提取住房公积金支付房租。',
      materials: [{ name: '租赁合同' }],
    });
    await publish({ code: 'S-JJ-1', name: '机动车驾驶证换证', department: '江东市公安局交通警察支队', summary: '驾驶证有效期满前换领。' });
    await matters.save(matter({ code: 'S-DRAFT', name: '公积金草稿事项甲乙丙' }), editor);
    await bundles.save(UpsertGuideBundleReq.parse({ code: 'S-YJS-1', name: '租房安居一件事', matterCodes: ['S-GJJ-1'] }), editor);
    await bundles.publish('S-YJS-1', reviewer);
    await bundles.save(
      UpsertGuideBundleReq.parse({ code: 'S-YJS-DRAFT', name: '公积金草稿一件事甲乙丙', matterCodes: ['S-JJ-1'] }),
      editor,
    );
  });

  afterAll(async () => {
    await served?.stop();
    await app?.close();
    if (engineEnv?.GUIDE_INDEX_ALIAS) {
      const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias: engineEnv.GUIDE_INDEX_ALIAS });
      await index.drop();
      await index.close();
    }
    await env?.cleanup();
  });

  test('one query answers a guide part and a bundle part: published ones by code, a bundle found by its matters’ names', async () => {
    const parts = await eventually(async () => {
      const found = await search('公积金'); // = 住房公积金 in the shared analysis
      expect(found.guide?.total).toBe(1);
      expect(found.bundle?.total).toBe(1);
      return found;
    });
    expect(parts.guide!.items[0]).toMatchObject({
      type: 'guide',
      id: 'S-GJJ-1',
      title: '住房公积金租房提取',
      meta: '江东市住房公积金管理中心',
      score: 1,
    });
    expect(parts.guide!.items[0]!.snippet).toContain('<em>');
    expect(parts.bundle!.items[0]).toMatchObject({ type: 'bundle', id: 'S-YJS-1', title: '租房安居一件事' });
    // each refresh pass reads matters then bundles: a matter published meanwhile shows a pass later
    await eventually(async () => expect((await search('驾驶证')).guide!.items.map((i) => i.id)).toEqual(['S-JJ-1']));
    expect((await search('租赁合同')).guide!.items.map((i) => i.id)).toEqual(['S-GJJ-1']); // materials are searched too
  });

  test('types narrows the answer to one kind', async () => {
    const found = await search('公积金', { types: ['bundle'] });
    expect(Object.keys(found)).toEqual(['bundle']);
  });

  test('drafts and pending edits are never found; a published edit replaces the old text', async () => {
    expect(await search('甲乙丙')).toMatchObject({ guide: { total: 0, items: [] }, bundle: { total: 0, items: [] } });
    const matters = app!.get(MatterService);
    await matters.save(matter({ code: 'S-JJ-1', name: '机动车驾驶证期满换领甲乙丙', department: '江东市公安局交通警察支队' }), editor);
    await new Promise((r) => setTimeout(r, 600)); // three refresh passes: a pending edit must still not show
    expect((await search('甲乙丙')).guide!.total).toBe(0);
    await matters.publish('S-JJ-1', reviewer);
    await eventually(async () => expect((await search('甲乙丙')).guide!.items.map((i) => i.id)).toEqual(['S-JJ-1']));
    expect((await search('换证')).guide!.total).toBe(0);
  });

  test('an empty query is refused with VALIDATION_FAILED', async () => {
    await expect(served!.rpc.call(searchGuidePart, { q: '' })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });
});
