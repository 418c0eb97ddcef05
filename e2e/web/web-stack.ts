import { type AppProcess, eventually } from '@govdisc/testing';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { DESKTOP, PHONE, axeFindings, launchChromium, screenshotsOf, startNextApp } from '../browser.js';
import { StepTimes, timedPhase } from '../phase-time.js';
import { type Stack, api, repoRoot } from '../stack.js';

export { DESKTOP, PHONE } from '../browser.js';

// page.evaluate() callbacks run in the browser; the DOM lib stays out of the e2e project (it retypes fetch()).
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

/** Where the browser tests put their screenshots (gitignored). */
export const screenshotDir = screenshotsOf('web');

/** The web app (apps/web, production build) as a process on a free port, pointing at the stack's gateway. */
export function startWeb(stack: Stack, env: Record<string, string> = {}): Promise<{ url: string; app: AppProcess }> {
  return startNextApp('web', stack, (url) => ({ PUBLIC_BASE_URL: url, ...env }));
}

/** A raster tile server for the /sites map: every tile is the portal's 192 px icon (a PNG), or 404 while `failing`. */
export interface TileServer {
  /** The XYZ template for MAP_TILE_URL. */
  template: string;
  hits: number;
  failing: boolean;
  close(): Promise<void>;
}

export async function startTileServer(): Promise<TileServer> {
  const png = readFileSync(join(repoRoot, 'apps/web/public/icon-192.png'));
  const tiles = { hits: 0, failing: false } as TileServer;
  const server: Server = createServer((req, res) => {
    tiles.hits++;
    if (tiles.failing || !/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  tiles.template = `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`;
  tiles.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return tiles;
}

/** The team-written demo content (demo/*.json) through the gateway, as `npm start` loads it; waits until search sees it. */
export function loadDemo(stack: Stack): Promise<void> {
  return timedPhase('demo content', () => loadDemoNow(stack));
}

async function loadDemoNow(stack: Stack): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_URL: stack.gatewayUrl };
  delete env.KEYCLOAK_URL;
  const out = await new Promise<{ code: number; text: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/demo-load.mjs'], { cwd: repoRoot, env });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('close', (code) => resolve({ code: code ?? -1, text }));
  });
  if (out.code !== 0) throw new Error(`demo-load failed:\n${out.text}`);
  await eventually(
    async () => {
      const res = await api(stack, 'GET', `/policies/search?q=${encodeURIComponent('租金')}`);
      expect(res.json.total).toBeGreaterThan(0);
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}

/** Debian's chromium-headless-shell (infra/scripts/ensure-chromium.sh installs it, ADR 0042); Playwright's own download is never used. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium(screenshotDir);
}

export async function newContext(
  browser: Browser,
  url: string,
  opts: { elder?: boolean; phone?: boolean; javaScript?: boolean; cookies?: Cookie[] } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    ...(opts.phone ? PHONE : DESKTOP),
    javaScriptEnabled: opts.javaScript ?? true,
  });
  if (opts.elder) await context.addCookies([{ name: 'elder', value: '1', url }]);
  // A signed-in person's session cookies, taken from another context (the session itself is held by the web server).
  if (opts.cookies) await context.addCookies(opts.cookies);
  return context;
}

/** A fresh browser context (desktop or phone, normal or 长辈版, JavaScript on or off) for one test step. */
export async function withPage<T>(
  browser: Browser,
  url: string,
  opts: Parameters<typeof newContext>[2],
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser, url, opts);
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/**
 * Every page at desktop and 360 px, in normal or 长辈版 mode: a screenshot each, axe's serious and critical WCAG 2.1
 * A/AA findings, console and page errors (hydration mismatches show up there in production React) and, on the phone,
 * anything wider than the screen. Returns what was found, one line each; nothing found is a pass. `cookies` (a
 * signed-in session) audit the pages behind sign-in.
 */
export async function auditPages(
  browser: Browser,
  url: string,
  pages: [name: string, path: string][],
  elder: boolean,
  cookies?: Cookie[],
): Promise<string[]> {
  const found: string[] = [];
  const mode = elder ? 'elder' : 'normal';
  const steps = new StepTimes();
  for (const phone of [false, true]) {
    await withPage(browser, url, { elder, phone, cookies }, async (page) => {
      let current = '';
      page.on(
        'console',
        (m) => void (m.type() === 'error' && !/status of 404/.test(m.text()) && found.push(`${current}: console error ${m.text()}`)),
      );
      page.on('pageerror', (e) => void found.push(`${current}: page error ${e.message}`));
      for (const [name, path] of pages) {
        current = `${name} (${mode}${phone ? ', 360 px' : ''})`;
        await steps.time('goto', () => page.goto(`${url}${path}`, { waitUntil: 'networkidle' }));
        if (elder && !(await page.locator('html').getAttribute('class'))?.includes('elder')) found.push(`${current}: not in 长辈版`);
        await steps.time('screenshot', () =>
          page.screenshot({ path: join(screenshotDir, `${name}-${mode}-${phone ? '360' : 'desktop'}.png`), fullPage: true }),
        );
        if (phone) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) found.push(`${current}: page is ${overflow}px wider than the screen`);
        }
        found.push(...(await steps.time('axe', () => axeFindings(page, current))));
      }
    });
  }
  steps.print(`audit of ${pages.length} pages × 2 sizes (${mode})`);
  return found;
}
