import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AppProcess } from '@govdisc/testing';
import { axeFindings, launchChromium, screenshotsOf, startNextApp } from '../browser.js';
import { StepTimes } from '../phase-time.js';
import { type Stack, type StackOptions, startStack } from '../stack.js';
import { loadDemo } from '../web/web-stack.js';

// What the console's browser suites share: one stack with the demo content, the console app, Chromium, sign-in on the
// issuer's login page, and a screenshot + axe check per screen.

export const consoleShots = screenshotsOf('console');

export interface ConsoleRun {
  stack: Stack;
  url: string;
  app: AppProcess;
  browser: Browser;
  /** axe's serious/critical findings collected by check(); a suite expects none */
  findings: string[];
  stop(): Promise<void>;
}

/** The whole platform with the demo content (as `npm start` loads it), the console on a free port and Chromium. */
export async function startConsole(stackOptions: StackOptions = {}): Promise<ConsoleRun> {
  const stack = await startStack(stackOptions);
  await loadDemo(stack);
  const { url, app } = await startNextApp('console', stack, (u) => ({ AUTH_REDIRECT_BASE: u }));
  const browser = await launchChromium(consoleShots);
  return {
    stack,
    url,
    app,
    browser,
    findings: [],
    async stop() {
      checks.print('screen checks');
      await browser.close();
      await app.stop();
      await stack.stop();
    },
  };
}

/** Signs in on the issuer's login page (demo password demo-<user>) and lands on `path`. */
export async function signIn(page: Page, url: string, user: string, path: string): Promise<void> {
  await page.goto(`${url}/auth/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(`demo-${user}`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${url}${path}`);
}

/** A screenshot of the open screen to test-output/console and axe's serious/critical findings into `findings`. */
export async function check(page: Page, name: string, findings: string[]): Promise<void> {
  // no hover styles left from the last click (the pointer stays where the button was, over whatever is there now)
  await page.mouse.move(0, 0);
  await checks.time('screenshot', () => page.screenshot({ path: join(consoleShots, `${name}.png`), fullPage: true }));
  findings.push(...(await checks.time('axe', () => axeFindings(page, name))));
}
/** What check() spent in this spec file (each file has its own module instance). */
const checks = new StepTimes();

/** The console menu's entries as the signed-in person sees them. */
export const menu = (page: Page) => page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link').allTextContents();
