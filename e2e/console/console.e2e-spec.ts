import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { type AppProcess, type TestWebhookReceiver, eventually, startTestWebhookReceiver } from '@govdisc/testing';
import { ROLES } from '@govdisc/contracts';
import { DEMO_USERS, bearer, claimsOf, realmPeople, tokenFor } from '../auth.js';
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
let receiver: TestWebhookReceiver;
let findings: string[] = [];

beforeAll(async () => {
  receiver = await startTestWebhookReceiver();
  // notify-svc delivers to the test's receiver on this machine, polling its outbox often (no waiting in real time)
  run = await startConsole({
    appEnv: () => ({ 'notify-svc': { WEBHOOK_POLL_INTERVAL_MS: '100', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' } }),
  });
  ({ stack, browser, findings } = run);
  consoleApp = { url: run.url, app: run.app };
}, 180_000);

afterAll(async () => {
  await run?.stop();
  await receiver?.stop();
});

const signIn = (page: Page, user: string, path: string) => signInAt(page, consoleApp.url, user, path);
const check = (page: Page, name: string) => checkScreen(page, name, findings);

/** A file the page offers for download (the link's click), as bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile(await file.path());
}
const BOM = [0xef, 0xbb, 0xbf];

/** The focused element as "its labelled container » its name" (aria-label, label, or text), for keyboard-only runs. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
  const box = el.parentElement && el.parentElement.closest('[aria-label]');
  const name = el.getAttribute('aria-label') || label || (el.textContent || '').trim().slice(0, 80);
  return (box ? box.getAttribute('aria-label') : '') + ' » ' + name;
})()`;

/** Keyboard only: Tab until the focused element matches (its container and name), failing after `max` presses. */
async function tabTo(page: Page, target: RegExp, max = 300): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const here = String(await page.evaluate(FOCUSED));
    if (target.test(here)) return;
    seen.push(here);
  }
  throw new Error(`keyboard: nothing matching ${target} took focus; saw ${seen.slice(0, 40).join(' | ')}`);
}

/** Signs in on the issuer's login page with the keyboard only. */
async function signInByKeyboard(page: Page, user: string, path: string): Promise<void> {
  await page.goto(`${consoleApp.url}/auth/login?returnTo=${encodeURIComponent(path)}`);
  await tabTo(page, /用户名/);
  await page.keyboard.type(user);
  await tabTo(page, /密码/);
  await page.keyboard.type(`demo-${user}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${consoleApp.url}${path}`);
}

/** A request submitted online by a citizen (the office still has to confirm receipt). */
async function submitRequest(description: string): Promise<string> {
  const submitted = await api(stack, 'POST', '/disclosure-requests', {
    applicant: { type: 'NATURAL_PERSON', name: '李华', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' },
    channel: 'ONLINE',
    description,
    deliveryForm: 'EMAIL',
  });
  expect(submitted.status).toBe(201);
  return submitted.json.requestNumber as string;
}

/** The office's steps through the API (for tests about what comes after them). */
async function actAsGio(no: string, ...actions: unknown[]): Promise<void> {
  const gio = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS['disclosure-officer']));
  for (const action of actions) {
    const res = await api(stack, 'POST', `/disclosure-requests/${no}/actions`, { action }, gio);
    expect([res.status, res.json.code]).toEqual([200, undefined]);
  }
}

