import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { type AppProcess, eventually } from '@govdisc/testing';
import { DEMO_USERS, claimsOf, tokenFor } from '../auth.js';
import { DESKTOP, PHONE, inContext } from '../browser.js';
import { type Stack, api } from '../stack.js';
import { type ConsoleRun, check as checkScreen, menu, signIn as signInAt, startConsole } from './console-kit.js';

// The staff console (apps/console) in Debian's Chromium against the whole platform with the demo content:
// one flow per role, signed in through the issuer's login page; axe and a screenshot on every screen.
declare const navigator: { clipboard: { readText(): Promise<string> } };

let run: ConsoleRun;
let stack: Stack;
let consoleApp: { url: string; app: AppProcess };
let browser: Browser;
let findings: string[] = [];

beforeAll(async () => {
  run = await startConsole();
  ({ stack, browser, findings } = run);
  consoleApp = { url: run.url, app: run.app };
}, 180_000);

afterAll(async () => {
  await run?.stop();
});

const signIn = (page: Page, user: string, path: string) => signInAt(page, consoleApp.url, user, path);
const check = (page: Page, name: string) => checkScreen(page, name, findings);

test('hotline operator: a caller question gets an answer with its citation, copied in one click, outcome recorded; an unanswerable one goes to the editors', async () => {
  await inContext(browser, { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await signIn(page, DEMO_USERS['hotline-operator'], '/hotline');
    await check(page, 'hotline-empty');
    expect(await menu(page)).toEqual(['一号答（热线）']);
    await page.getByLabel('来电人的问题（可直接粘贴）').fill('小微企业租国企的门面房，房租能减免吗');
    await page.getByRole('button', { name: '查找答复' }).click();
    await page.waitForURL(/\/hotline\?q=/);
    const answer = page.getByRole('region', { name: '答复' });
    await expect(answer.locator('blockquote').first().textContent()).resolves.toMatch(/\S/);
    await expect(answer.locator('figcaption').first().textContent()).resolves.toContain('依据');
    await answer.getByRole('button', { name: '复制答复' }).click();
    await expect(page.getByText('已复制').textContent()).resolves.toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('依据：');
    await check(page, 'hotline-answer');
    await answer.getByRole('button', { name: '已解答' }).click();
    await page.waitForURL(/recorded=solved/);
    await expect(page.getByRole('status').filter({ hasText: '已记录' }).textContent()).resolves.toContain('已解答');

    const odd = '量子引力飞船的购置补贴找哪个窗口申请';
    await page.getByLabel('来电人的问题（可直接粘贴）').fill(odd);
    await page.getByRole('button', { name: '查找答复' }).click();
    await page.waitForURL(/\/hotline\?q=/);
    await expect(page.getByText('暂无可靠答复').textContent()).resolves.toContain('暂无可靠答复');
    await check(page, 'hotline-unanswered');
  });
  const token = await tokenFor(stack.issuerUrl, DEMO_USERS.editor);
  await eventually(async () => {
    const queue = await api(stack, 'GET', '/qa/unanswered?pageSize=100', undefined, { authorization: `Bearer ${token}` });
    expect(JSON.stringify(queue.json.items)).toContain('量子引力飞船');
  });
});

