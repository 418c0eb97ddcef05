import type { Locator, Page } from 'playwright-core';
import { eventually } from '@govdisc/testing';
import { DEMO_USERS, bearer, tokenFor } from '../auth.js';
import { DESKTOP, inContext } from '../browser.js';
import { publishedPair, publishedPolicy } from '../publishing.js';
import { api } from '../stack.js';
import { type ConsoleRun, check, menu, signIn, startConsole } from './console-kit.js';

// The console's content screens (issue 16, screens 1 and 3) in Debian's Chromium against the whole platform with the
// demo content: policies drafted, refused to their author, published, edited with a version diff and repealed; an
// import job with its report; a service guide edited and published. axe and a screenshot on every new screen.
declare const document: { activeElement: unknown };

let run: ConsoleRun;
beforeAll(async () => {
  run = await startConsole();
}, 180_000);
afterAll(async () => {
  await run?.stop();
});

// after hydration only: antd's inputs keep their own state, and a value typed before hydration can be overwritten
const go = (page: Page, path: string) => page.goto(`${run.url}${path}`, { waitUntil: 'networkidle' });
const as = (user: string, path: string, fn: (page: Page) => Promise<void>) =>
  inContext(run.browser, DESKTOP, async (page) => {
    await signIn(page, run.url, user, path);
    await page.waitForLoadState('networkidle');
    await fn(page);
  });
const screen = (page: Page, name: string) => check(page, name, run.findings);
const notice = (page: Page) => page.getByRole('alert').or(page.getByRole('status')).first().textContent();

/** Keyboard only: Tab until `target` has focus (fails past `max` presses), then Enter. */
async function tabToAndPress(page: Page, target: Locator, max = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => document.activeElement === el, handle)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`not reachable by Tab in ${max} presses: ${String(target)}`);
}

