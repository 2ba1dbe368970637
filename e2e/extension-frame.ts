/**
 * Evaluating in an extension frame inside a web page (the tooltip's tooltip.html), in both
 * browsers, including a raw script (axe-core's source is a script, not a function).
 *
 * - Chromium: the harness's `page.frame(urlPart)` (an out-of-process extension frame).
 * - Firefox: the harness cannot: WebDriver BiDi in Firefox hides every browsing context whose
 *   principal is an add-on's (`isBrowsingContextCompatible` in the remote agent's
 *   BrowsingContextUtils.sys.mjs, "until we support debugging webextensions", bug 1755014), so
 *   puppeteer's `page.frames()` and `browsingContext.getTree` never list the tooltip frame. The
 *   harness launches Firefox with `--remote-allow-system-access`, which lets BiDi evaluate in the
 *   browser's chrome window; from there `firefoxExtensionFrame` (below) finds the frame's
 *   BrowsingContext under the tab and evaluates in it through a process script, in a sandbox
 *   with the frame's own principal and no Xrays (like an evaluate in the frame's main world).
 *   A candidate for harness.ts.
 */
import type { Browser as PpBrowser } from 'puppeteer-core';
import type { Frame as PwFrame } from 'playwright-core';
import { sleep, type PageFunction, type TestBrowser, type TestFrame, type TestPage, type Truthy } from './harness';

const DEFAULT_TIMEOUT = 15_000;

/** A frame we can evaluate in, and run a raw script in (to inject axe-core). */
export interface ExtensionFrame extends TestFrame {
  evaluateScript(source: string): Promise<unknown>;
}

/** The first extension frame in `page` whose URL contains `urlPart` (waiting for it to load). */
export async function extensionFrame(browser: TestBrowser, page: TestPage, urlPart: string): Promise<ExtensionFrame> {
  if (page.browserName === 'chromium') {
    const testFrame = await page.frame(urlPart);
    const raw = page.raw.frames().find((f) => f.url().includes(urlPart));
    if (!raw) throw new Error(`The frame with a URL containing ${urlPart} disappeared`);
    return { ...testFrame, evaluateScript: (source) => chromiumEvaluateScript(raw, source) };
  }
  if (browser.name !== 'firefox') throw new Error('A Firefox page in a Chromium browser?');
  return firefoxExtensionFrame(browser.raw, page.raw.mainFrame(), urlPart);
}

// ---------------------------------------------------------------------------------------------
// Chromium: a raw script in the frame (axe-core's source is a script, not a function)
// ---------------------------------------------------------------------------------------------

async function chromiumEvaluateScript(frame: PwFrame, source: string): Promise<unknown> {
  // A string is evaluated as is (CDP Runtime.evaluate in the frame's main world; not subject to
  // the extension page's CSP).
  return frame.evaluate(`${source}\n;undefined`);
}

// ---------------------------------------------------------------------------------------------
// Firefox: evaluating in an extension frame (see the file comment)
// ---------------------------------------------------------------------------------------------

interface BidiConnection {
  send(method: string, params: object): Promise<{ result?: unknown }>;
}

interface FirefoxProbe {
  connection: BidiConnection;
  chromeContext: string;
  channel: string;
}

const probes = new WeakMap<PpBrowser, Promise<FirefoxProbe>>();

/**
 * Runs in every content process (a process script): on request, evaluates a script in a frame of
 * that process, in a sandbox with the frame's principal and without Xrays, and answers with the
 * JSON of the (awaited) value. Processes that do not host the frame stay silent.
 */
const PROCESS_SCRIPT = String.raw`
(() => {
  const CHANNEL = __CHANNEL__;
  const sandboxes = new WeakMap();
  Services.cpmm.addMessageListener(CHANNEL, (message) => {
    const { id, bcId, source } = message.data;
    const bc = BrowsingContext.get(bcId);
    if (!bc || !bc.docShell) return;
    const win = bc.docShell.domWindow;
    const reply = (data) => Services.cpmm.sendAsyncMessage(CHANNEL + ':result', { id, ...data });
    try {
      let sandbox = sandboxes.get(win);
      if (!sandbox) {
        sandbox = Cu.Sandbox(win, { sandboxPrototype: win, wantXrays: false, sameZoneAs: win, sandboxName: 'e2e extension frame probe' });
        sandboxes.set(win, sandbox);
      }
      const value = Cu.evalInSandbox(source, sandbox, undefined, 'e2e-tooltip-probe.js', 1);
      Promise.resolve(value).then(
        (json) => reply({ ok: true, json }),
        (error) => reply({ ok: false, error: String((error && error.stack) || error) }),
      );
    } catch (error) {
      reply({ ok: false, error: String((error && error.stack) || error) });
    }
  });
})();
`;

