import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AppProcess, eventually } from '@govdisc/testing';
import { axeFindings } from '../browser.js';
import { type Stack, api, startStack } from '../stack.js';
import { auditPages, launchBrowser, loadDemo, type newContext, screenshotDir, startWeb, withPage as sharedWithPage } from './web-stack.js';

// The citizens' portal (apps/web) in Debian's Chromium against the whole platform with the demo content:
// the journeys a citizen takes, accessibility (axe) in both modes, keyboard only, JavaScript off, screenshots.
// page.evaluate() callbacks run in the browser. The DOM globals are declared for this module only: adding
// the DOM lib to the e2e project would retype fetch() for every other e2e file.
declare const document: any;
declare function getComputedStyle(element: unknown): { outlineStyle: string };

let stack: Stack;
let web: { url: string; app: AppProcess };
let browser: Browser;
let policyId: string;
let guideCode: string;

beforeAll(async () => {
  stack = await startStack();
  await loadDemo(stack);
  web = await startWeb(stack);
  browser = await launchBrowser();
  const found = await api(stack, 'GET', `/policies/search?q=${encodeURIComponent('租金')}`);
  policyId = found.json.items[0].id;
  guideCode = (await api(stack, 'GET', '/guides?pageSize=1')).json.items[0].code;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.app.stop();
  await stack?.stop();
});

const withPage = <T>(opts: Parameters<typeof newContext>[2], fn: (page: Page, context: BrowserContext) => Promise<T>) =>
  sharedWithPage(browser, web.url, opts, fn);

test('search → 一键查 tabs with counts → the 政策文件 tab with highlighted snippets and facets → the policy page', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/`);
    await expect(page.title()).resolves.toContain('政务公开');
    await page.getByLabel('搜索政策文件').fill('租金');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('h1').textContent()).resolves.toContain('租金');
    // a Pages Router page without React on the client (ADR 0035): one small script for the suggestions, no RSC payload
    await expect(page.locator('script').evaluateAll((all) => all.map((s) => (s as { src: string }).src))).resolves.toEqual([
      `${web.url}/search-suggest.js`,
    ]);
    expect(await page.content()).not.toContain('__next_f');
    const tabs = page.getByRole('navigation', { name: '结果类型' });
    await expect(tabs.getByRole('link', { name: /^全部/ }).getAttribute('aria-current')).resolves.toBe('page');
    await tabs.getByRole('link', { name: /^政策文件/ }).click();
    await page.waitForURL(/type=policy/);
    expect(await page.locator('ol.results mark').count()).toBeGreaterThan(0);
    expect(await page.getByRole('navigation', { name: '筛选条件' }).textContent()).toContain('发文机关');
    await page.locator('ol.results h3 a').first().click();
    await page.waitForURL(/\/policies\//);
    await expect(page.locator('.banner').first().textContent()).resolves.toContain('效力状态');
    await expect(page.locator('dl.doc-meta').textContent()).resolves.toContain('发文机关');
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(canonical).toBe(`${web.url}${new URL(page.url()).pathname}`);
    // a Pages Router page without client JavaScript (ADR 0034): no script at all, so no RSC payload either
    expect(await page.locator('script').count()).toBe(0);
  });
});

test('with JavaScript the search box offers the policy library suggestions: the home page (React) and the search page (a static script)', async () => {
  const title: string = (await api(stack, 'GET', `/policies/${policyId}`)).json.title;
  const typed = title.slice(0, 4);
  const expected = await eventually(async () => {
    const res = await api(stack, 'GET', `/policies/suggest?q=${encodeURIComponent(typed)}`);
    expect(res.json.items.length).toBeGreaterThan(0);
    return (res.json.items as { text: string }[]).slice(0, 8).map((s) => s.text);
  });
  await withPage({}, async (page) => {
    for (const [path, label] of [
      ['/', '搜索政策文件'],
      [`/search?q=${encodeURIComponent('租金')}`, '查政策、问答、办事指南'],
    ]) {
      await page.goto(`${web.url}${path}`, { waitUntil: 'networkidle' });
      const box = page.getByLabel(label!);
      await box.fill(typed);
      const list = page.locator(`datalist[id="${await box.getAttribute('list')}"]`);
      await eventually(async () => {
        await expect(list.locator('option').evaluateAll((all) => all.map((o) => (o as { value: string }).value))).resolves.toEqual(
          expected,
        );
      });
    }
  });
});

test('一键查: every tab shows its count from unified search; 全部 blends the types, 办事指南 pages guides only', async () => {
  const q = encodeURIComponent('公积金');
  const counts = await eventually(async () => {
    const res = await api(stack, 'GET', `/search?q=${q}`);
    expect(res.json.counts.guide).toBeGreaterThan(0);
    expect(res.json.counts.bundle).toBeGreaterThan(0);
    return res.json.counts as Record<string, number>;
  });
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/search?q=${q}`);
    const tabs = page.getByRole('navigation', { name: '结果类型' });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    await expect(tabs.getByRole('link').allTextContents()).resolves.toEqual([
      `全部（${total}）`,
      `政策文件（${counts.policy}）`,
      `问答（${counts.qa}）`,
      `办事指南（${counts.guide}）`,
      `一件事（${counts.bundle}）`,
    ]);
    const badges = new Set(await page.locator('ol.results .badge-type').allTextContents());
    expect([...badges].sort()).toEqual(
      [
        ['政策文件', counts.policy],
        ['问答', counts.qa],
        ['办事指南', counts.guide],
        ['一件事', counts.bundle],
      ]
        .filter(([, n]) => Number(n) > 0)
        .map(([label]) => label)
        .sort(),
    );
    await tabs.getByRole('link', { name: /^办事指南/ }).click();
    await page.waitForURL(/type=guide/);
    await expect(page.locator('#results-h').textContent()).resolves.toContain(`办事指南共 ${counts.guide} 条`);
    expect(new Set(await page.locator('ol.results .badge-type').allTextContents())).toEqual(new Set(['办事指南']));
    await page.locator('ol.results h3 a').first().click();
    await page.waitForURL(/\/guides\//);
  });
});

