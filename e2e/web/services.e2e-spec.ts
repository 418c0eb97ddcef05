import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppProcess } from '@govdisc/testing';
import { type Stack, api, startStack } from '../stack.js';
import {
  DESKTOP,
  auditPages,
  launchBrowser,
  loadDemo,
  type newContext,
  screenshotDir,
  startTileServer,
  startWeb,
  type TileServer,
  withPage as sharedWithPage,
} from './web-stack.js';

// The portal's 办事服务 pages (issue #15): 办事指南 list, 一件事 bundles, service sites with "离我最近", topic pages (#13), in Debian's
// Chromium against the whole platform with the demo content (demo/guides.json, bundles.json, sites.json).

let stack: Stack;
let web: { url: string; app: AppProcess };
let browser: Browser;
let tiles: TileServer; // the /sites map's raster tiles (MAP_TILE_URL)

type Site = { id: string; name: string; lat: number; lng: number };
type Bundle = {
  code: string;
  name: string;
  matters: { code: string; name: string }[];
  materials: { name: string; neededBy: { code: string; name: string }[] }[];
  totalPromisedDays: number;
};
let site: Site; // 江东市民之家, the demo city's main hall: "nearest" is asked at its coordinates
let bundle: Bundle; // a bundle with a material two of its matters need

