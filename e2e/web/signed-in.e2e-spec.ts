import { join } from 'node:path';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { type AppProcess, eventually } from '@govdisc/testing';
import { bearer, tokenFor } from '../auth.js';
import { axeFindings } from '../browser.js';
import { type Stack, api, startStack } from '../stack.js';
import { auditPages, launchBrowser, newContext, screenshotDir, startWeb } from './web-stack.js';

// The signed-in area of the portal in Debian's Chromium against the real stack with the embedded issuer:
// sign-in through the issuer's login page (code + PKCE, tokens held by the web server), "my requests"
// following a request to the officer's reply, the inbox with its unread count, and sign-out.
// page.evaluate() callbacks run in the browser; the DOM globals are declared for this module only.
declare const window: any;

let stack: Stack;
let web: { url: string; app: AppProcess };
let browser: Browser;
let gio: Record<string, string>;

beforeAll(async () => {
  stack = await startStack();
  web = await startWeb(stack);
  browser = await launchBrowser();
  gio = bearer(await tokenFor(stack.issuerUrl, 'gio1'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.app.stop();
  await stack?.stop();
});

const loginPageUrl = () => `${stack.gatewayUrl}/realms/govdisc/protocol/openid-connect/auth`;

/** Signs in on the issuer's login page (the page must be showing it) and waits to be back on the portal at `returnTo`. */
async function fillLogin(page: Page, username: string, returnTo: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`demo-${username}`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${web.url}${returnTo}`);
}

/** A browser context signed in as `username` (through the login page), on /me. */
async function signedIn(username: string, javaScript = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, web.url, { javaScript });
  const page = await context.newPage();
  await page.goto(`${web.url}/auth/login?returnTo=${encodeURIComponent('/me')}`);
  await page.waitForURL((u) => u.href.startsWith(loginPageUrl()));
  await fillLogin(page, username, '/me');
  return { context, page };
}

async function fileRequest(page: Page, description: string): Promise<string> {
  await page.goto(`${web.url}/disclosure/new`);
  await expect(page.getByText('您已登录').count()).resolves.toBe(1);
  await page.getByLabel('姓名或名称（必填）').fill('王小明');
  await page.getByLabel('证件号码（必填）').fill('11010519491231002X');
  await page.getByLabel('联系电话（必填）').fill('13912345678');
  await page.getByLabel('所需信息的内容描述（必填）').fill(description);
  await page.getByLabel('网上下载').check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/disclosure\/submitted/);
  return ((await page.getByTestId('request-number').textContent()) ?? '').trim();
}

/** The unread count in the header (0 when none is shown); the header reuses it for a while per session. */
async function headerUnread(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-count');
  return (await badge.count()) ? Number.parseInt((await badge.textContent()) ?? '', 10) : 0;
}

/** The inbox as the page shows it: titles, newest first, and its unread count (read fresh on this page). */
async function inbox(page: Page): Promise<{ titles: string[]; unread: number }> {
  await page.goto(`${web.url}/me/inbox`);
  const titles = (await page.locator('ol.inbox h2').allTextContents()).map((t) => t.replace(/^\s*未读\s*/, '').trim());
  const summary = (await page.getByTestId('unread-summary').textContent()) ?? '';
  return { titles, unread: Number(/未读 (\d+) 条/.exec(summary)?.[1] ?? Number.NaN) };
}

test('sign-in through the embedded issuer: /me asks to sign in, a wrong password is refused in Chinese, then HttpOnly SameSite cookies and no token in the browser; 退出 ends it', async () => {
  const context = await newContext(browser, web.url);
  try {
    const page = await context.newPage();
    await page.goto(`${web.url}/me`);
    await page.waitForURL((u) => u.href.startsWith(loginPageUrl()));
    await expect(page.locator('h1').textContent()).resolves.toBe('登录政务公开平台');
    expect(await axeFindings(page, 'login')).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'login-desktop.png'), fullPage: true });

    await page.getByLabel('用户名').fill('citizen2');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('登录未成功');
    expect(await axeFindings(page, 'login refused')).toEqual([]);
    await fillLogin(page, 'citizen2', '/me');
    await expect(page.locator('h1').textContent()).resolves.toBe('我的申请');
    await expect(page.locator('.account-menu').textContent()).resolves.toContain('退出');

    const cookies = (await context.cookies(web.url)).filter((c) => c.name !== 'elder');
    expect(cookies.map((c) => c.name)).toContain('portal_session');
    for (const c of cookies)
      expect({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }).toEqual({ name: c.name, httpOnly: true, sameSite: 'Lax' });
    const stored: string = await page.evaluate(() => JSON.stringify([{ ...window.localStorage }, { ...window.sessionStorage }]));
    expect(stored).toBe('[{},{}]');
    expect(await page.content()).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT in the HTML either

    // 退出 is a POST with the session's CSRF token: one without it changes nothing.
    const forged = await page.request.post(`${web.url}/auth/logout`, { form: { csrf: 'forged' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await page.goto(`${web.url}/me`);
    await expect(page.locator('h1').textContent()).resolves.toBe('我的申请');

    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((u) => u.origin === web.url && u.pathname === '/');
    await expect(page.locator('.site-header').getByRole('link', { name: '登录' }).count()).resolves.toBe(1);
    await page.goto(`${web.url}/me`);
    await page.waitForURL((u) => u.href.startsWith(loginPageUrl()));
  } finally {
    await context.close();
  }
});

let citizenCookies: Cookie[];
let requestNumber: string;

test('a citizen files a request signed in, an officer replies through the API, and the citizen sees the reply in /me and the notices in the inbox; another citizen sees none of it', async () => {
  const { context, page } = await signedIn('citizen1');
  requestNumber = await fileRequest(page, '江东市2025年义务教育学校经费使用情况');
  expect(requestNumber).toMatch(/\S/);

  await page.goto(`${web.url}/me`);
  const row = page.locator('ol.my-requests > li').filter({ hasText: requestNumber });
  await expect(row.textContent()).resolves.toMatch(/还剩 \d+ 个工作日|尚未开始计算/);
  await row.getByRole('link', { name: `申请 ${requestNumber}` }).click();
  await page.waitForURL(`${web.url}/me/requests/${encodeURIComponent(requestNumber)}`);
  await expect(page.getByTestId('request-status').textContent()).resolves.toBe('已提交');
  expect(await page.getByTestId('reply').count()).toBe(0);

  const received = `已收到您的政府信息公开申请（${requestNumber}）`;
  await eventually(async () => expect((await inbox(page)).titles).toContain(received), { timeoutMs: 20_000, intervalMs: 500 });

  // The officer's statutory steps to a reply (see e2e/disclosure.e2e-spec.ts for the full workflow).
  for (const action of [
    { type: 'CONFIRM_RECEIPT' },
    { type: 'ACCEPT', department: 'edu' },
    {
      type: 'REPLY',
      outcome: 'DISCLOSED',
      content: { text: '经查，现将2025年义务教育学校经费使用情况提供给您。', enclosures: ['经费使用情况.pdf'] },
    },
  ]) {
    const res = await api(stack, 'POST', `/disclosure-requests/${requestNumber}/actions`, { action }, gio);
    expect([action.type, res.status]).toEqual([action.type, 200]);
  }

  await page.goto(`${web.url}/me/requests/${encodeURIComponent(requestNumber)}`);
  await expect(page.getByTestId('request-status').textContent()).resolves.toBe('已答复');
  const reply = page.getByTestId('reply');
  await expect(reply.textContent()).resolves.toContain('经查，现将2025年义务教育学校经费使用情况提供给您。');
  await expect(reply.textContent()).resolves.toContain('予以公开');
  await expect(reply.textContent()).resolves.toContain('经费使用情况.pdf');
  // The steps by their names in @govdisc/contracts (DISCLOSURE_RECORD_ZH), the same the console shows.
  expect(await page.locator('.timeline li strong').allTextContents()).toEqual(['提交申请', '确认收到', '受理并指定承办部门', '答复']);
  await page.screenshot({ path: join(screenshotDir, 'me-request-replied-desktop.png'), fullPage: true });
  await page.goto(`${web.url}/me`);
  await expect(page.locator('ol.my-requests > li').filter({ hasText: requestNumber }).textContent()).resolves.toContain('已办结');

  const replied = `您的申请已答复（${requestNumber}）`;
  const before = await eventually(
    async () => {
      const box = await inbox(page);
      expect(box.titles).toEqual(expect.arrayContaining([received, replied]));
      return box;
    },
    { timeoutMs: 20_000, intervalMs: 500 },
  );
  expect(before.unread).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: join(screenshotDir, 'me-inbox-desktop.png'), fullPage: true });

  // The policy and search pages are Pages Router pages (ADR 0034, 0035): the same signed-in header, from the same
  // per-session cache.
  await page.goto(`${web.url}/me`);
  const header = async () => ({
    name: await page.locator('.account-name').textContent(),
    csrf: await page.locator('form.account-menu input[name=csrf]').inputValue(),
    unread: await headerUnread(page),
  });
  const onMe = await header();
  expect(onMe.csrf).toMatch(/\S/);
  const policyPage = await page.goto(`${web.url}/policies/00000000-0000-4000-8000-000000000000`);
  expect(policyPage?.status()).toBe(404);
  const onPolicy = await header();
  expect({ name: onPolicy.name, csrf: onPolicy.csrf }).toEqual({ name: onMe.name, csrf: onMe.csrf });
  // the count /me showed (the same per-session cache), or the inbox's own when the 20 s hold ended in between
  expect([onMe.unread, before.unread]).toContain(onPolicy.unread);
  const searchPage = await page.goto(`${web.url}/search?q=${encodeURIComponent('公积金')}`);
  expect(searchPage?.status()).toBe(200);
  const onSearch = await header();
  expect({ name: onSearch.name, csrf: onSearch.csrf }).toEqual({ name: onMe.name, csrf: onMe.csrf });
  expect([onMe.unread, before.unread]).toContain(onSearch.unread);
  await inbox(page); // back where the next steps start

  // Mark one read (a plain form POST), then all.
  await page.getByRole('button', { name: `标为已读：${replied}` }).click();
  await page.waitForURL(/\/me\/inbox\?done=one/);
  expect(await headerUnread(page)).toBe(before.unread - 1); // marking read drops the header's cached count
  const afterOne = await inbox(page);
  expect(afterOne.unread).toBe(before.unread - 1);
  expect(await page.getByRole('button', { name: `标为已读：${replied}` }).count()).toBe(0);
  const forged = await page.request.post(`${web.url}/me/inbox/read`, { form: { csrf: 'forged', all: '1' }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect((await inbox(page)).unread).toBe(afterOne.unread);
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await page.waitForURL(/\/me\/inbox\?done=all/);
  await expect(page.getByTestId('unread-summary').textContent()).resolves.toContain('未读 0 条');
  expect(await headerUnread(page)).toBe(0);
  await page.goto(`${web.url}/me`);
  expect(await headerUnread(page)).toBe(0);
  citizenCookies = await context.cookies(web.url);
  await context.close();

  // Another citizen: none of it in their requests or inbox, and the request's page answers 404.
  const other = await signedIn('citizen2');
  try {
    await expect(other.page.locator('main').textContent()).resolves.not.toContain(requestNumber);
    expect((await inbox(other.page)).titles.filter((t) => t.includes(requestNumber))).toEqual([]);
    const res = await other.page.goto(`${web.url}/me/requests/${encodeURIComponent(requestNumber)}`);
    expect(res?.status()).toBe(404);
    await expect(other.page.locator('main').textContent()).resolves.not.toContain('经费使用情况.pdf');
  } finally {
    await other.context.close();
  }
  // The same at the API: only the owner gets it; anonymous callers must sign in.
  const asCitizen2 = bearer(await tokenFor(stack.issuerUrl, 'citizen2'));
  const stranger = await api(stack, 'GET', `/disclosure-requests/mine/${requestNumber}`, undefined, asCitizen2);
  expect([stranger.status, stranger.json.code]).toEqual([404, 'DISCLOSURE_REQUEST_NOT_FOUND']);
  const mine = await api(stack, 'GET', '/disclosure-requests/mine', undefined, asCitizen2);
  expect(mine.json.items.map((i: { requestNumber: string }) => i.requestNumber)).not.toContain(requestNumber);
  expect((await api(stack, 'GET', '/disclosure-requests/mine')).status).toBe(401);
  const owner = await api(
    stack,
    'GET',
    `/disclosure-requests/mine/${requestNumber}`,
    undefined,
    bearer(await tokenFor(stack.issuerUrl, 'citizen1')),
  );
  expect([owner.status, owner.json.status]).toEqual([200, 'REPLIED']);
});

test('signed out, /me, a request page, the inbox, subscriptions and preferences send the person to sign in and back', async () => {
  for (const path of ['/me', '/me/inbox', `/me/requests/${encodeURIComponent(requestNumber)}`, '/me/subscriptions', '/me/preferences']) {
    const context = await newContext(browser, web.url, { javaScript: false });
    try {
      const page = await context.newPage();
      await page.goto(`${web.url}${path}`);
      await page.waitForURL((u) => u.href.startsWith(loginPageUrl()));
      await fillLogin(page, 'citizen1', path);
    } finally {
      await context.close();
    }
  }
});

/** The error summary's links as [text, href] pairs (locators only: they work with JavaScript off). */
async function errorLinks(page: Page): Promise<[string, string][]> {
  const links = page.locator('.error-summary a');
  const out: [string, string][] = [];
  for (let i = 0; i < (await links.count()); i++)
    out.push([(await links.nth(i).textContent()) ?? '', (await links.nth(i).getAttribute('href')) ?? '']);
  return out;
}

/** axe and a screenshot of the page as it is now, opened again in the same session with JavaScript on (axe runs as a script). */
async function axeAsShown(page: Page, shot: string): Promise<string[]> {
  const context = await newContext(browser, web.url, { cookies: await page.context().cookies() }); // all: the flash cookie has Path=/me
  try {
    const again = await context.newPage();
    await again.goto(page.url());
    expect(await again.locator('.error-summary').count()).toBe(1);
    await again.screenshot({ path: join(screenshotDir, shot), fullPage: true });
    return await axeFindings(again, shot);
  } finally {
    await context.close();
  }
}

test('subscriptions and preferences with JavaScript off: add a topic and an agency, duplicates, empty values and the 50 limit as Chinese error summaries linked to the field, remove one; channels needing their contact, quiet hours, digest, opt-out', async () => {
  const { context, page } = await signedIn('enterprise1', false);
  try {
    await page.goto(`${web.url}/me/subscriptions`);
    await expect(page.getByTestId('subscription-count').textContent()).resolves.toContain('已订阅 0 个，最多 50 个');
    await page.getByLabel('主题', { exact: true }).selectOption({ label: '住房公积金' });
    await page.getByRole('button', { name: '订阅主题' }).click();
    await page.waitForURL(/\/me\/subscriptions\?done=added$/);
    await expect(page.locator('.subscriptions').textContent()).resolves.toContain('住房公积金');

    // The same topic again: the gateway's message in an error summary that links to the topic list.
    await page.getByLabel('主题', { exact: true }).selectOption({ label: '住房公积金' });
    await page.getByRole('button', { name: '订阅主题' }).click();
    await page.waitForURL(/\?failed=/);
    expect(await errorLinks(page)).toEqual([['您已订阅过相同的内容，无需重复订阅。', '#topic']]);
    await expect(page.title()).resolves.toMatch(/^错误：我的订阅/);
    await expect(page.locator('#topic').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#topic').getAttribute('aria-describedby')).resolves.toBe('topic-error');
    expect(await axeAsShown(page, 'me-subscriptions-error-desktop.png')).toEqual([]);

    // An empty keyword: the field's message, the kind chosen kept.
    await page.getByLabel('关键词', { exact: true }).check();
    await page.getByRole('button', { name: '添加订阅' }).click();
    await page.waitForURL(/\?failed=/);
    expect(await errorLinks(page)).toEqual([['请填写订阅内容。', '#value']]);
    await expect(page.getByLabel('关键词', { exact: true }).isChecked()).resolves.toBe(true);

    await page.getByLabel('发文机关', { exact: true }).check();
    await page.getByLabel('订阅内容').fill('江东市人民政府办公室');
    await page.getByRole('button', { name: '添加订阅' }).click();
    await page.waitForURL(/\?done=added$/);
    expect(await page.locator('.subscriptions .subscription-label').allTextContents()).toEqual(
      expect.arrayContaining(['住房公积金', '江东市人民政府办公室']),
    );

    // Up to the limit through the API, then one more through the form: the limit message on the field used.
    const asEnterprise = bearer(await tokenFor(stack.issuerUrl, 'enterprise1'));
    for (let i = 3; i <= 50; i++) {
      const res = await api(stack, 'POST', '/subscriptions', { kind: 'region', value: `测试区${i}` }, asEnterprise);
      expect([i, res.status]).toEqual([i, 201]);
    }
    await page.goto(`${web.url}/me/subscriptions`);
    await page.getByLabel('地区', { exact: true }).check();
    await page.getByLabel('订阅内容').fill('临江区');
    await page.getByRole('button', { name: '添加订阅' }).click();
    await page.waitForURL(/\?failed=/);
    expect(await errorLinks(page)).toEqual([['订阅数量已达上限（50 个），请先删除不再需要的订阅。', '#value']]);
    await expect(page.getByLabel('订阅内容').inputValue()).resolves.toBe('临江区');
    await page.getByRole('button', { name: '删除订阅：发文机关 江东市人民政府办公室' }).click();
    await page.waitForURL(/\?done=removed$/);
    await expect(page.getByTestId('subscription-count').textContent()).resolves.toContain('已订阅 49 个');
    const forged = await page.request.post(`${web.url}/me/subscriptions/add`, {
      form: { csrf: 'forged', form: 'topic', topic: 'tax' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);

    // Preferences: e-mail on without an address, then a bad address, then a good one with quiet hours and a digest.
    await page.goto(`${web.url}/me/preferences`);
    await page.getByLabel('电子邮件').check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(/\/me\/preferences\?failed=/);
    expect(await errorLinks(page)).toEqual([['开启电子邮件提醒前，请填写邮箱地址。', '#email']]);
    await expect(page.title()).resolves.toMatch(/^错误：通知设置/);
    await expect(page.getByLabel('电子邮件').isChecked()).resolves.toBe(true);
    expect(await axeAsShown(page, 'me-preferences-error-desktop.png')).toEqual([]);
    await page.getByLabel('邮箱地址').fill('not-an-address');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(/\?failed=/);
    expect(await errorLinks(page)).toEqual([['请填写有效的邮箱地址。', '#email']]);
    await page.getByLabel('邮箱地址').fill('qiye@example.com');
    await page.getByLabel('开启免打扰').check();
    await page.getByLabel('开始时间').fill('22:30');
    await page.getByLabel('结束时间').fill('07:00');
    await page.getByLabel('提醒方式').selectOption('8');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(/\/me\/preferences\?done=saved$/);
    await expect(page.getByLabel('邮箱地址').inputValue()).resolves.toBe('qiye@example.com');
    const saved = await api(stack, 'GET', '/notification-preferences', undefined, asEnterprise);
    expect(saved.json).toEqual({
      channels: { inbox: true, email: true, sms: false, wechat: false },
      email: 'qiye@example.com',
      phone: null,
      wechatOpenId: null,
      quietHours: { start: '22:30', end: '07:00' },
      digestHour: 8,
      optedOut: false,
    });
    await page.getByLabel('退订全部政策推送').check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(/\?done=saved$/);
    expect((await api(stack, 'GET', '/notification-preferences', undefined, asEnterprise)).json.optedOut).toBe(true);
  } finally {
    await context.close();
  }
});

describe.each([
  ['normal', false],
  ['elderly (长辈版)', true],
])('the signed-in pages in %s mode', (_mode, elder) => {
  test('axe finds no serious or critical WCAG 2.1 AA violation; screenshots at desktop and 360 px', async () => {
    const pages: [string, string][] = [
      ['me', '/me'],
      ['me-request', `/me/requests/${encodeURIComponent(requestNumber)}`],
      ['me-inbox', '/me/inbox'],
      ['me-subscriptions', '/me/subscriptions'],
      ['me-preferences', '/me/preferences'],
      ['home-signed-in', '/'],
    ];
    expect(await auditPages(browser, web.url, pages, elder, citizenCookies)).toEqual([]);
  }, 300_000); // every page twice (desktop, 360 px) with axe: minutes on a busy two-core machine
});
