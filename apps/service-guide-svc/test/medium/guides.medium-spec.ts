import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { ErrorCode, NearestSitesReq, UpsertGuideBundleReq, UpsertGuideMatterReq, UpsertServiceSiteReq } from '@govdisc/contracts';
import { AppModule } from '../../src/app.module.js';
import { BundleService } from '../../src/bundle/bundle.service.js';
import { loadAppConfig } from '../../src/config/env.js';
import { MatterImportService } from '../../src/matter/matter-import.service.js';
import { MatterService } from '../../src/matter/matter.service.js';
import { SiteService } from '../../src/site/site.service.js';

// Issue 13.1: full guides, 一件事 bundles, service sites with opening hours and nearest search, import.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let matters: MatterService;
let bundles: BundleService;
let sites: SiteService;
let importing: MatterImportService;
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const citizen = { sub: 'c-1', roles: ['citizen'] };

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'guides', schema: 'guide', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide' })));
  [matters, bundles, sites, importing] = [
    app.get(MatterService),
    app.get(BundleService),
    app.get(SiteService),
    app.get(MatterImportService),
  ];
  // Sites around the demo city centre (WGS-84), all open Monday–Friday 09:00–17:00.
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }));
  await publishSite({ id: 'S-CENTRE', name: '市民之家', level: '市', lat: 28.19612, lng: 112.97265, weeklyHours: weekdays });
  await publishSite({ id: 'S-EAST', name: '东湖区政务服务中心', level: '区', lat: 28.16722, lng: 113.02356, weeklyHours: weekdays });
  await publishSite({ id: 'S-WEST', name: '高新区政务服务中心', level: '区', lat: 28.22091, lng: 112.88715, weeklyHours: weekdays });
  await publishSite({
    id: 'S-24H',
    name: '24小时自助服务区',
    level: '市',
    lat: 28.2,
    lng: 112.99,
    openOnHolidays: true,
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })),
  });
  await sites.save(site({ id: 'S-DRAFT', name: '草稿场所', lat: 28.19613, lng: 112.97266 }), editor);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

function site(over: Record<string, unknown>) {
  return UpsertServiceSiteReq.parse({ level: '街道', address: '江城区人民中路1号', district: '江城区', ...over });
}
async function publishSite(over: Record<string, unknown>) {
  await sites.save(site(over), editor);
  return sites.publish(over.id as string, reviewer);
}
const matter = (over: Record<string, unknown>) =>
  UpsertGuideMatterReq.parse({ name: '事项', department: '江东市某局', type: '公共服务', ...over });
async function publishMatter(over: Record<string, unknown>) {
  await matters.save(matter(over), editor);
  return matters.publish(over.code as string, reviewer);
}
const nearest = async (q: Record<string, unknown>) =>
  (await sites.nearest(NearestSitesReq.parse(q))).map((h) => ({ id: h.site.id, d: h.distanceMeters, open: h.openNow }));

test('a full guide keeps its structure, links its published sites, and refuses sites that do not exist', async () => {
  await publishMatter({
    code: 'G-GJJ-1',
    name: '住房公积金租房提取',
    legalBasis: [{ policyId: 'demo-policy-07', clause: '第六条', label: '《江东市住房公积金提取管理办法》第六条' }],
    conditions: ['连续足额缴存满3个月'],
    materials: [
      { name: '居民身份证', exemptedBySharedData: true },
      { name: '租赁合同', required: false, condition: '未备案的' },
    ],
    steps: [
      { name: '申请', description: '网上申请' },
      { name: '办结', description: '3个工作日到账' },
    ],
    statutoryDays: 3,
    promisedDays: 1,
    siteIds: ['S-CENTRE', 'S-DRAFT'],
    onlineUrl: 'https://gjj.example.gov.cn/zf',
    onlineDepth: '全程网办',
  });
  const { matter: m, sites: linked } = await matters.detail('G-GJJ-1', null);
  expect(m.policyRefs).toEqual(['demo-policy-07']);
  expect(linked.map((s) => s.id)).toEqual(['S-CENTRE']); // the draft site is not shown
  await expect(matters.save(matter({ code: 'G-X', siteIds: ['S-NOWHERE'] }), editor)).rejects.toMatchObject({
    code: ErrorCode.GUIDE_SITE_UNKNOWN,
    details: { siteIds: ['S-NOWHERE'] },
  });
  expect(UpsertGuideMatterReq.safeParse({ code: 'G-Y', name: 'x', department: 'y', statutoryDays: 1, promisedDays: 5 }).success).toBe(
    false,
  );
});