beforeAll(async () => {
  stack = await startStack();
  await loadDemo(stack);
  tiles = await startTileServer();
  web = await startWeb(stack, { MAP_TILE_URL: tiles.template, MAP_TILE_ATTRIBUTION: '测试底图' });
  browser = await launchBrowser();
  site = (await api(stack, 'GET', '/sites/JD-SITE-01')).json as Site;
  const codes = (await api(stack, 'GET', '/bundles?pageSize=50')).json.items.map((b: { code: string }) => b.code) as string[];
  for (const code of codes) {
    const b = (await api(stack, 'GET', `/bundles/${encodeURIComponent(code)}`)).json as Bundle;
    if (b.materials.some((m) => m.neededBy.length >= 2)) {
      bundle = b;
      break;
    }
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.app.stop();
  await tiles?.close();
  await stack?.stop();
});

const withPage = <T>(opts: Parameters<typeof newContext>[2], fn: (page: Page, context: BrowserContext) => Promise<T>) =>
  sharedWithPage(browser, web.url, opts, fn);

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

test('办事指南: the published guides with department, promised days and online depth; search, topic and department filters, paging', async () => {
  const all = (await api(stack, 'GET', '/guides?pageSize=100')).json as { total: number; items: { name: string; department: string }[] };
  expect(all.total).toBeGreaterThan(20); // two pages of 20
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/guides`);
    await expect(page.locator('h1').textContent()).resolves.toBe('办事指南');
    await expect(page.locator('#results-h').textContent()).resolves.toContain(`共 ${all.total} 项`);
    const first = page.locator('ol.results > li').first();
    await expect(first.locator('h3').textContent()).resolves.toBe(all.items[0]!.name);
    const meta = (await first.locator('.meta').textContent()) ?? '';
    expect(meta).toContain(all.items[0]!.department);
    expect(meta).toContain('承诺时限');
    expect(meta).toMatch(/全程网办|网上预审|网上预约|线下办理/);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('ol.results > li').count()).toBe(all.total - 20);

    await page.getByLabel('搜索办事事项').fill('公积金');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/guides\?q=/);
    const names = await texts(page, 'ol.results h3');
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('公积金');

    const filters = page.getByRole('navigation', { name: '筛选条件' });
    await filters.getByRole('link', { name: /^江东市住房公积金管理中心（\d+）$/ }).click();
    await page.waitForURL(/department=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('公积金');
    for (const m of await texts(page, 'ol.results .meta')) expect(m).toContain('江东市住房公积金管理中心');
    await page.goto(`${web.url}/guides`);
    // topic links carry the topic's name (from the Q&A topics) and count
    const topic = filters.locator('a[href="/guides?topic=entrepreneurship"]');
    await expect(topic.textContent()).resolves.toMatch(/^[^a-z]+（\d+）$/);
    await topic.click();
    await page.waitForURL(/topic=entrepreneurship/);
    expect(await texts(page, 'ol.results h3')).toContain('企业设立登记');
    await page.locator('ol.results h3 a').first().click();
    await page.waitForURL(/\/guides\/[^?]+$/);
    expect(await page.getByRole('region', { name: '申请材料清单' }).count()).toBe(1);
  });
});

test('一件事: the list, then a bundle page with its ordered matters, the merged materials (each naming its matters), total days and where to start', async () => {
  expect(bundle).toBeDefined(); // the demo bundles share materials between matters
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '一件事' }).click();
    await page.waitForURL(/\/bundles$/);
    await page.getByRole('link', { name: bundle.name }).click();
    await page.waitForURL(new RegExp(`/bundles/${bundle.code}$`));
    await expect(page.locator('h1').textContent()).resolves.toBe(bundle.name);
    const matters = page.getByRole('region', { name: '办理事项（按办理顺序）' }).locator('ol > li > a');
    expect(await matters.allTextContents()).toEqual(bundle.matters.map((m) => m.name));
    expect(await matters.evaluateAll((as) => as.map((a: any) => a.getAttribute('href')))).toEqual(
      bundle.matters.map((m) => `/guides/${encodeURIComponent(m.code)}`),
    );
    const checklist = page.getByRole('region', { name: '合并材料清单' });
    expect(await checklist.locator('ol > li').count()).toBe(bundle.materials.length);
    const shared = bundle.materials.find((m) => m.neededBy.length >= 2)!;
    const item = checklist.locator('ol > li').filter({ has: page.locator('strong', { hasText: new RegExp(`^${shared.name}$`) }) });
    await expect(item.locator('.needed-by').textContent()).resolves.toBe(`用于：${shared.neededBy.map((n) => n.name).join('、')}`);
    await expect(page.locator('dl.doc-meta').textContent()).resolves.toContain(
      bundle.totalPromisedDays === 0 ? '即办' : `${bundle.totalPromisedDays} 个工作日`,
    );
    const start = page.getByRole('region', { name: '从这里开始' });
    await expect(start.textContent()).resolves.toContain(bundle.matters[0]!.name);
    await page.screenshot({ path: join(screenshotDir, 'bundle-print-desktop.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await checklist.isVisible()).toBe(true);
  });
});

test("服务网点: district filter, today's hours and open/closed; nearest to the demo city's main hall lists it first with a distance", async () => {
  const nearest = (await api(stack, 'GET', `/sites/nearest?lat=${site.lat}&lng=${site.lng}&limit=5`)).json.items as (Site & {
    distanceMeters: number;
  })[];
  expect(nearest[0]!.id).toBe(site.id);
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/sites`);
    const list = page.locator('section[aria-labelledby=list-h] ul.sites > li');
    expect(await list.count()).toBe(15);
    for (const text of await list.allTextContents()) {
      expect(text).toMatch(/现在开放|已下班|尚未开门|今天不开放|今天闭馆/);
      expect(text).toMatch(/今天（周.）/);
    }
    await page.getByRole('navigation', { name: '按区县筛选' }).getByRole('link', { name: '临江区' }).click();
    await page.waitForURL(/district=/);
    for (const text of await list.allTextContents()) expect(text).toContain('临江区');
    expect(await list.count()).toBeGreaterThan(0);

    await page.getByLabel('纬度').fill(String(site.lat));
    await page.getByLabel('经度').fill(String(site.lng));
    await page.getByRole('button', { name: '查找最近的网点' }).click();
    await page.waitForURL(/lat=/);
    const near = page.locator('ol.nearest > li');
    expect(await near.locator('h3').evaluateAll((hs) => hs.map((h: any) => h.firstChild.textContent))).toEqual(nearest.map((s) => s.name));
    await expect(near.first().locator('.distance').textContent()).resolves.toMatch(/距您约 \d+ 米/);
    await expect(near.nth(1).locator('.distance').textContent()).resolves.toMatch(/距您约 [\d.]+ (米|公里)/);
    // the district filter stays while asking for the nearest sites
    expect(new URL(page.url()).searchParams.get('district')).toBe('临江区');
    await page.screenshot({ path: join(screenshotDir, 'sites-nearest-desktop.png'), fullPage: true });
  });
});