test('policies: an editor drafts, the author of a version is refused publishing it, a reviewer publishes; an edit shows as a diff; repeal', async () => {
  const title = `江东市社区食堂运营补贴办法（${Date.now()}）`;
  let url = '';
  await as(DEMO_USERS.editor, '/policies/new', async (page) => {
    expect(await menu(page)).toContain('政策文件');
    await screen(page, 'policies-new');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('发文字号').fill('江民发〔2026〕8号');
    await page.getByLabel('发文机关').fill('江东市民政局');
    await page.getByLabel('成文日期').fill('2026-03-01');
    await page
      .getByLabel(/^正文/)
      .fill('第一条 为支持社区食堂运营，制定本办法。\n第二条 补贴标准为每餐3元。\n第三条 本办法自发布之日起施行。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/policies\/[0-9a-f-]{36}\?done=/);
    url = page.url().replace(/\?.*$/, '').replace(run.url, '');
    expect(await notice(page)).toContain('草稿已保存');
    await expect(page.getByRole('button', { name: '发布' }).count()).resolves.toBe(0); // an editor does not publish
    await screen(page, 'policy-draft');
    await go(page, '/policies?status=DRAFT');
    await expect(page.getByRole('row').filter({ hasText: title }).textContent()).resolves.toContain('草稿');
    await screen(page, 'policies-list');
  });
  await as(DEMO_USERS.reviewer, url, async (page) => {
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/done=/);
    expect(await notice(page)).toContain(`已发布：${title}`);
  });
  // The admin (editor and reviewer) edits the published text: it waits aside, and its author may not publish it.
  await as(DEMO_USERS.admin, `${url}/edit`, async (page) => {
    await page
      .getByLabel(/^正文/)
      .fill('第一条 为支持社区食堂运营，制定本办法。\n第二条 补贴标准为每餐5元。\n第三条 本办法自发布之日起施行。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/done=/);
    expect(await notice(page)).toContain('待另一位审核人发布');
    await screen(page, 'policy-pending-diff');
    const diff = page.getByRole('region', { name: /^第 \d+ 版与待审核修改的比较$/ });
    await expect(diff.locator('del').allTextContents()).resolves.toEqual(['3']);
    await expect(diff.locator('ins').allTextContents()).resolves.toEqual(['5']);
    await page.getByRole('button', { name: '发布修改' }).click();
    await page.waitForURL(/error=/);
    expect(await notice(page)).toContain('不能发布自己撰写或最后修改的版本');
  });
  // A reviewer publishes the edit with the keyboard only, then repeals the document (its confirmation is required).
  await as(DEMO_USERS.reviewer, url, async (page) => {
    await tabToAndPress(page, page.getByRole('button', { name: '发布修改' }));
    await page.waitForURL(/done=/);
    expect(await notice(page)).toMatch(/已发布：.+（第 \d+ 版）/);
    await screen(page, 'policy-published-v2');
    const repeal = page.getByRole('form', { name: '废止' });
    await repeal.getByRole('checkbox').check();
    await repeal.getByRole('button', { name: '废止' }).click();
    await page.getByRole('status').filter({ hasText: '已废止' }).waitFor();
  });
  const shown = await api(run.stack, 'GET', `/policies/${url.split('/').at(-1)}`);
  expect(shown.json).toMatchObject({ status: 'REPEALED', body: expect.stringContaining('每餐5元') });
});

test('policies: an import job shows its progress and report (duplicate, rejected lines); a reviewer publishes it; best bets', async () => {
  const stamp = Date.now();
  const doc = (id: string, title: string) =>
    JSON.stringify({ id, title: `${title}（${stamp}）`, body: `第一条 ${title}的规定（${stamp}）。` });
  const lines = [doc(`imp-${stamp}-1`, '江东市导入测试甲办法'), doc(`imp-${stamp}-2`, '江东市导入测试乙办法'), '{不是JSON'];
  lines.push(JSON.stringify({ ...JSON.parse(lines[0]!), id: `imp-${stamp}-3` })); // the same text under another id
  while (lines.length < 239) lines.push('');
  lines.push(doc(`imp-${stamp}-4`, '江东市导入测试丙办法'), JSON.stringify({ id: `imp-${stamp}-5`, body: '没有标题' }));
  let jobPath = '';
  await as(DEMO_USERS.editor, '/policies/import', async (page) => {
    await screen(page, 'policies-import');
    await page
      .getByLabel('导入文件', { exact: true })
      .setInputFiles({ name: 'policies.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/\/policies\/import\/[0-9a-f-]{36}\?lines=241/);
    jobPath = page
      .url()
      .replace(run.url, '')
      .replace(/&?done=[^&]*/, '');
    // the page refreshes itself until the job is done (the second chunk follows the first)
    await page.getByText('已完成：已处理到第 241 行').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: '完全重复', exact: true }).textContent()).resolves.toContain(`imp-${stamp}-3`);
    const rejected = await page.getByRole('region', { name: '被拒绝的行', exact: true }).textContent();
    expect(rejected).toContain('不是有效的 JSON');
    expect(rejected).toContain('缺少标题');
    expect(await page.getByText(/新增 3 件/).count()).toBe(1);
    await screen(page, 'policies-import-report');
  });
  await as(DEMO_USERS.reviewer, jobPath, async (page) => {
    await page.getByRole('button', { name: '发布本批次' }).click();
    await page.waitForURL(/done=/);
    expect(await notice(page)).toContain('已发布 3 件');
  });
  await as(DEMO_USERS.editor, '/policies/best-bets', async (page) => {
    const pick = page.getByRole('checkbox', { name: new RegExp(`导入测试丙办法（${stamp}）`) });
    // search sees a published document within moments (its index follows the database)
    for (let i = 0; i < 40 && (await pick.count()) === 0; i++) {
      await page.getByLabel('查找要置顶的文件').fill(`导入测试丙办法（${stamp}）`);
      await page.getByRole('button', { name: '查找' }).click();
      await page.waitForURL(/find=/);
    }
    await page.getByLabel('查询词').fill(`食堂${stamp}`);
    await pick.check();
    await page.getByRole('button', { name: '保存置顶' }).click();
    await page.waitForURL(/done=/);
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: `食堂${stamp}` })
        .textContent(),
    ).resolves.toContain('导入测试丙办法');
    await screen(page, 'policies-best-bets');
  });
});