test('four eyes and versions: an edit of a published matter is a pending version; the published one serves until another person publishes it', async () => {
  await publishMatter({ code: 'G-V-1', name: '社会保障卡申领', promisedDays: 5 });
  await matters.save(matter({ code: 'G-V-1', name: '社会保障卡申领', promisedDays: 1 }), editor);
  expect((await matters.get('G-V-1', null)).promisedDays).toBe(5);
  await expect(matters.publish('G-V-1', editor)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  const v2 = await matters.publish('G-V-1', reviewer);
  expect(v2).toMatchObject({ promisedDays: 1, version: 2, pendingEdit: null });
  await expect(matters.publish('G-V-1', reviewer)).rejects.toMatchObject({ code: ErrorCode.CONTENT_NOTHING_TO_PUBLISH });
  // bundles and sites follow the same rule
  await bundles.save(UpsertGuideBundleReq.parse({ code: 'B-FE', name: '一件事', matterCodes: ['G-V-1'] }), editor);
  await expect(bundles.publish('B-FE', editor)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  await expect(bundles.detail('B-FE', citizen)).rejects.toMatchObject({ code: ErrorCode.GUIDE_BUNDLE_NOT_FOUND });
  await bundles.publish('B-FE', reviewer);
  expect((await bundles.detail('B-FE', citizen)).matters.map((x) => x.code)).toEqual(['G-V-1']);
  await expect(sites.publish('S-DRAFT', editor)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  await expect(sites.detail('S-DRAFT', null)).rejects.toMatchObject({ code: ErrorCode.GUIDE_SITE_NOT_FOUND });
  await expect(
    bundles.save(UpsertGuideBundleReq.parse({ code: 'B-BAD', name: '坏', matterCodes: ['G-V-1', 'G-NONE'] }), editor),
  ).rejects.toMatchObject({ code: ErrorCode.GUIDE_MATTER_UNKNOWN, details: { matterCodes: ['G-NONE'] } });
});

test('a bundle lists a material several matters need once, naming them; days add up; it starts at the first matter', async () => {
  await publishMatter({
    code: 'G-B-1',
    name: '企业设立登记',
    promisedDays: 1,
    onlineUrl: 'https://qykb.example.gov.cn',
    onlineDepth: '全程网办',
    siteIds: ['S-CENTRE'],
    materials: [{ name: '法定代表人身份证', exemptedBySharedData: true }, { name: '公司章程' }],
  });
  await publishMatter({
    code: 'G-B-2',
    name: '公章刻制备案',
    promisedDays: 1,
    materials: [{ name: '法定代表人 身份证', form: '纸质', copies: 2 }, { name: '营业执照' }],
  });
  await publishMatter({
    code: 'G-B-3',
    name: '社保登记',
    materials: [{ name: '营业执照（副本）', required: false, condition: '未实现数据共享的' }],
  });
  await matters.save(matter({ code: 'G-B-4', name: '草稿事项', promisedDays: 9, materials: [{ name: '草稿材料' }] }), editor);
  await bundles.save(
    UpsertGuideBundleReq.parse({ code: 'B-KB', name: '开办企业一件事', matterCodes: ['G-B-1', 'G-B-2', 'G-B-3', 'G-B-4'] }),
    editor,
  );
  await bundles.publish('B-KB', reviewer);
  const view = await bundles.detail('B-KB', null);
  expect(view.matters.map((m) => m.code)).toEqual(['G-B-1', 'G-B-2', 'G-B-3']); // the draft matter is not public
  expect(view.materials).toEqual([
    expect.objectContaining({
      name: '法定代表人身份证',
      form: '纸质或电子',
      copies: 2,
      required: true,
      exemptedBySharedData: false,
      neededBy: [
        { code: 'G-B-1', name: '企业设立登记' },
        { code: 'G-B-2', name: '公章刻制备案' },
      ],
    }),
    expect.objectContaining({ name: '公司章程', neededBy: [{ code: 'G-B-1', name: '企业设立登记' }] }),
    expect.objectContaining({
      name: '营业执照',
      required: true,
      conditions: [],
      neededBy: [expect.objectContaining({ code: 'G-B-2' }), expect.objectContaining({ code: 'G-B-3' })],
    }),
  ]);
  expect(view.totalPromisedDays).toBe(2);
  expect(view.daysUnknownFor).toEqual(['G-B-3']);
  expect(view.start).toEqual({
    matterCode: 'G-B-1',
    onlineUrl: 'https://qykb.example.gov.cn',
    onlineDepth: '全程网办',
    site: { id: 'S-CENTRE', name: '市民之家', address: '江城区人民中路1号' },
  });
  // staff see the draft matter too
  expect((await bundles.detail('B-KB', editor)).matters).toHaveLength(4);
});

test('open now follows the official calendar: closed on a weekday holiday, open on a make-up Saturday, 24-hour sites open on holidays', async () => {
  const centre = (at: string) =>
    nearest({ lat: 28.19612, lng: 112.97265, limit: 10, at }).then((r) => Object.fromEntries(r.map((x) => [x.id, x.open])));
  // Thursday 2026-10-08 10:00 Beijing time: an ordinary working day
  expect(await centre('2026-10-08T02:00:00Z')).toMatchObject({ 'S-CENTRE': true, 'S-EAST': true, 'S-24H': true });
  // the same time on Thursday 2026-10-01 (National Day): closed, apart from the 24-hour site
  expect(await centre('2026-10-01T02:00:00Z')).toMatchObject({ 'S-CENTRE': false, 'S-EAST': false, 'S-24H': true });
  // Saturday 2026-10-10 is a make-up working day (调休上班): Monday's hours apply
  expect(await centre('2026-10-10T02:00:00Z')).toMatchObject({ 'S-CENTRE': true, 'S-WEST': true });
  // an ordinary Saturday a week later: closed; and 17:00 is closing time
  expect(await centre('2026-10-17T02:00:00Z')).toMatchObject({ 'S-CENTRE': false });
  expect(await centre('2026-10-08T09:00:00Z')).toMatchObject({ 'S-CENTRE': false, 'S-24H': true });
  // openNow=true keeps only the open ones
  expect((await nearest({ lat: 28.19612, lng: 112.97265, openNow: 'true', at: '2026-10-01T02:00:00Z' })).map((x) => x.id)).toEqual([
    'S-24H',
  ]);
  expect(sites.isOpen((await sites.detail('S-CENTRE', null)).site, new Date('2026-10-10T08:59:00Z'))).toBe(true);
});

test('nearest sites come nearest first with haversine distances; drafts are left out; a matter narrows them to its sites', async () => {
  const hits = await nearest({ lat: 28.19612, lng: 112.97265, limit: 3 });
  expect(hits.map((h) => h.id)).toEqual(['S-CENTRE', 'S-24H', 'S-EAST']);
  expect(hits[0]!.d).toBe(0);
  // 市民之家 → 东湖区 ≈ 5.9 km (haversine on the WGS-84 coordinates)
  expect(hits[2]!.d).toBeGreaterThan(5_800);
  expect(hits[2]!.d).toBeLessThan(6_000);
  expect((await nearest({ lat: 28.2209, lng: 112.887, limit: 1 })).map((h) => h.id)).toEqual(['S-WEST']);
  expect((await nearest({ lat: 28.2209, lng: 112.887, limit: 5, matter: 'G-GJJ-1' })).map((h) => h.id)).toEqual(['S-CENTRE']);
  expect(NearestSitesReq.safeParse({ lat: 91, lng: 0 }).success).toBe(false);
  expect(NearestSitesReq.safeParse({ lat: 0, lng: -181 }).success).toBe(false);
  const { matters: handled } = await sites.detail('S-CENTRE', null);
  expect(handled.map((m) => m.code)).toEqual(['G-B-1', 'G-GJJ-1']);
});

test('import: JSON and CSV make drafts, report rejected lines with reasons, and a re-run changes nothing', async () => {
  const json = JSON.stringify([
    { code: 'I-1', name: '失业登记', department: '人社局', materials: [{ name: '居民身份证' }], siteIds: ['S-CENTRE'] },
    { code: 'I-2', name: '', department: '人社局' },
    { code: 'I-3', name: '失业保险金申领', department: '人社局', siteIds: ['S-GONE'] },
  ]);
  const first = await importing.import({ format: 'json', content: json, firstLine: 1 }, editor);
  expect(first).toMatchObject({ imported: 1, updated: 0, unchanged: 0 });
  expect(first.rejected.map((r) => [r.line, r.code])).toEqual([
    [2, 'I-2'],
    [3, 'I-3'],
  ]);
  expect(first.rejected[0]!.reason).toMatch(/^name：/);
  expect(first.rejected[1]!.reason).toContain('S-GONE');
  expect((await matters.get('I-1', editor)).status).toBe('DRAFT');
  await expect(matters.get('I-1', null)).rejects.toMatchObject({ code: ErrorCode.GUIDE_MATTER_NOT_FOUND });

  const csv = [
    '事项编码,事项名称,实施主体,事项类型,申请材料,设定依据,承诺时限,办理流程',
    'I-4,就业创业证申领,人社局,公共服务,居民身份证；照片,demo-policy-04#第三条,5,申请：网上申请；办结：邮寄',
    'I-5,坏类型,人社局,行政处罚,,,,',
    '"I-6","多行,说明","人社局",公共服务,"身份证',
    '户口簿",,3,',
    'I-8,时限不是数字,人社局,公共服务,,,abc,',
  ].join('\n');
  const csvReport = await importing.import({ format: 'csv', content: csv, firstLine: 1 }, editor);
  expect(csvReport).toMatchObject({ imported: 2, updated: 0, unchanged: 0 });
  // lines of the file: I-6's quoted field spans lines 4–5, so I-8 is on line 6
  expect(csvReport.rejected.map((r) => [r.line, r.code])).toEqual([
    [3, 'I-5'],
    [6, 'I-8'],
  ]);
  expect(csvReport.rejected[1]!.reason).toMatch(/^promisedDays：/);
  const i4 = await matters.get('I-4', editor);
  expect(i4).toMatchObject({ promisedDays: 5, policyRefs: ['demo-policy-04'] });
  expect((i4.detail as { steps: unknown }).steps).toEqual([
    { name: '申请', description: '网上申请' },
    { name: '办结', description: '邮寄' },
  ]);
  // a quoted cell spanning lines holds a list separated by newlines
  expect(((await matters.get('I-6', editor)).detail as { materials: Array<{ name: string }> }).materials.map((m) => m.name)).toEqual([
    '身份证',
    '户口簿',
  ]);

  const again = await importing.import({ format: 'csv', content: csv, firstLine: 1 }, editor);
  expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
  expect((await importing.import({ format: 'json', content: json, firstLine: 1 }, editor)).unchanged).toBe(1);
  // a chunk of a larger CSV: its lines are numbered in the whole file
  const chunk = await importing.import({ format: 'csv', header: csv.split('\n')[0]!, content: 'I-7,,人社局', firstLine: 40 }, editor);
  expect(chunk.rejected).toEqual([expect.objectContaining({ line: 40, code: 'I-7' })]);
  await expect(importing.import({ format: 'json', content: '{"a":1}', firstLine: 1 }, editor)).rejects.toMatchObject({
    code: ErrorCode.GUIDE_IMPORT_FILE_INVALID,
  });
  // imports never publish: a published matter re-imported with changes gets a pending version
  await matters.publish('I-1', reviewer);
  const changed = JSON.stringify([{ code: 'I-1', name: '失业登记（新）', department: '人社局', siteIds: ['S-CENTRE'] }]);
  expect(await importing.import({ format: 'json', content: changed, firstLine: 1 }, editor)).toMatchObject({ updated: 1 });
  expect((await matters.get('I-1', null)).name).toBe('失业登记');
});
