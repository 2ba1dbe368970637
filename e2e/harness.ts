/**
 * Real-browser harness: one fixture server and one thin adapter over two drivers, so a test is
 * written once and runs in Chromium (playwright-core, CDP) and Firefox (puppeteer-core, WebDriver BiDi).
 *
 * Nothing here downloads a browser or touches the network: fixtures are served on 127.0.0.1 and
 * the browsers come from the system (CHROMIUM_PATH / FIREFOX_PATH). See e2e/README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Frame as PwFrame, type Page as PwPage } from 'playwright-core';
import { CHROMIUM_ARGS, systemBrowser, withTimeout } from '../test/system-browsers';
import puppeteer, { type Browser as PpBrowser, type Frame as PpFrame, type Page as PpPage } from 'puppeteer-core';

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
export const FIXTURES_DIR = path.join(E2E_DIR, 'fixtures');
export const ARTIFACTS_DIR = path.join(E2E_DIR, '.artifacts');

/** Per-test budget; a hung browser fails its test instead of stalling the run. */
export const TEST_TIMEOUT = 60_000;
/** Budget for launching a browser and installing the extension (a `before` hook). */
export const LAUNCH_TIMEOUT = 60_000;
/** Default budget for one driver action (navigation, waitForFunction, …). */
const ACTION_TIMEOUT = 15_000;
const CLOSE_TIMEOUT = 10_000;

// ---------------------------------------------------------------------------------------------
// Fixture server
// ---------------------------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

export interface FixtureServer {
  /** e.g. http://127.0.0.1:43121 */
  readonly origin: string;
  /** The same fixtures on a second port: a different origin, for cross-origin iframes. */
  readonly otherOrigin: string;
  /** Absolute URL of a fixture, e.g. url('smoke.html'). */
  url(fixture: string, options?: { crossOrigin?: boolean }): string;
  close(): Promise<void>;
}