test('hotline operator: a caller question gets an answer with its citation, copied in one click, outcome recorded; an unanswerable one goes to the editors', async () => {
  await inContext(browser, { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await signIn(page, DEMO_USERS['hotline-operator'], '/hotline');
    await check(page, 'hotline-empty');
    expect(await menu(page)).toEqual(['一号答（热线）', '未解答问题', '统计分析']);
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
    expect(await menu(page)).toEqual(['依申请公开', '年度报告表三', '统计分析']);
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
    // The reply from the template of its statutory type: the text names the request, the officer completes it.
    await page.getByLabel('按答复类型套用模板（填入下方答复正文，可修改）').selectOption('DISCLOSED');
    await page.getByRole('button', { name: '套用模板' }).click();
    await page.waitForURL(/template=DISCLOSED/);
    const reply = form('答复');
    await expect(reply.getByLabel('答复类型').inputValue()).resolves.toBe('DISCLOSED');
    await expect(reply.getByLabel('答复正文').inputValue()).resolves.toContain(`您的政府信息公开申请（编号${no}）`);
    await reply.getByLabel('随答复提供的文件（每行一个，可选）').fill('2025年学位供给情况.pdf');
    await reply.getByRole('button', { name: '答复', exact: true }).click();
    await page.waitForURL(/done=REPLY/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('已办理：答复');
    await expect(page.getByText('已答复').first().textContent()).resolves.toBe('已答复');
    await check(page, 'disclosure-replied');

    // The annual report's Table 3 counts it, and its CSV opens in Excel (UTF-8 with BOM).
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '年度报告表三' }).click();
    await page.waitForURL(/\/disclosure\/report/);
    await expect(page.getByRole('region', { name: '表三' }).textContent()).resolves.toContain('予以公开');
    await check(page, 'disclosure-table3');
    const csv = await download(page, () => page.getByRole('link', { name: /导出 CSV/ }).click());
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    expect(csv.subarray(3).toString('utf8')).toContain('予以公开');
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
    expect(await menu(page)).toEqual(['问答编辑', '问答提取助手', '未解答问题', '政策文件', '办事指南', '统计分析']);
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
    expect(await menu(page)).toEqual(['问答编辑', '问答提取助手', '未解答问题', '问答审核', '政策文件', '办事指南', '统计分析']);
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

test('disclosure officer: sends a fee notice with its basis; the request waits for payment and shows the fee', async () => {
  const no = await submitRequest('江东市2025年全部行政许可档案复印件');
  await actAsGio(no, { type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'edu' });
  await inContext(browser, { ...DESKTOP, timezoneId: 'Asia/Shanghai' }, async (page) => {
    await signIn(page, DEMO_USERS['disclosure-officer'], `/disclosure/${no}`);
    const fee = page.getByRole('form', { name: '发出收费通知' });
    await fee.getByLabel('收费标准（国办函〔2020〕109号）').selectOption('PER_VOLUME');
    await fee.getByLabel('页数（按量计收时填写；30页以内不收费）').fill('120');
    // the zh_CN date picker: its panel speaks Chinese, 今天 picks the day, the form posts it as YYYY-MM-DD
    await fee.getByLabel('办理日期（默认今天）').click();
    const panel = page.locator('.ant-picker-dropdown:visible');
    await expect(panel.textContent()).resolves.toMatch(/\d{4}年.*一.*二.*三/);
    await panel.getByText('今天', { exact: true }).click();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await expect(fee.locator('input[name="on"]').inputValue()).resolves.toBe(today);
    await fee.getByRole('button', { name: '发出收费通知' }).click();
    await page.waitForURL(/done=ISSUE_FEE_NOTICE/);
    await expect(page.getByText('待缴纳信息处理费').first().textContent()).resolves.toBe('待缴纳信息处理费');
    // 30 pages free, 31–100 at 10 元, 101–120 at 20 元
    await expect(page.getByText(/1100 元，缴费期限 \d{4}-\d{2}-\d{2}/).count()).resolves.toBe(1);
    await expect(page.getByRole('form', { name: '确认缴费' }).count()).resolves.toBe(1);
    await check(page, 'disclosure-fee-notice');
  });
});

test('editor: an unanswered caller question becomes a new pair with its topic; the extraction assistant sends drafts to review', async () => {
  const question = '量子引力飞船的购置补贴找哪个窗口申请';
  let topic = '';
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.editor, '/qa/unanswered');
    await check(page, 'qa-unanswered');
    await page.getByRole('link', { name: `转为问答：${question}` }).click();
    await page.waitForURL(/\/qa\/new\?question=/);
    await page.getByLabel('政策文件关键词').fill('租金');
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/\/qa\/new\?q=/);
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await page.waitForURL(/policy=/);
    await expect(page.getByLabel('标准问法').inputValue()).resolves.toBe(question);
    await page.getByRole('radio').first().check();
    await page.getByLabel('答复').fill('目前没有此类补贴；租金减免见所引条款。');
    const firstTopic = page.getByRole('group', { name: '所属主题（不选则按内容自动归类）' }).getByRole('checkbox').first();
    topic = (await firstTopic.getAttribute('value')) ?? '';
    await firstTopic.check();
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/qa\?done=/);
    await expect(page.getByRole('row').filter({ hasText: question }).textContent()).resolves.toContain('待审核');

    await page.goto(`${consoleApp.url}/qa/extract`);
    await page.getByLabel('政策文件关键词').fill('租金');
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/\/qa\/extract\?q=/);
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await page.waitForURL(/\/qa\/extract\?policy=/);
    const drafts = page.getByRole('form', { name: '提取的问答草稿' });
    const picks = drafts.getByRole('checkbox', { name: /采用草稿/ });
    expect(await picks.count()).toBeGreaterThan(0);
    await check(page, 'qa-extract');
    for (const box of (await picks.all()).slice(1)) await box.uncheck();
    const edited = `${(await drafts.getByLabel('标准问法（草稿 1）').inputValue()).slice(0, 40)}（编辑 ${Date.now()}）`;
    await drafts.getByLabel('标准问法（草稿 1）').fill(edited);
    await drafts.getByRole('button', { name: '提交所选草稿审核' }).click();
    await page.waitForURL(/\/qa\?done=/);
    await expect(page.getByRole('row').filter({ hasText: edited }).textContent()).resolves.toContain('待审核');
  });
  const staff = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS.editor));
  const inReview = await api(stack, 'GET', '/qa/pairs?status=IN_REVIEW&pageSize=100', undefined, staff);
  const pair = inReview.json.items.find((p: { question: string }) => p.question === question);
  expect(pair).toMatchObject({ topics: [topic], topicsOverridden: true });
  expect(pair.citations[0].state).toBe('VERIFIED');
});