test('a search with no result says so in Chinese and offers 一号答 and the disclosure request', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/search?q=${encodeURIComponent('量子引力飞船补贴')}`);
    await expect(page.locator('#none-h').textContent()).resolves.toContain('没有找到');
    expect(await page.locator('a[href^="/ask?q="]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="/disclosure/new"]').count()).toBeGreaterThan(0);
  });
});

test('一号答: a question gets an answer with its cited clause, which opens the policy at that clause', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/ask`);
    await page.getByLabel('您想问什么？').fill('小微企业租国企的门面房，房租能减免吗');
    await page.getByRole('button', { name: '提问' }).click();
    await page.waitForURL(/\/ask\?q=/);
    const answer = page.locator('section.answer');
    await expect(answer.locator('h2').textContent()).resolves.toContain('房租');
    await expect(answer.locator('blockquote').first().textContent()).resolves.toMatch(/\S/);
    await answer.getByRole('button', { name: '有用' }).click();
    await page.waitForURL(/fb=ok/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('感谢');
    await page.locator('section.answer figcaption a').first().click();
    await page.waitForURL(/\/policies\//);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/\S/);
    expect(await page.locator('.doc-body p').count()).toBeGreaterThan(0);
  });
});

test('一号答 not sure: "您是不是想问" offers close stored questions, and choosing one answers it', async () => {
  // A vague question: a fragment of a stored one, or the starts of two stored ones run together. Which of them the
  // platform is unsure about depends on the calibrated model and threshold, so the API picks one that gets
  // suggestions and no answer; the page must then offer them.
  const pairs = (await api(stack, 'GET', '/qa/pairs?pageSize=50')).json.items as { question: string }[];
  const stems = pairs.map(({ question }) => question.replace(/[？?]$/u, ''));
  const candidates = [
    ...stems.map((q) => q.slice(0, 6)),
    ...stems.map((q) => q.slice(0, 4)),
    ...stems.map((q) => q.slice(-6)),
    ...stems.map((q, i) => q.slice(0, 3) + stems[(i + 7) % stems.length]!.slice(0, 3)),
  ];
  let vague: string | undefined;
  for (const candidate of candidates) {
    const res = await api(stack, 'POST', '/qa/ask', { question: candidate });
    if (res.json.answers.length === 0 && res.json.suggestions.length > 0) {
      vague = candidate;
      break;
    }
  }
  expect(vague).toBeDefined();
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/ask?q=${encodeURIComponent(vague!)}`);
    const choices = page.getByRole('region', { name: '您是不是想问' });
    const first = choices.locator('a').first();
    const chosen = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/ask\?q=/);
    await expect(page.locator('section.answer h2').textContent()).resolves.toContain(chosen);
  });
});

test('a guide page: the full guide with a materials checklist, and its legal basis opens the policy at the clause', async () => {
  type Guide = { code: string; name: string; materials: unknown[]; legalBasis: { anchor: string | null }[] };
  const codes = (await api(stack, 'GET', '/guides?pageSize=50')).json.items.map((g: { code: string }) => g.code) as string[];
  let guide: Guide | undefined;
  for (const code of codes) {
    const g = (await api(stack, 'GET', `/guides/${encodeURIComponent(code)}`)).json as Guide;
    if (g.materials.length > 0 && g.legalBasis.some((l) => l.anchor)) {
      guide = g;
      break;
    }
  }
  expect(guide).toBeDefined(); // the demo guides cite policy clauses
  const anchor = guide!.legalBasis.find((l) => l.anchor)!.anchor!;
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/guides/${encodeURIComponent(guide!.code)}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(guide!.name);
    const checklist = page.getByRole('region', { name: '申请材料清单' });
    expect(await checklist.locator('li').count()).toBe(guide!.materials.length);
    await page.locator(`a[href$="#${anchor}"]`).first().click();
    await page.waitForURL(new RegExp(`/policies/.+#${anchor}$`));
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    // and back (看·问·办 both ways): the policy lists the guide that cites it (its part may come a moment later)
    await eventually(
      async () => {
        await page.reload();
        const link = page.getByRole('region', { name: '怎么办理' }).locator(`a[href="/guides/${encodeURIComponent(guide!.code)}"]`);
        expect(await link.count()).toBe(1);
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
  });
});