/**
 * Serves e2e/fixtures/ on two random ports of 127.0.0.1 (two origins).
 *
 * - Extra response headers for a fixture live beside it: `csp.html.headers.json` holds
 *   `{ "Content-Security-Policy": "default-src 'self'" }` for `csp.html`.
 * - In .html fixtures, `{{ORIGIN}}` and `{{OTHER_ORIGIN}}` are replaced by the two origins, so a
 *   page can embed a cross-origin iframe. Relative links reach other fixtures on the same origin.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const servers: Server[] = [];
  const origins: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    serveFixture(req, res, origins).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  };
  for (let i = 0; i < 2; i++) {
    const server = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const [origin, otherOrigin] = origins as [string, string];
  return {
    origin,
    otherOrigin,
    url: (fixture, options) => new URL(fixture, (options?.crossOrigin ? otherOrigin : origin) + '/').href,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

async function serveFixture(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://fixture.invalid');
  const file = path.resolve(FIXTURES_DIR, '.' + decodeURIComponent(pathname));
  const isInside = file.startsWith(FIXTURES_DIR + path.sep);
  if (!isInside || file.endsWith('.headers.json') || !(await isFile(file))) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`No fixture at ${pathname}`);
    return;
  }
  const ext = path.extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  };
  const sidecar = file + '.headers.json';
  if (await isFile(sidecar)) {
    Object.assign(headers, JSON.parse(await readFile(sidecar, 'utf8')) as Record<string, string>);
  }
  let body = await readFile(file);
  if (ext === '.html') {
    const [origin = '', otherOrigin = ''] = origins;
    body = Buffer.from(
      body.toString('utf8').replaceAll('{{ORIGIN}}', origin).replaceAll('{{OTHER_ORIGIN}}', otherOrigin),
      'utf8',
    );
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

// ---------------------------------------------------------------------------------------------
// The common interface
// ---------------------------------------------------------------------------------------------

export type BrowserName = 'chromium' | 'firefox';

/** A function run in the page. It is sent as source text, and `arg` as JSON. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** What waitForFunction can resolve to: the predicate's result minus the falsy values it waits past. */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export interface TestFrame {
  /** The document's real URL (asked from the page: puppeteer's cached URL can be stale in Firefox). */
  url(): Promise<string>;
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` every 100 ms until it returns a truthy value, and returns that value. */
  waitForFunction<R, A = undefined>(
    fn: PageFunction<A, R>,
    arg?: A,
    options?: { timeout?: number },
  ): Promise<Truthy<R>>;
}

interface TestPageBase extends TestFrame {
  /** Navigates and waits for `load`. Extension URLs (chrome-extension://, moz-extension://) work in both browsers. */
  goto(url: string): Promise<void>;
  /** The first frame whose URL contains `urlPart`, waiting for it to attach. */
  frame(urlPart: string, options?: { timeout?: number }): Promise<TestFrame>;
  click(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Key names as in both drivers: 'Escape', 'Enter', 'ArrowDown', 'Tab', … */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface ChromiumTestPage extends TestPageBase {
  readonly browserName: 'chromium';
  readonly raw: PwPage;
}

export interface FirefoxTestPage extends TestPageBase {
  readonly browserName: 'firefox';
  readonly raw: PpPage;
}

export type TestPage = ChromiumTestPage | FirefoxTestPage;

interface TestBrowserBase<P extends TestPage> {
  /** The profile directory; pass it to a new launch to restart the browser on the same profile. */
  readonly profileDir: string;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  readonly extensionBaseUrl: string;
  readonly extensionId: string;
  /** The unpacked build that was loaded. */
  readonly extensionDir: string;
  newPage(): Promise<P>;
  /** Absolute URL of an extension page, e.g. extensionUrl('popup.html'). */
  extensionUrl(pagePath: string): string;
  /** A new tab showing an extension page, loaded. */
  openExtensionPage(pagePath: string): Promise<P>;
  /** Closes the browser; removes the profile unless it was passed in by the caller. */
  close(): Promise<void>;
}

export interface ChromiumTestBrowser extends TestBrowserBase<ChromiumTestPage> {
  readonly name: 'chromium';
  readonly raw: BrowserContext;
}

export interface FirefoxTestBrowser extends TestBrowserBase<FirefoxTestPage> {
  readonly name: 'firefox';
  readonly raw: PpBrowser;
}

export type TestBrowser = ChromiumTestBrowser | FirefoxTestBrowser;

export interface LaunchOptions {
  /** Reuse a profile (e.g. from a previous launch) instead of a fresh temporary one. It is kept on close. */
  profileDir?: string;
  /** The unpacked extension to load; defaults to the build in .output/ (env: CHROMIUM_EXTENSION_DIR / FIREFOX_EXTENSION_DIR). */
  extensionDir?: string;
  /** Chromium only: command-line switches added to the usual ones. */
  chromiumArgs?: string[];
  /** Firefox only: prefs added to the profile's (e.g. a small storage limit for a quota fault). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export const launchers: Record<BrowserName, (options?: LaunchOptions) => Promise<TestBrowser>> = {
  chromium: (options) => launchChromium(options),
  firefox: (options) => launchFirefox(options),
};

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/**
 * The page function as one self-contained expression. tsx compiles with esbuild's keepNames, which
 * wraps named inner functions in `__name(…)`, a helper that exists only in Node; the wrapper gives
 * the page a local no-op `__name`. Sending the argument as JSON keeps both drivers identical.
 */
function pageExpression(fn: (arg: never) => unknown, arg: unknown): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `((__name) => (async () => (${fn.toString()})(${json}))())((f) => f)`;
}

/** Waits `ms` (to let a pointer rest, or between polls); never a substitute for waiting on a state. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Errors that only mean "the document is being replaced": poll again. */
const TRANSIENT = /context was destroyed|Cannot find context|navigat|detached|No realm|no such frame/i;

/**
 * A TestFrame over one primitive, "evaluate this expression in the frame's main world".
 *
 * waitForFunction polls from Node on purpose: the drivers' own waitForFunction evaluates the
 * predicate with eval() inside the page (playwright: `globalThis.eval`), which a page CSP without
 * 'unsafe-eval' blocks (seen: EvalError on csp.html, intermittently). Driver-level evaluation is not
 * subject to the page's CSP.
 */
function makeFrame(run: (expression: string) => Promise<unknown>, url: () => Promise<string>): TestFrame {
  return {
    url,
    evaluate: async <R, A>(fn: PageFunction<A, R>, arg?: A) => (await run(pageExpression(fn, arg))) as R,
    waitForFunction: async <R, A>(fn: PageFunction<A, R>, arg?: A, options?: { timeout?: number }) => {
      const timeout = options?.timeout ?? ACTION_TIMEOUT;
      const deadline = Date.now() + timeout;
      const expression = pageExpression(fn, arg);
      let lastError: unknown;
      for (;;) {
        try {
          const value = await withTimeout(run(expression), Math.max(deadline - Date.now(), 1_000), 'waitForFunction');
          if (value) return value as Truthy<R>;
        } catch (error) {
          if (!(error instanceof Error) || !TRANSIENT.test(error.message)) throw error;
          lastError = error;
        }
        if (Date.now() >= deadline) {
          throw new Error(`waitForFunction: no truthy result within ${timeout} ms`, { cause: lastError });
        }
        await sleep(100);
      }
    },
  };
}

function resolveExtensionDir(explicit: string | undefined, envName: string, build: string, command: string): string {
  const dir = path.resolve(REPO_ROOT, explicit ?? process.env[envName] ?? build);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No extension build at ${dir} (manifest.json missing). Run \`${command}\` first (\`npm test\` builds both).`,
    );
  }
  return dir;
}