test('editor: analytics shows hot and zero-result queries as charts with their numbers, each downloadable as CSV', async () => {
  for (const q of ['公积金', '公积金', 'qwxzvk']) {
    expect((await api(stack, 'GET', `/policies/search?q=${encodeURIComponent(q)}`)).status).toBe(200);
  }
  const editor = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS.editor));
  await eventually(async () => {
    const stats = await api(stack, 'GET', '/policies/analytics?days=7', undefined, editor);
    expect(JSON.stringify(stats.json.days[0].zeroResultQueries)).toContain('qwxzvk');
  });
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.editor, '/analytics');
    await expect(page.getByRole('region', { name: '热门查询（数据）' }).textContent()).resolves.toContain('公积金');
    await expect(page.getByRole('region', { name: '无结果查询（词库、同义词待补充）（数据）' }).textContent()).resolves.toContain('qwxzvk');
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.getByRole('img', { name: /图表，数据见旁边的表格/ }).count()).toBeGreaterThanOrEqual(5);
    await check(page, 'analytics');
    const csv = await download(page, () =>
      page
        .locator('.ant-card')
        .filter({ has: page.getByRole('heading', { name: '热门查询', exact: true }) })
        .getByRole('link', { name: '导出 CSV' })
        .click(),
    );
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('查询词,次数');
    expect(lines.find((l) => l.startsWith('公积金,'))).toMatch(/^公积金,\d+$/);
    // The reply-deadline figures are disclosure staff's, not an editor's.
    expect(await page.getByRole('heading', { name: '依申请公开', exact: true }).count()).toBe(0);
  });

  // Disclosure staff: reply deadlines per department as a stacked chart, the table of the gateway's numbers, and CSV.
  const no = await submitRequest(`统计分析：江东市2025年交通运输执法情况（${Date.now()}）`);
  await actAsGio(no, { type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'transport' });
  const gio = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS['disclosure-officer']));
  const sla = await api(stack, 'GET', '/disclosure-reports/sla', undefined, gio);
  expect(sla.status).toBe(200);
  const transport = sla.json.rows.find((r: { department: string | null }) => r.department === 'transport');
  expect(transport).toMatchObject({ assigned: expect.any(Number), openNow: expect.any(Number) });
  expect(transport.assigned).toBeGreaterThanOrEqual(1);
  const figures = [
    transport.assigned,
    transport.replied,
    transport.onTime,
    transport.late,
    transport.extended,
    transport.medianWorkingDays ?? '',
    transport.openNow,
    transport.overdueNow,
  ];
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS['disclosure-officer'], `/analytics?from=${sla.json.from}&to=${sla.json.to}`);
    const table = page.getByRole('region', { name: '依申请公开答复时限（按部门）（数据）' });
    const row = table.getByRole('row').filter({ hasText: '市交通运输局' });
    expect((await row.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['市交通运输局', ...figures.map(String)]);
    await page.getByRole('img', { name: '依申请公开答复时限（按部门）（图表，数据见旁边的表格）' }).locator('canvas').waitFor();
    // the range picker (zh_CN) shows the range the service applied
    expect(await page.locator('#sla-from').inputValue()).toBe(sla.json.from);
    expect(await page.locator('#sla-to').inputValue()).toBe(sla.json.to);
    const axeBefore = findings.length;
    await check(page, 'analytics-disclosure-sla');
    expect(findings.slice(axeBefore)).toEqual([]);
    const csv = await download(page, () =>
      page
        .locator('.ant-card')
        .filter({ has: page.getByRole('heading', { name: '依申请公开答复时限（按部门）', exact: true }) })
        .getByRole('link', { name: '导出 CSV' })
        .click(),
    );
    expect([...csv.subarray(0, 3)]).toEqual(BOM);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('承办部门,收到申请,已答复,按期答复,逾期答复,延期答复,答复用时中位数（工作日）,当前在办,当前逾期');
    expect(lines.find((l) => l.startsWith('市交通运输局,'))).toBe(['市交通运输局', ...figures].join(','));
    // a range the service refuses is explained, not a broken page
    await page.goto(`${consoleApp.url}/analytics?from=2026-06-02&to=2026-06-01`);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('开始日期不能晚于结束日期');
  });
});