/** Chrome-window script: finds the frame under the tab and asks the process that hosts it. */
const CHROME_REQUEST = String.raw`
(async () => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const top = NavigableManager.getBrowsingContextById(__TAB__);
  if (!top) return JSON.stringify({ ok: false, missing: true, error: 'no tab with BiDi context ' + __TAB__ });
  const frame = top
    .getAllBrowsingContextsInSubtree()
    .find((c) => c.parent?.id === top.id && (c.currentWindowGlobal?.documentURI?.spec ?? '').includes(__URL_PART__));
  if (!frame) return JSON.stringify({ ok: false, missing: true, error: 'no frame with a URL containing ' + __URL_PART__ });
  const channel = __CHANNEL__;
  const id = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const done = (data) => {
      clearTimeout(timer);
      Services.ppmm.removeMessageListener(channel + ':result', listener);
      resolve(JSON.stringify(data));
    };
    const listener = (message) => { if (message.data.id === id) done(message.data); };
    const timer = setTimeout(() => done({ ok: false, error: 'no answer from the frame within 15 s' }), 15000);
    Services.ppmm.addMessageListener(channel + ':result', listener);
    Services.ppmm.broadcastAsyncMessage(channel, { id, bcId: frame.id, source: __SOURCE__ });
  });
})()
`;

async function chromeEvaluate(probe: Pick<FirefoxProbe, 'connection' | 'chromeContext'>, expression: string) {
  const response = (await probe.connection.send('script.evaluate', {
    expression,
    target: { context: probe.chromeContext },
    awaitPromise: true,
  })) as {
    result?: {
      type?: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
  };
  const result = response.result;
  if (result?.type !== 'success') throw new Error(`Chrome-scope evaluate failed: ${result?.exceptionDetails?.text}`);
  return result.result?.value;
}

function installProbe(browser: PpBrowser): Promise<FirefoxProbe> {
  let probe = probes.get(browser);
  if (!probe) {
    probe = (async () => {
      const connection = (browser as unknown as { connection?: BidiConnection }).connection;
      if (typeof connection?.send !== 'function') {
        throw new Error('puppeteer-core no longer exposes its BiDi connection (see e2e/extension-frame.ts)');
      }
      const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
        result?: { contexts?: { context: string; url: string }[] };
      };
      const chromeContext = tree.result?.contexts?.find((c) => c.url.startsWith('chrome://browser/'))?.context;
      if (!chromeContext) {
        throw new Error('No chrome window over BiDi: is Firefox launched with --remote-allow-system-access?');
      }
      const channel = `e2e-tooltip-probe:${Math.random().toString(36).slice(2)}`;
      const script = PROCESS_SCRIPT.replace('__CHANNEL__', JSON.stringify(channel));
      await chromeEvaluate(
        { connection, chromeContext },
        `Services.ppmm.loadProcessScript(${JSON.stringify('data:application/javascript;charset=utf-8,' + encodeURIComponent(script))}, true); 'ok'`,
      );
      return { connection, chromeContext, channel };
    })();
    probes.set(browser, probe);
  }
  return probe;
}

/** An ExtensionFrame over the extension frame of a Firefox tab whose URL contains `urlPart`. */
async function firefoxExtensionFrame(browser: PpBrowser, mainFrame: unknown, urlPart: string): Promise<ExtensionFrame> {
  const tab = (mainFrame as { _id?: unknown })._id;
  if (typeof tab !== 'string') throw new Error("puppeteer-core no longer exposes a frame's BiDi context id");
  const probe = await installProbe(browser);
  const run = async (source: string): Promise<unknown> => {
    const expression = CHROME_REQUEST.replaceAll('__TAB__', JSON.stringify(tab))
      .replaceAll('__URL_PART__', JSON.stringify(urlPart))
      .replaceAll('__CHANNEL__', JSON.stringify(probe.channel))
      .replace('__SOURCE__', () => JSON.stringify(source));
    const answer = JSON.parse(String(await chromeEvaluate(probe, expression))) as {
      ok: boolean;
      json?: string;
      error?: string;
      missing?: boolean;
    };
    if (!answer.ok) throw new Error(`In the extension frame: ${answer.error}`);
    return answer.json === undefined ? undefined : (JSON.parse(answer.json) as unknown);
  };
  // The same wrapping as harness.ts (a no-op __name for tsx's keepNames), then JSON out.
  const asScript = (fn: (arg: never) => unknown, arg: unknown): string =>
    `Promise.resolve(((__name) => (async () => (${fn.toString()})(${arg === undefined ? 'undefined' : JSON.stringify(arg)}))())((f) => f))` +
    `.then((v) => JSON.stringify(v === undefined ? null : v))`;
  const frame: ExtensionFrame = {
    url: () => run(`Promise.resolve(JSON.stringify(location.href))`) as Promise<string>,
    evaluate: async <R, A>(fn: PageFunction<A, R>, arg?: A) => (await run(asScript(fn, arg))) as R,
    waitForFunction: async <R, A>(fn: PageFunction<A, R>, arg?: A, options?: { timeout?: number }) => {
      const timeout = options?.timeout ?? DEFAULT_TIMEOUT;
      const deadline = Date.now() + timeout;
      let lastError: unknown;
      for (;;) {
        try {
          const value = (await run(asScript(fn, arg))) as R;
          if (value) return value as Truthy<R>;
        } catch (error) {
          lastError = error;
        }
        if (Date.now() > deadline)
          throw new Error(`waitForFunction: no truthy result within ${timeout} ms`, { cause: lastError });
        await sleep(100);
      }
    },
    // A script's completion value is its last expression: end with the JSON of null.
    evaluateScript: (source) => run(`${source}\n;'null'`),
  };
  // Fail now, with the reason, if the frame cannot be reached.
  await frame.waitForFunction(() => document.readyState === 'complete');
  return frame;
}
