import { AppProcess, freePort } from '@govdisc/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axeCore from 'axe-core';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { timedPhase } from './phase-time.js';
import { type Stack, repoRoot } from './stack.js';

// What the browser tests of both web apps (e2e/web: the portal, e2e/console: the staff console) share.

/** Where the browser tests put their screenshots (gitignored), one folder per app. */
export const screenshotsOf = (app: string): string => join(repoRoot, 'test-output', app);

/** A Next.js app (its production build, scripts/serve.mjs) as a process on a free port, pointing at the stack's gateway. */
export async function startNextApp(
  name: 'web' | 'console',
  stack: Stack,
  env: (url: string) => Record<string, string>,
): Promise<{ url: string; app: AppProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = new AppProcess(
    name,
    join(repoRoot, `apps/${name}/scripts/serve.mjs`),
    { GATEWAY_URL: stack.gatewayUrl, HTTP_PORT: String(port), ...env(url) },
    `${url}/ready`,
  );
  await timedPhase(`${name} app`, () => app.start(60_000));
  return { url, app };
}

/** Debian's chromium-headless-shell (infra/scripts/ensure-chromium.sh installs it, ADR 0042); Playwright's own download is never used. */
export function launchChromium(screenshotDir: string): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return timedPhase('chromium', () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium-headless-shell',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  );
}

export const DESKTOP = { viewport: { width: 1280, height: 900 } };
// Scale 1 keeps full-page phone screenshots small and quick to encode.
export const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/**
 * axe's serious and critical WCAG 2.1 A/AA findings on the open page, one line each. A page without frames is checked
 * with axe.run() in the page itself (setLegacyMode): the default runs axe per frame and then again in a new blank tab to
 * merge the frames' results — a renderer process, a second axe injection and the results through the test process per
 * check, ~0.45 CPU-s each (ADR 0021), for the same rules and the same findings when there is only one frame.
 * Legacy mode as AxeBuilder 4.14 does it evaluates axe-core's 550 KB source twice in that frame (once in analyze(),
 * again in inject()): here it is evaluated once and AxeBuilder gets a stand-in, so it only configures and runs (ADR 0037).
 * resultTypes: every rule still runs on every node, but only violations are reported in full: axe otherwise builds a
 * selector and an HTML snippet for each node that passed (every text node for color-contrast) and sends them all back.
 */
export async function axeFindings(page: Page, label: string): Promise<string[]> {
  const oneFrame = page.frames().length === 1;
  if (oneFrame) await page.evaluate(axeCore.source);
  const axe = new AxeBuilder({ page, axeSource: oneFrame ? AXE_ALREADY_IN_PAGE : undefined })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] });
  const { violations } = await axe.setLegacyMode(oneFrame).analyze();
  return violations
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((v) => `${label}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
/** What AxeBuilder evaluates in place of axe-core's source when axeFindings has put axe in the page already. */
const AXE_ALREADY_IN_PAGE = 'if (typeof window.axe?.run !== "function") throw new Error("axe-core is not in the page");';

/** Runs fn with a fresh page in a fresh context, closing it afterwards. */
export async function inContext<T>(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0],
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}