test('服务网点 map: MapLibre over the configured raster tiles, a focusable marker per site opening its popup; tiles failing or JavaScript off leave the list only', async () => {
  const listItems = (page: Page) => page.locator('section[aria-labelledby=list-h] ul.sites > li');
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/sites`);
    const map = page.getByTestId('site-map');
    await map.locator('canvas.maplibregl-canvas').waitFor();
    await page.locator('[data-map-state=ready]').waitFor();
    expect(tiles.hits).toBeGreaterThan(0);
    const markers = map.getByRole('button', { name: /（(现在开放|已下班|尚未开门|今天不开放|今天闭馆)/ });
    expect(await markers.count()).toBe(15);
    const marker = map.getByRole('button', { name: new RegExp(`^${site.name}（`) });
    await marker.focus();
    expect(await marker.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const popup = page.locator('.maplibregl-popup');
    await expect(popup.textContent()).resolves.toContain(site.name);
    await expect(popup.getByRole('link', { name: '查看详情' }).getAttribute('href')).resolves.toBe(`#site-${site.id}`);
    expect(await listItems(page).count()).toBe(15); // the list stays under the map
    await page.screenshot({ path: join(screenshotDir, 'sites-map-desktop.png'), fullPage: true });
  });
  tiles.failing = true;
  try {
    await withPage({}, async (page) => {
      await page.goto(`${web.url}/sites`);
      await page.getByTestId('site-map').waitFor({ state: 'detached' });
      expect(await listItems(page).count()).toBe(15);
    });
  } finally {
    tiles.failing = false;
  }
  await withPage({ javaScript: false }, async (page) => {
    await page.goto(`${web.url}/sites`);
    expect(await page.getByTestId('site-map').count()).toBe(0);
    expect(await listItems(page).count()).toBe(15);
  });
});

test('JavaScript off: "离我最近" is a plain GET form; a bad coordinate gets a Chinese error linking to its field', async () => {
  await withPage({ javaScript: false }, async (page) => {
    await page.goto(`${web.url}/sites`);
    expect(await page.getByRole('button', { name: '使用我的位置' }).count()).toBe(0);
    await page.getByLabel('纬度').fill('北纬28度');
    await page.getByLabel('经度').fill(String(site.lng));
    await page.getByRole('button', { name: '查找最近的网点' }).click();
    await page.waitForURL(/lat=/);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('纬度须为数字');
    await expect(page.getByLabel('纬度').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('纬度').fill(String(site.lat));
    await page.getByLabel('纬度').press('Enter');
    await page.waitForURL(new RegExp(`lat=${site.lat}`));
    await expect(page.locator('ol.nearest > li h3').first().textContent()).resolves.toContain(site.name);
    await page.screenshot({ path: join(screenshotDir, 'sites-nearest-nojs-desktop.png'), fullPage: true });
  });
});

test('JavaScript on: "使用我的位置" fills the coordinates from the browser\'s geolocation and asks', async () => {
  const context = await browser.newContext({
    ...DESKTOP,
    locale: 'zh-CN',
    geolocation: { latitude: site.lat, longitude: site.lng },
    permissions: ['geolocation'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${web.url}/sites`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.waitForURL(/lat=28\.\d+&lng=112\.\d+/);
    await expect(page.locator('ol.nearest > li h3').first().textContent()).resolves.toContain(site.name);
  } finally {
    await context.close();
  }
});

test('navigation and home link the 办事服务 pages; sitemap.xml lists the published guides and bundles', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/`);
    const block = page.getByRole('region', { name: '办事服务' });
    expect(await block.locator('a').evaluateAll((as) => as.map((a: any) => a.getAttribute('href')))).toEqual([
      '/bundles',
      '/guides',
      '/sites',
    ]);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const name of ['一件事', '办事指南', '服务网点']) expect(await nav.getByRole('link', { name }).count()).toBe(1);
  });
  const sitemap = await (await fetch(`${web.url}/sitemap.xml`)).text();
  expect(sitemap).toContain(`${web.url}/bundles/${bundle.code}`);
  const guides = (await api(stack, 'GET', '/guides?pageSize=100')).json.items as { code: string }[];
  for (const g of guides) expect(sitemap).toContain(`${web.url}/guides/${encodeURIComponent(g.code)}`);
  expect(sitemap).toContain(`${web.url}/sites</loc>`);
});

