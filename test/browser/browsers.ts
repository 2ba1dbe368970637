/**
 * The two system browsers behind one small interface, without the extension: Chromium through
 * playwright-core (CDP), Firefox ESR through puppeteer-core (WebDriver BiDi). Neither driver
 * downloads anything; a missing browser is an error naming the fix.
 */
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, systemBrowser, withTimeout } from '../system-browsers';

export { withTimeout };

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

/** Hang guards for the drivers, not assertions on time. */
export const LAUNCH_TIMEOUT = 60_000;
const CLOSE_TIMEOUT = 10_000;
const VIEWPORT = { width: 800, height: 600 };

export interface BrowserPage {
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page; a promise is awaited. */
  evaluate<R>(expression: string): Promise<R>;
  screenshot(): Promise<Buffer>;
  /** Uncaught errors of the page so far (stack or message). */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

export interface RunningBrowser {
  readonly name: BrowserName;
  readonly version: string;
  /** A page of 800×600 CSS pixels, fresh state (Chromium: a new context). */
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function launchChromium(): Promise<RunningBrowser> {
  const browser = await chromium.launch({
    executablePath: systemBrowser('chromium'),
    headless: true,
    timeout: LAUNCH_TIMEOUT,
    args: CHROMIUM_ARGS,
  });
  return {
    name: 'chromium',
    version: browser.version(),
    newPage: async () => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(errorText(error)));
      return {
        errors,
        goto: async (url) => {
          await page.goto(url, { waitUntil: 'load' });
        },
        evaluate: <R>(expression: string) => page.evaluate<R>(expression),
        screenshot: () => page.screenshot(),
        close: () => context.close(),
      };
    },
    close: () => withTimeout(browser.close(), CLOSE_TIMEOUT, 'Closing Chromium'),
  };
}

async function launchFirefox(): Promise<RunningBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: systemBrowser('firefox'),
    headless: true,
    timeout: LAUNCH_TIMEOUT,
  });
  return {
    name: 'firefox',
    version: await browser.version(),
    newPage: async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error: unknown) => errors.push(errorText(error)));
      await page.setViewport(VIEWPORT);
      return {
        errors,
        goto: async (url) => {
          await page.goto(url, { waitUntil: 'load' });
        },
        evaluate: async <R>(expression: string) => (await page.evaluate(expression)) as R,
        screenshot: async () => Buffer.from(await page.screenshot()),
        close: () => page.close(),
      };
    },
    close: async () => {
      try {
        await withTimeout(browser.close(), CLOSE_TIMEOUT, 'Closing Firefox');
      } catch {
        browser.process()?.kill('SIGKILL');
      }
    },
  };
}

export function launch(name: BrowserName): Promise<RunningBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