async function makeProfile(
  explicit: string | undefined,
  browser: BrowserName,
): Promise<{ dir: string; temporary: boolean }> {
  if (explicit) {
    await mkdir(explicit, { recursive: true });
    return { dir: explicit, temporary: false };
  }
  return { dir: await mkdtemp(path.join(tmpdir(), `benelux-e2e-${browser}-`)), temporary: true };
}

async function removeProfile(profile: { dir: string; temporary: boolean }): Promise<void> {
  if (profile.temporary) await rm(profile.dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Screenshot to e2e/.artifacts/<name>.png (best effort; used when a test fails). */
export async function saveFailureScreenshot(page: TestPage, name: string): Promise<string | null> {
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  try {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await withTimeout(page.screenshot(file), 5_000, 'screenshot');
    return file;
  } catch {
    return null;
  }
}

/** Runs `body` with a new page; on failure saves a screenshot; always closes the page. */
export async function withPage(
  browser: TestBrowser,
  name: string,
  body: (page: TestPage) => Promise<void>,
): Promise<void> {
  const page = await browser.newPage();
  try {
    await body(page);
  } catch (error) {
    const shot = await saveFailureScreenshot(page, `${browser.name}-${name}`);
    if (shot && error instanceof Error) error.message += `\n(screenshot: ${path.relative(REPO_ROOT, shot)})`;
    throw error;
  } finally {
    await page.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium: playwright-core over CDP
// ---------------------------------------------------------------------------------------------

function chromiumFrame(frame: PwFrame): TestFrame {
  return makeFrame(
    (expression) => frame.evaluate(expression),
    () => Promise.resolve(frame.url()),
  );
}

function chromiumPage(page: PwPage): ChromiumTestPage {
  return {
    ...chromiumFrame(page.mainFrame()),
    browserName: 'chromium',
    raw: page,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    frame: async (urlPart, options) => {
      const deadline = Date.now() + (options?.timeout ?? ACTION_TIMEOUT);
      for (;;) {
        const found = page.frames().find((f) => f.url().includes(urlPart));
        if (found) return chromiumFrame(found);
        if (Date.now() > deadline) throw new Error(`No frame with a URL containing ${urlPart}`);
        await sleep(100);
      }
    },
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumTestBrowser> {
  const executablePath = systemBrowser('chromium');
  const extensionDir = resolveExtensionDir(
    options.extensionDir,
    'CHROMIUM_EXTENSION_DIR',
    '.output/chrome-mv3',
    'npm run build',
  );
  const profile = await makeProfile(options.profileDir, 'chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath,
      headless: true,
      timeout: LAUNCH_TIMEOUT,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...CHROMIUM_ARGS,
        ...(options.chromiumArgs ?? []),
      ],
    });
    context.setDefaultTimeout(ACTION_TIMEOUT);
    const isOurs = (url: string): boolean => url.startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find((w) => isOurs(w.url())) ??
      (await context
        .waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: ACTION_TIMEOUT })
        .catch(() => {
          throw new Error(
            `The extension's service worker did not start: is ${extensionDir} a working MV3 build with a background?`,
          );
        }));
    const extensionId = new URL(worker.url()).host;
    const extensionBaseUrl = `chrome-extension://${extensionId}`;
    const ctx = context;
    const newPage = async (): Promise<ChromiumTestPage> => chromiumPage(await ctx.newPage());
    return {
      name: 'chromium',
      raw: ctx,
      profileDir: profile.dir,
      extensionId,
      extensionDir,
      extensionBaseUrl,
      newPage,
      extensionUrl: (pagePath) => `${extensionBaseUrl}/${pagePath.replace(/^\//, '')}`,
      openExtensionPage: async (pagePath) => {
        const page = await newPage();
        await page.goto(`${extensionBaseUrl}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      close: async () => {
        try {
          await withTimeout(ctx.close(), CLOSE_TIMEOUT, 'Closing Chromium');
        } finally {
          await removeProfile(profile);
        }
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await removeProfile(profile);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi
// ---------------------------------------------------------------------------------------------

/** Fixed, so extension URLs are known before launch and stay the same across relaunches. */
export const FIREFOX_EXTENSION_UUID = '5b3f0c2e-8a41-4d6e-9c7b-2e1f4a6d8b90';

/** The narrow part of puppeteer's BiDi connection we use. */
interface BidiConnection {
  send(
    method: 'browsingContext.navigate',
    params: { context: string; url: string; wait: 'none' | 'interactive' | 'complete' },
  ): Promise<unknown>;
}

/**
 * Firefox refuses `page.goto('moz-extension://…')` over BiDi unless launched with
 * `--remote-allow-system-access`; with it, the navigation itself works but Firefox sends no
 * `domContentLoaded`/`load` events for the extension document, so puppeteer's goto waits forever.
 * A raw `browsingContext.navigate` with `wait: 'complete'` returns once the page has loaded, and
 * evaluate, input, and screenshots work on the page afterwards. Both the connection and the frame's
 * BiDi context id are public at runtime but not in puppeteer's types, hence the checked casts.
 */
async function bidiNavigate(browser: PpBrowser, page: PpPage, url: string): Promise<void> {
  const connection = (browser as unknown as { connection?: Partial<BidiConnection> }).connection;
  const context = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof connection?.send !== 'function' || typeof context !== 'string') {
    throw new Error(
      'puppeteer-core no longer exposes its BiDi connection / context id; see bidiNavigate in e2e/harness.ts',
    );
  }
  await withTimeout(
    (connection as BidiConnection).send('browsingContext.navigate', { context, url, wait: 'complete' }),
    ACTION_TIMEOUT,
    `Navigating to ${url}`,
  );
}

/**
 * Firefox sometimes fails a navigation with NS_BINDING_ABORTED although the page loads: seen in
 * about 1 of 15-30 loads of the fixture pages with iframes and 1 of 30 loads of popup.html, with the
 * real build only (a stand-in add-on, even one with a module script + modulepreload, never did;
 * cause not found). Accept the navigation only if the document really is at `url` and loaded.
 */
async function toleratingAbortReports(page: PpPage, url: string, navigate: () => Promise<void>): Promise<void> {
  try {
    await navigate();
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('NS_BINDING_ABORTED')) throw error;
    const loaded = await firefoxFrame(page.mainFrame())
      .waitForFunction(
        (target) => location.href.split('#')[0] === target.split('#')[0] && document.readyState === 'complete',
        url,
      )
      .then(
        () => true,
        () => false,
      );
    if (!loaded) throw error;
  }
}

function firefoxFrame(frame: PpFrame): TestFrame {
  return makeFrame(
    (expression) => frame.evaluate(expression),
    // After a raw BiDi navigation puppeteer still reports the old URL; the document knows better.
    async () => (await frame.evaluate('location.href')) as string,
  );
}

function firefoxPage(browser: PpBrowser, page: PpPage): FirefoxTestPage {
  return {
    ...firefoxFrame(page.mainFrame()),
    browserName: 'firefox',
    raw: page,
    goto: (url) =>
      toleratingAbortReports(page, url, () =>
        url.startsWith('moz-extension://')
          ? bidiNavigate(browser, page, url)
          : page.goto(url, { waitUntil: 'load' }).then(() => undefined),
      ),
    frame: async (urlPart, options) => {
      const deadline = Date.now() + (options?.timeout ?? ACTION_TIMEOUT);
      for (;;) {
        const found = page.frames().find((f) => f.url().includes(urlPart));
        if (found) return firefoxFrame(found);
        if (Date.now() > deadline) throw new Error(`No frame with a URL containing ${urlPart}`);
        await sleep(100);
      }
    },
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]),
    type: (text) => page.keyboard.type(text),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxTestBrowser> {
  const executablePath = systemBrowser('firefox');
  const extensionDir = resolveExtensionDir(
    options.extensionDir,
    'FIREFOX_EXTENSION_DIR',
    '.output/firefox-mv2',
    'npm run build:firefox',
  );
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const profile = await makeProfile(options.profileDir, 'firefox');
  let browser: PpBrowser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      timeout: LAUNCH_TIMEOUT,
      userDataDir: profile.dir,
      // Lets BiDi navigate a tab to moz-extension:// pages (see bidiNavigate).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        // installExtension() adds a temporary add-on, removed at shutdown; these keep its UUID
        // and its data (IndexedDB, storage.local) for a relaunch on the same profile.
        'extensions.webextensions.keepUuidOnUninstall': true,
        'extensions.webextensions.keepStorageOnUninstall': true,
        // permissions.request() answered yes without a prompt (the PDF viewer asks for one site).
        'extensions.webextOptionalPermissionPrompts': false,
        ...options.firefoxPrefs,
      },
    });
    const installedId = await withTimeout(
      browser.installExtension(extensionDir),
      ACTION_TIMEOUT,
      'Installing the add-on',
    );
    if (installedId !== geckoId) throw new Error(`Installed add-on id ${installedId}, expected ${geckoId}`);
    const b = browser;
    const extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const newPage = async (): Promise<FirefoxTestPage> => {
      const page = await b.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT);
      return firefoxPage(b, page);
    };
    return {
      name: 'firefox',
      raw: b,
      profileDir: profile.dir,
      extensionId: geckoId,
      extensionDir,
      extensionBaseUrl,
      newPage,
      extensionUrl: (pagePath) => `${extensionBaseUrl}/${pagePath.replace(/^\//, '')}`,
      openExtensionPage: async (pagePath) => {
        const page = await newPage();
        await page.goto(`${extensionBaseUrl}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      close: async () => {
        try {
          await withTimeout(b.close(), CLOSE_TIMEOUT, 'Closing Firefox');
        } catch (error) {
          b.process()?.kill('SIGKILL');
          throw error;
        } finally {
          await removeProfile(profile);
        }
      },
    };
  } catch (error) {
    if (browser) {
      await withTimeout(browser.close(), CLOSE_TIMEOUT, 'Closing Firefox').catch(() =>
        browser?.process()?.kill('SIGKILL'),
      );
    }
    await removeProfile(profile);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Suite helpers: what every suite file did the same way
// ---------------------------------------------------------------------------------------------

/** The browsers every suite runs in. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * Inside a `describe`: launches `name` before its tests and closes it after; returns the running
 * browser (throwing a clear error if the launch failed, so the tests report why).
 */
export function useBrowser(name: BrowserName, options?: LaunchOptions): () => TestBrowser {
  let browser: TestBrowser | undefined;
  before(
    async () => {
      browser = await launchers[name](options);
    },
    { timeout: LAUNCH_TIMEOUT },
  );
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error(`${name} did not launch (see the before hook's error)`);
    return browser;
  };
}

/** At a file's top level: serves the fixtures for its tests; returns a fixture's URL by name. */
export function useFixtures(): (name: string) => string {
  let server: FixtureServer | undefined;
  before(async () => {
    server = await startFixtureServer();
  });
  after(async () => {
    await server?.close();
  });
  return (name) => {
    if (!server) throw new Error('The fixture server did not start');
    return server.url(name);
  };
}