test('disclosure request: errors in Chinese with a summary linking to the fields, then a valid request → receipt → tracking shows it', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/disclosure/new`);
    await page.getByLabel('证件号码（必填）').fill('12345');
    await page.getByLabel('联系电话（必填）').fill('abc');
    await page.getByRole('button', { name: '提交申请' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('请填写姓名或名称');
    expect(text).toContain('居民身份证号码应为 18 位');
    expect(text).toContain('联系电话格式不正确');
    expect(text).toContain('请描述您需要的政府信息');
    expect(text).toContain('请选择获取信息的方式');
    await expect(page.getByLabel('证件号码（必填）').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('证件号码（必填）').inputValue()).resolves.toBe('12345');
    await page.screenshot({ path: join(screenshotDir, 'disclosure-errors-desktop.png'), fullPage: true });
    await summary.locator('a[href="#name"]').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('name');

    await page.getByLabel('姓名或名称（必填）').fill('张三');
    await page.getByLabel('证件号码（必填）').fill('11010519491231002X');
    await page.getByLabel('联系电话（必填）').fill('13800138000');
    await page.getByLabel('电子邮箱').fill('zhangsan@example.com');
    await page.getByLabel('所需信息的内容描述（必填）').fill('江政发〔2024〕3号文件中国有房屋租金减免的实施细则');
    await page.getByLabel('电子邮件').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/disclosure\/submitted/);
    const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').trim();
    const number = ((await page.getByTestId('request-number').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(screenshotDir, 'disclosure-submitted-desktop.png'), fullPage: true });

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByLabel('查询码（必填）').fill(code);
    await page.getByLabel('手机号后四位（必填）').fill('0000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '没有找到对应的申请' }).textContent()).resolves.toContain('核对');
    await page.getByLabel('手机号后四位（必填）').fill('8000');
    await page.getByRole('button', { name: '查询' }).click();
    const result = page.locator('section[aria-labelledby=track-result-h]');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain(number);
    expect(await result.locator('.timeline li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'disclosure-track-result-desktop.png'), fullPage: true });
  });
});

const pages = () => [
  ['home', '/'],
  ['search', `/search?q=${encodeURIComponent('租金')}`],
  ['search-empty', `/search?q=${encodeURIComponent('量子引力飞船补贴')}`],
  ['search-guides', `/search?q=${encodeURIComponent('公积金')}&type=guide`],
  ['policy', `/policies/${policyId}`],
  ['ask', `/ask?q=${encodeURIComponent('公司新借了流动资金贷款，政府能贴息吗')}`],
  ['guide', `/guides/${encodeURIComponent(guideCode)}`],
  ['disclosure-new', '/disclosure/new'],
  ['disclosure-track', '/disclosure/track'],
  ['not-found', '/policies/00000000-0000-4000-8000-000000000000'],
];

describe.each([
  ['normal', false],
  ['elderly (长辈版)', true],
])('every page in %s mode', (_mode, elder) => {
  test('axe finds no serious or critical WCAG 2.1 AA violation; screenshots at desktop and 360 px', async () => {
    expect(await auditPages(browser, web.url, pages() as [string, string][], elder)).toEqual([]);
  }, 300_000); // every page twice (desktop, 360 px) with axe: minutes on a busy two-core machine
});

test('the axe check can fail: a planted low-contrast paragraph is reported as a serious violation', async () => {
  await withPage({}, async (page) => {
    // A page without React in the browser (the search page, ADR 0035): on a hydrated page, a hydration that is still
    // running when the node is planted re-renders the tree and drops it (CI saw it gone after 'networkidle').
    await page.goto(`${web.url}/search?q=${encodeURIComponent('租金')}`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '对比度不足的文字';
      p.style.color = '#b0b0b0';
      document.querySelector('main')?.append(p);
    });
    await expect(page.getByText('对比度不足的文字').count()).resolves.toBe(1);
    // through the same check as every page's audit, which reports serious and critical violations only
    expect(await axeFindings(page, 'planted')).toContainEqual(expect.stringMatching(/^planted: color-contrast /));
  });
});

test('the 长辈版 switch works without JavaScript: a form POST sets the cookie and comes back to the page', async () => {
  await withPage({ javaScript: false }, async (page, context) => {
    await page.goto(`${web.url}/search?q=${encodeURIComponent('租金')}`);
    await page.getByRole('button', { name: '长辈版（大字）' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/search');
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    expect((await context.cookies()).find((c) => c.name === 'elder')?.value).toBe('1');
    await page.getByRole('button', { name: '切换到标准版' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('class')).toBeNull();
  });
});

test('keyboard only: skip link, search, open a result, ask a question, then file a disclosure request', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${web.url}/`);
    const focused = () =>
      page.evaluate(() => ({
        tag: document.activeElement?.tagName,
        id: document.activeElement?.id,
        href: document.activeElement?.getAttribute('href'),
        text: document.activeElement?.textContent?.trim(),
      }));
    const tabTo = async (want: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return;
      }
      throw new Error(`never reached the wanted element with Tab; last: ${JSON.stringify(await focused())}`);
    };
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('跳到主要内容');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.tag === 'INPUT');
    await page.keyboard.type('贷款贴息');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await tabTo((f) => f.tag === 'A' && (f.href ?? '').startsWith('/policies/'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/policies\//);
    await tabTo((f) => f.tag === 'A' && f.href === '/ask');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ask$/);
    await tabTo((f) => f.id === 'question');
    await page.keyboard.type('小微企业租国企的门面房，房租能减免吗');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ask\?q=/);
    await expect(page.locator('section.answer h2').textContent()).resolves.toMatch(/^问：/);

    // On to the disclosure form through the main navigation, filled and submitted with the keyboard alone.
    await tabTo((f) => f.tag === 'A' && f.href === '/disclosure/new');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/disclosure\/new$/);
    for (const [id, text] of [
      ['name', '赵六'],
      ['idNumber', '11010519491231002X'],
      ['phone', '13700137000'],
      ['description', '本市2025年老旧小区改造项目的资金安排情况'],
    ]) {
      await tabTo((f) => f.id === id);
      await page.keyboard.type(text!);
    }
    await tabTo((f) => f.id === 'deliveryForm'); // the first choice of the radio group
    await page.keyboard.press('ArrowDown'); // arrows move and choose within a radio group: 网上下载
    await expect(page.getByLabel('网上下载').isChecked()).resolves.toBe(true);
    await tabTo((f) => f.tag === 'BUTTON' && f.text === '提交申请');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/disclosure\/submitted/);
    expect(((await page.getByTestId('tracking-code').textContent()) ?? '').trim().length).toBeGreaterThanOrEqual(8);
  });
});