test('Q&A: a pair flagged after its policy was amended is fixed in place from the list, reviewed and published (flag cleared)', async () => {
  const editor = bearer(await tokenFor(run.stack.issuerUrl, DEMO_USERS.editor));
  const reviewer = bearer(await tokenFor(run.stack.issuerUrl, DEMO_USERS.reviewer));
  const stamp = Date.now();
  const externalId = `e2e-console-fix-${stamp}`;
  const documentId = await publishedPolicy(
    run.stack,
    { editor, reviewer },
    {
      externalId,
      title: `江东市租房提取住房公积金办法（${stamp}）`,
      agency: '江东市住房公积金管理中心',
      body: '第一条 为规范租房提取住房公积金，制定本办法。\n第二条 租房提取住房公积金的，每月提取额不超过1500元。',
    },
  );
  const question = `租房提取公积金每月最多多少？（${stamp}）`;
  const pairId = await publishedPair(
    run.stack,
    { editor, reviewer },
    { question, answer: '每月不超过1200元。', citations: [{ documentId: externalId, anchor: '第二条', quote: '每月提取额不超过1500元' }] },
  );
  expect((await api(run.stack, 'POST', `/policies/${documentId}/amend`, {}, reviewer)).status).toBe(200);
  const pairNow = async () => (await api(run.stack, 'GET', `/qa/pairs/${pairId}`, undefined, editor)).json;
  await eventually(async () => expect((await pairNow()).status).toBe('NEEDS_UPDATE'), { timeoutMs: 30_000, intervalMs: 500 });

  await as(DEMO_USERS.editor, '/qa', async (page) => {
    const row = page.getByRole('row').filter({ hasText: question });
    await expect(row.textContent()).resolves.toContain('依据已变化，待更新');
    await row.getByRole('link', { name: `修改：${question}` }).click();
    await page.waitForURL(`**/qa/${pairId}/edit`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByText('（政策已变化）').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: /每月提取额不超过1500元/ }).isChecked()).resolves.toBe(true);
    await page.getByLabel('答复').fill('每月不超过1500元。');
    await screen(page, 'qa-pair-fix');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/qa\?done=/);
    expect(await notice(page)).toContain(`已提交审核：${question}`);
  });
  // still out of public view until a reviewer signs the fix off
  expect(await pairNow()).toMatchObject({ status: 'IN_REVIEW', answer: '每月不超过1500元。' });
  const approved = await api(run.stack, 'POST', `/qa/pairs/${pairId}/transitions`, { action: 'APPROVE' }, reviewer);
  expect(approved.status).toBe(200);
  expect(await pairNow()).toMatchObject({ status: 'PUBLISHED', citations: [{ anchor: 'art-2', state: 'VERIFIED' }] });
});

test('guides: an editor changes a matter (time limit, a material) and sees bundles and sites; a reviewer publishes it', async () => {
  const code = 'JD-GX-001';
  await as(DEMO_USERS.editor, '/guides', async (page) => {
    expect(await menu(page)).toEqual(['问答编辑', '问答提取助手', '未解答问题', '政策文件', '办事指南', '统计分析']);
    await screen(page, 'guides-list');
    await page.getByRole('link', { name: '中小微企业流动资金贷款贴息申请' }).click();
    await page.waitForURL(`**/guides/matters/${code}`);
    await page.getByLabel('承诺办结时限（工作日）').fill('15');
    const materials = page.getByRole('group', { name: '申请材料', exact: true });
    await materials.getByRole('button', { name: '添加材料' }).click();
    const added = page.getByRole('group', { name: '申请材料 第 5 项' });
    await added.getByLabel('材料名称').fill('营业执照');
    await added.getByLabel('形式').selectOption('电子');
    await added.getByLabel('必需', { exact: true }).check();
    await screen(page, 'guide-matter-edit');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/done=/);
    expect(await notice(page)).toContain('待另一位审核人发布');
    for (const [path, name] of [
      ['/guides/bundles', 'guides-bundles'],
      ['/guides/bundles/JD-YJS-KBQY', 'guides-bundle-edit'],
      ['/guides/sites', 'guides-sites'],
      ['/guides/sites/JD-SITE-01', 'guides-site-edit'],
      ['/guides/matters/new', 'guides-matter-new'],
    ] as const) {
      await go(page, path);
      await screen(page, name);
    }
    // opening hours in 24-hour time whatever the browser's locale (antd TimePicker, zh_CN)
    await go(page, '/guides/sites/JD-SITE-01');
    const opens = page.getByRole('group', { name: '每周开放时间 第 1 项' }).getByLabel('开始时间');
    await expect(opens.inputValue()).resolves.toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    const closes = page.getByRole('group', { name: '每周开放时间 第 1 项' }).getByLabel('结束时间');
    await closes.click();
    // the hour column lists 00–23 (a 12-hour picker would list 12 and add an AM/PM column)
    const hours = page.locator('.ant-picker-time-panel-column').first();
    await hours.waitFor();
    await expect(hours.locator('li').count()).resolves.toBe(24);
    await page.keyboard.press('Escape');
  });
  await as(DEMO_USERS.reviewer, `/guides/matters/${code}`, async (page) => {
    await screen(page, 'guide-matter-review');
    await tabToAndPress(page, page.getByRole('button', { name: '发布修改' }));
    await page.waitForURL(/done=/);
    expect(await notice(page)).toContain('已发布');
  });
  const published = await api(run.stack, 'GET', `/guides/${code}`);
  expect(published.json.promisedDays).toBe(15);
  expect(published.json.materials.map((m: { name: string }) => m.name)).toContain('营业执照');
});

test('every new content screen passes axe (serious and critical)', () => {
  expect(run.findings).toEqual([]);
});