test('keyboard only: a reviewer publishes a pair; an officer works a request from the queue to a reply', async () => {
  const editor = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS.editor));
  const question = `键盘审核：公租房租金怎么交（${Date.now()}）`;
  const drafted = await api(stack, 'POST', '/qa/pairs', { question, answer: '按月缴纳，具体见合同约定。' }, editor);
  expect(drafted.status).toBe(201);
  const submitted = await api(stack, 'POST', `/qa/pairs/${drafted.json.id}/transitions`, { action: 'SUBMIT' }, editor);
  expect(submitted.status).toBe(200);
  await inContext(browser, DESKTOP, async (page) => {
    await signInByKeyboard(page, DEMO_USERS.reviewer, '/qa/review');
    await tabTo(page, new RegExp(`${question.replace(/[()（）]/g, '.')}.* » 发布$`));
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(`已发布：${question}`);
  });

  const no = await submitRequest('江东市2025年公办幼儿园收费标准');
  await inContext(browser, DESKTOP, async (page) => {
    await signInByKeyboard(page, DEMO_USERS['disclosure-officer'], '/disclosure');
    await tabTo(page, new RegExp(` » ${no}$`));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/disclosure\/.+/);
    await tabTo(page, /^确认收到 » 确认收到$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=CONFIRM_RECEIPT/);
    await tabTo(page, /^受理并指定承办部门 » 受理并指定承办部门$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=ACCEPT/);
    await tabTo(page, / » 按答复类型套用模板/);
    await tabTo(page, / » 套用模板$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/template=/);
    await tabTo(page, /^答复 » 随答复提供的文件/);
    await page.keyboard.type('2025年幼儿园收费标准.pdf');
    await tabTo(page, /^答复 » 答复$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=REPLY/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('已办理：答复');
  });
  const gio = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS['disclosure-officer']));
  expect((await api(stack, 'GET', `/disclosure-requests/${no}`, undefined, gio)).json).toMatchObject({
    status: 'REPLIED',
    outcome: 'DISCLOSED',
  });
});

test("admin registers a department's webhook endpoint, sees its deliveries in the log, rotates its secret and disables it", async () => {
  await inContext(browser, { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/admin/webhooks');
    const form = page.getByRole('form', { name: '登记接收端' });
    await form.getByLabel('部门', { exact: true }).selectOption('edu');
    await form.getByLabel('接收地址（http 或 https）').fill(`${receiver.url}/console`);
    await form.getByLabel('说明（可选）').fill('教育局办件系统');
    await form.getByRole('button', { name: '登记' }).click();
    const shown = page.getByRole('status').filter({ hasText: '签名密钥只显示这一次' });
    const secret = /whsec_\S+/.exec((await shown.textContent()) ?? '')?.[0] ?? '';
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.set('/console', [secret]);
    await check(page, 'admin-webhooks');

    const no = await submitRequest('江东市教育局2025年招生计划');
    await actAsGio(no, { type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'edu' });
    await eventually(() => expect(receiver.verified('/console').length).toBeGreaterThan(0), { timeoutMs: 30_000 });
    await page.reload();
    await page.getByRole('link', { name: `${receiver.url}/console` }).click();
    await page.waitForURL(/\/admin\/webhooks\/[0-9a-f-]{36}/);
    await eventually(async () => {
      await page.reload();
      await expect(page.getByRole('region', { name: '投递记录' }).textContent()).resolves.toMatch(new RegExp(`${no}.*成功`));
    });
    await check(page, 'admin-webhook-deliveries');

    await page.getByRole('form', { name: '更换签名密钥' }).getByRole('button', { name: '更换密钥' }).click();
    const rotated = page.getByRole('status').filter({ hasText: '已更换密钥' });
    expect(/whsec_\S+/.exec((await rotated.textContent()) ?? '')?.[0]).not.toBe(secret);
    await page.getByRole('form', { name: '停用接收端' }).getByRole('button', { name: '停用' }).click();
    await page.waitForURL(/done=/);
    await expect(page.getByRole('form', { name: '启用接收端' }).count()).resolves.toBe(1);
  });
});