test('JavaScript off: search (a GET form) and the policy page are complete server-rendered pages', async () => {
  await withPage({ javaScript: false }, async (page) => {
    await page.goto(`${web.url}/`);
    await page.getByLabel('搜索政策文件').fill('贴息');
    await page.getByLabel('搜索政策文件').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator('ol.results > li').count()).toBeGreaterThan(0);
    await page.locator('ol.results h3 a[href^="/policies/"]').first().click();
    await page.waitForURL(/\/policies\//);
    await expect(page.locator('.banner').first().textContent()).resolves.toContain('效力状态');
    expect(await page.locator('.doc-body p').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'policy-nojs-desktop.png'), fullPage: true });
  });
});

test('JavaScript off: the disclosure form still shows its Chinese errors and submits (server actions post as plain forms)', async () => {
  await withPage({ javaScript: false }, async (page) => {
    await page.goto(`${web.url}/disclosure/new`);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('请填写姓名或名称');
    await page.getByLabel('姓名或名称（必填）').fill('李四');
    await page.getByLabel('证件号码（必填）').fill('11010519491231002X');
    await page.getByLabel('联系电话（必填）').fill('13900139000');
    await page.getByLabel('所需信息的内容描述（必填）').fill('本市2024年度小微企业房租减免的资金使用情况');
    await page.getByLabel('网上下载').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/disclosure\/submitted/);
    expect(((await page.getByTestId('tracking-code').textContent()) ?? '').trim().length).toBeGreaterThanOrEqual(8);
  });
});

test('sitemap.xml lists the published policies, robots.txt points to it; the manifest and icons are served', async () => {
  const sitemap = await (await fetch(`${web.url}/sitemap.xml`)).text();
  expect(sitemap).toContain(`${web.url}/policies/${policyId}`);
  await expect((await fetch(`${web.url}/robots.txt`)).text()).resolves.toContain(`Sitemap: ${web.url}/sitemap.xml`);
  const manifest: any = await (await fetch(`${web.url}/manifest.webmanifest`)).json();
  expect(manifest.lang).toBe('zh-CN');
  for (const icon of manifest.icons) expect((await fetch(`${web.url}${icon.src}`)).status).toBe(200);
});
