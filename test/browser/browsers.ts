/**
 * The two system browsers behind one small interface, without the extension: Chromium through
 * playwright-core (CDP), Firefox ESR through puppeteer-core (WebDriver BiDi). Neither driver
 * downloads anything; a missing browser is an error naming the fix.
 */
import { accessSync, constants as fsConstants } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

/** Hang guards for the drivers, not assertions on time. */
export const LAUNCH_TIMEOUT = 60_000;
const CLOSE_TIMEOUT = 10_000;
const VIEWPORT = { width: 800, height: 600 };

const INSTALL_HINT =
  'Install the system browsers with `bash scripts/install-browsers.sh` (or `apt-get install -y chromium firefox-esr`), ' +
  'or point CHROMIUM_PATH / FIREFOX_PATH at an installed binary. Browser tests never download browsers.';

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

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function executable(envName: string, fallback: string): string {
  const file = process.env[envName] ?? fallback;
  try {
    accessSync(file, fsConstants.X_OK);
  } catch {
    throw new Error(`No browser at ${file} (set by ${envName} or the default). ${INSTALL_HINT}`);
  }
  return file;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function launchChromium(): Promise<RunningBrowser> {
  const browser = await chromium.launch({
    executablePath: executable('CHROMIUM_PATH', '/usr/bin/chromium'),
    headless: true,
    timeout: LAUNCH_TIMEOUT,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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
    executablePath: executable('FIREFOX_PATH', '/usr/bin/firefox-esr'),
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