test("admin: 用户与角色 lists the embedded issuer's users with their roles in Chinese, searches and pages; only admins get it", async () => {
  // The API (embedded issuer): the realm file's people, exactly; non-admins refused.
  const admin = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS.admin));
  const all = await api(stack, 'GET', '/admin/users?pageSize=100', undefined, admin);
  expect(all.status).toBe(200);
  expect(all.json.provider).toEqual({ kind: 'embedded', adminConsoleUrl: null });
  const people = realmPeople(ROLES).sort((a, b) => a.username.localeCompare(b.username));
  expect(all.json.items).toEqual(people);
  expect(all.json.total).toBe(people.length);
  const second = await api(stack, 'GET', '/admin/users?page=2&pageSize=5', undefined, admin);
  expect(second.json.items).toEqual(people.slice(5, 10));
  expect(
    (await api(stack, 'GET', '/admin/users?q=Hua%20Li', undefined, admin)).json.items.map((u: { username: string }) => u.username),
  ).toEqual(['citizen2', 'enterprise1']);
  for (const role of ['editor', 'dept-officer', 'citizen'] as const) {
    const refused = await api(stack, 'GET', '/admin/users', undefined, bearer(await tokenFor(stack.issuerUrl, DEMO_USERS[role])));
    expect([role, refused.status]).toEqual([role, 403]);
  }

  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/admin/users');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('用户与角色');
    await expect(page.locator('.ant-alert').first().textContent()).resolves.toContain('角色在身份认证系统中管理');
    const table = page.getByRole('region', { name: '用户列表' });
    const rowOf = (username: string) => table.getByRole('row').filter({ hasText: username });
    await expect(rowOf('editor-hr').textContent()).resolves.toMatch(/editor-hr.*Min Xu.*hrss.*内容编辑/);
    await expect(table.textContent()).resolves.toContain(`共 ${people.length} 人`);
    await check(page, 'admin-users');
    // The pager (10 a page): page 2 holds the rest, in username order.
    expect(await table.locator('tbody tr').count()).toBe(10);
    await table.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await expect(table.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(people.slice(10, 20).map((p) => p.username));
    // Search by name.
    await page.getByLabel('用户名或姓名').fill('zhou');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/q=zhou/);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/admin1.*Jun Zhou.*系统管理员/);
    await check(page, 'admin-users-search');
  });
  // axe on both screens of this flow: zero serious or critical findings (the 360 px walk below checks it again)
  expect(findings.filter((f) => f.startsWith('admin-users'))).toEqual([]);
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.reviewer, '/qa/review');
    expect(await menu(page)).not.toContain('用户与角色');
    await page.goto(`${consoleApp.url}/admin/users`);
    await expect(page.getByText('您的账号没有使用此功能的权限').count()).resolves.toBe(1);
  });
});

test('admin reads the audit log: the staff writes above are there; every screen passes axe at 360 px', async () => {
  await inContext(browser, DESKTOP, async (page) => {
    await signIn(page, DEMO_USERS.admin, '/admin/audit');
    expect(await menu(page)).toEqual([
      '一号答（热线）',
      '依申请公开',
      '年度报告表三',
      '问答编辑',
      '问答提取助手',
      '未解答问题',
      '问答审核',
      '政策文件',
      '办事指南',
      '统计分析',
      '部门接收端',
      '审计日志',
      '用户与角色',
    ]);
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
    for (const path of [
      '/',
      '/hotline',
      '/disclosure',
      '/disclosure/report',
      '/qa',
      '/qa/new',
      '/qa/extract',
      '/qa/unanswered',
      '/qa/review',
      '/analytics',
      '/admin/webhooks',
      '/admin/audit',
      '/admin/users',
    ]) {
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