test('主题服务: the home page grid links each topic with its counts; a topic page lists its policies, Q&A and guides', async () => {
  const topic = (await api(stack, 'GET', '/topics/housing-fund?pageSize=50')).json as {
    name: string;
    policies: { total: number; items: { id: string; title: string }[] };
    qa: { total: number; items: { question: string }[] };
    guides: { total: number; items: { code: string; name: string }[] };
  };
  expect([topic.policies.total, topic.qa.total, topic.guides.total].every((n) => n > 0)).toBe(true);
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/`);
    const grid = page.getByRole('region', { name: '主题服务' });
    const card = grid.locator('li').filter({ has: page.locator('a[href="/topics/housing-fund"]') });
    await expect(card.locator('.meta').last().textContent()).resolves.toBe(
      `政策 ${topic.policies.total} · 问答 ${topic.qa.total} · 指南 ${topic.guides.total}`,
    );
    await card.getByRole('link', { name: topic.name }).click();
    await page.waitForURL(/\/topics\/housing-fund$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(topic.name);
    const policies = page.getByRole('region', { name: `政策文件（${topic.policies.total}）` });
    expect(await policies.locator('ul.results > li > a').allTextContents()).toEqual(topic.policies.items.slice(0, 10).map((p) => p.title));
    const qa = page.getByRole('region', { name: `政策问答（${topic.qa.total}）` });
    expect(await qa.locator('ul.results > li > a').allTextContents()).toEqual(topic.qa.items.slice(0, 10).map((q) => q.question));
    const guides = page.getByRole('region', { name: `办事指南（${topic.guides.total}）` });
    expect(await guides.locator('ul.results > li > a').allTextContents()).toEqual(topic.guides.items.slice(0, 10).map((g) => g.name));
    await guides.getByRole('link', { name: topic.guides.items[0]!.name }).click();
    await page.waitForURL(new RegExp(`/guides/${topic.guides.items[0]!.code}$`));
    const missing = await page.goto(`${web.url}/topics/no-such-topic`);
    expect(missing?.status()).toBe(404);
  });
});

const pages = () => [
  ['guides-list', '/guides'],
  ['bundles', '/bundles'],
  ['bundle', `/bundles/${encodeURIComponent(bundle.code)}`],
  ['sites', '/sites'],
  ['sites-nearest', `/sites?lat=${site.lat}&lng=${site.lng}`],
];

describe.each([
  ['normal', false],
  ['elderly (长辈版)', true],
])('the 办事服务 pages in %s mode', (_mode, elder) => {
  test('axe finds no serious or critical WCAG 2.1 AA violation; screenshots at desktop and 360 px', async () => {
    expect(await auditPages(browser, web.url, pages() as [string, string][], elder)).toEqual([]);
  });
});

// The topic page on its own: the five pages above already take most of a test's time on a shared machine.
test.each([
  ['normal', false],
  ['elderly (长辈版)', true],
])('the topic page in %s mode: axe finds no serious or critical WCAG 2.1 AA violation, at desktop and 360 px', async (_mode, elder) => {
  expect(await auditPages(browser, web.url, [['topic', '/topics/housing-fund']], elder)).toEqual([]);
});