test('disclosure officer: works a request from the queue to a reply within its deadline', async () => {
  // Submitted online: the reply clock starts once the office confirms receipt.
  const submitted = await api(stack, 'POST', '/disclosure-requests', {
    applicant: { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' },
    channel: 'ONLINE',
    description: '江东市2025年义务教育阶段学位供给情况',
    deliveryForm: 'EMAIL',
  });
  expect(submitted.status).toBe(201);
  const no = submitted.json.requestNumber as string;
  let dueDate = '';
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS['disclosure-officer'], '/disclosure');
    expect(await menu(page)).toEqual(['依申请公开']);
    const row = page.getByRole('row').filter({ hasText: no });
    await expect(row.textContent()).resolves.toContain('未起算');
    await row.getByRole('link', { name: no }).click();
    await page.waitForURL(/\/disclosure\/.+/);
    await check(page, 'disclosure-request');

    const form = (name: string) => page.getByRole('form', { name });
    await form('确认收到').getByRole('button', { name: '确认收到' }).click();
    await page.waitForURL(/done=CONFIRM_RECEIPT/);
    // Back in the queue the request now counts down in working days.
    await page.goto(`${consoleApp.url}/disclosure`);
    await expect(row.textContent()).resolves.toMatch(/剩余 \d+ 个工作日/);
    dueDate = /（(\d{4}-\d{2}-\d{2})/.exec((await row.textContent()) ?? '')?.[1] ?? 'none';
    await check(page, 'disclosure-queue');
    await row.getByRole('link', { name: no }).click();
    await page.waitForURL(/\/disclosure\/.+/);
    await form('受理并指定承办部门').getByLabel('承办部门').selectOption('edu');
    await form('受理并指定承办部门').getByRole('button', { name: '受理并指定承办部门' }).click();
    await page.waitForURL(/done=ACCEPT/);
    await check(page, 'disclosure-reply-composer');
    const reply = form('答复');
    await reply.getByLabel('答复类型').selectOption('DISCLOSED');
    await reply.getByLabel('答复正文').fill('予以公开：学位供给情况见随答复提供的文件。');
    await reply.getByLabel('随答复提供的文件（每行一个，可选）').fill('2025年学位供给情况.pdf');
    await reply.getByRole('button', { name: '答复', exact: true }).click();
    await page.waitForURL(/done=REPLY/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('已办理：答复');
    await expect(page.getByText('已答复').first().textContent()).resolves.toBe('已答复');
    await check(page, 'disclosure-replied');
  });
  const gio = await tokenFor(stack.issuerUrl, DEMO_USERS['disclosure-officer']);
  const view = await api(stack, 'GET', `/disclosure-requests/${no}`, undefined, { authorization: `Bearer ${gio}` });
  expect(view.json).toMatchObject({ status: 'REPLIED', outcome: 'DISCLOSED' });
  const repliedOn = view.json.timeline.at(-1).shanghaiDate as string;
  expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(repliedOn <= dueDate).toBe(true);
});

test('editor drafts a Q&A citing a clause; a different reviewer publishes it (four eyes)', async () => {
  const question = `公租房租金减免怎么申请（${Date.now()}）`;
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.editor, '/qa/new');
    expect(await menu(page)).toEqual(['问答编辑', '政策文件', '办事指南']);
    await page.getByLabel('政策文件关键词').fill('租金');
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/\/qa\/new\?q=/);
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await page.waitForURL(/policy=/);
    await check(page, 'qa-editor');
    await page.getByRole('radio').first().check();
    await page.getByLabel('标准问法').fill(question);
    await page.getByLabel('答复').fill('符合条件的承租人可向出租单位申请减免，具体见所引条款。');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/qa\?done=/);
    await expect(page.getByRole('row').filter({ hasText: question }).textContent()).resolves.toContain('待审核');
    await check(page, 'qa-desk');
  });
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.reviewer, '/qa/review');
    expect(await menu(page)).toEqual(['问答编辑', '问答审核', '政策文件', '办事指南']);
    const card = page.getByRole('article', { name: question });
    await expect(card.locator('blockquote').textContent()).resolves.toMatch(/\S/);
    await check(page, 'qa-review');
    await card.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/done=/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(`已发布：${question}`);
  });
  const published = await api(stack, 'GET', `/qa/pairs?status=PUBLISHED&pageSize=100`);
  expect(published.json.items.map((p: { question: string }) => p.question)).toContain(question);
});

test('admin reads the audit log: the staff writes above are there; every screen passes axe at 360 px', async () => {
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/admin/audit');
    expect(await menu(page)).toEqual(['一号答（热线）', '依申请公开', '问答编辑', '问答审核', '政策文件', '办事指南', '审计日志']);
    // The disclosure officer's steps above, found by their account.
    const gio = claimsOf(await tokenFor(stack.issuerUrl, DEMO_USERS['disclosure-officer'])).sub as string;
    await page.getByLabel('操作账号（标识）').fill(gio);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/actor=/);
    const text = await page.getByRole('table').textContent();
    expect(text).toContain('/actions');
    expect(text).toContain('disclosure-officer');
    await check(page, 'admin-audit');
  });
  await inContext(browser, PHONE, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/');
    for (const path of ['/', '/hotline', '/disclosure', '/qa', '/qa/new', '/qa/review', '/admin/audit']) {
      await page.goto(`${consoleApp.url}${path}`);
      await check(page, `360${path.replaceAll('/', '-')}`);
    }
  });
  expect(findings).toEqual([]);
});

test("the console's initial JavaScript stays under 500 KB compressed", async () => {
  const sizes = await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/');
    const scripts: Promise<number>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => gzipSync(b).length));
    });
    await page.goto(`${consoleApp.url}/disclosure`, { waitUntil: 'networkidle' });
    return Promise.all(scripts);
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`console initial JavaScript: ${sizes.length} files, ${(total / 1024).toFixed(0)} KB gzip`);
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(500 * 1024);
});
