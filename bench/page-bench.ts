/**
 * Page benchmark, one run in Chromium and one in Firefox ESR: generated pages of 0.1, 1 and 4 MB of text with the bundled
 * glossary's terms planted, and for each
 *   - ours: time from DOMContentLoaded until the first highlight is painted (the first screen), and
 *     until the content script has highlighted every term;
 *   - extra main-thread time (DevTools protocol `Performance.getMetrics` TaskDuration, and its
 *     ScriptDuration): the page with the extension, or with the floor pass, minus the bare page;
 *   - floor: a bare TreeWalker + one RegExp + Highlight API pass over the same page;
 *   - mark.js highlighting the same surface forms;
 *   - long tasks after DOMContentLoaded, with the extension and without it;
 *   - the memory (PSS) the page's renderer holds with the extension minus without, after a GC.
 * Prints a table; asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/page-bench.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { launchers, sleep } from '../e2e/harness';
import { systemBrowser } from '../test/system-browsers';
import { launch, type BenchBrowser } from './chromium';
import { makeFixture, surface, withServer } from './page-fixtures';
import { SCAN_MEASURE } from './extension-names';

const domContentLoaded = (page: Page) =>
  page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );

/** Main-thread time the page's renderer spent so far (DevTools protocol), in ms: all tasks, and script. */
async function mainThread(page: Page): Promise<{ task: number; script: number }> {
  const cdp = sessions.get(page)!;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  await cdp.detach();
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

const sessions = new WeakMap<Page, CDPSession>();
async function withMetrics(page: Page): Promise<Page> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  sessions.set(page, cdp);
  return page;
}

async function ours(page: Page, url: string) {
  await withMetrics(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => '__allHighlighted' in window, null, { timeout: 120_000 });
  const done = await page.evaluate(() => (window as unknown as { __allHighlighted: number }).__allHighlighted);
  await page.waitForFunction((measure) => performance.getEntriesByName(measure).length > 0, SCAN_MEASURE);
  const own = await page.evaluate((measure) => performance.getEntriesByName(measure)[0]!.duration, SCAN_MEASURE);
  await page.waitForTimeout(1500); // let trailing slices finish, as the baseline waits after load
  const dcl = await domContentLoaded(page);
  const first = await page.evaluate(() => (window as unknown as { __firstHighlight: number }).__firstHighlight);
  // The page's own first paint: no highlight can be seen before it.
  const paint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN);
  const tasks = await page.evaluate(
    (t) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (x) => x.start >= t,
      ),
    dcl,
  );
  return { ms: done - dcl, first: first - dcl, paint: paint - dcl, own, tasks, main: await mainThread(page) };
}

async function warmUp(browser: BenchBrowser, url: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  await page.close();
}

/** The renderers' memory (PSS) with only this page open, after a GC; closes the page. */
async function rendererMemory(browser: BenchBrowser, page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await page.waitForTimeout(500);
  const mb = browser.rendererMemoryMb();
  await page.close();
  return mb;
}

async function baseline(page: Page, url: string) {
  await withMetrics(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const dcl = await domContentLoaded(page);
  const tasks = await page.evaluate(
    (t) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (x) => x.start >= t,
      ),
    dcl,
  );
  return { tasks, main: await mainThread(page) };
}

async function floor(page: Page, url: string) {
  await withMetrics(page);
  await page.goto(`${url}?floor`, { waitUntil: 'load' });
  await page.waitForFunction(() => '__floor' in window);
  await page.waitForTimeout(1500);
  const dcl = await domContentLoaded(page);
  const result = await page.evaluate(() => (window as unknown as { __floor: { done: number; count: number } }).__floor);
  const tasks = await page.evaluate(
    (t) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (x) => x.start >= t,
      ),
    dcl,
  );
  return { ms: result.done - dcl, count: result.count, tasks, main: await mainThread(page) };
}

/** mark.js over the whole body, in the page (the same function for playwright and puppeteer). */
const MARK_ALL = (forms: string[]) =>
  new Promise<{ ms: number }>((resolve) => {
    const started = performance.now();
    // mark.js wraps every hit in an element: the page's DOM changes, which is what we avoid.
    const Mark = (window as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }).Mark;
    new Mark(document.body).mark(forms, {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: [',', '.', '(', ')', ':', ';'] },
      caseSensitive: true,
      done: () => resolve({ ms: performance.now() - started }),
    });
  });

async function markJs(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ url: '/mark.js' });
  return page.evaluate(MARK_ALL, surface);
}

const summary = (tasks: { duration: number }[]) =>
  `${tasks.length} (max ${tasks.length ? Math.round(Math.max(...tasks.map((t) => t.duration))) : 0} ms)`;

const sizes = [0.1, 1, 4];
const fixtures = new Map(sizes.map((mb) => [mb, makeFixture(mb * 1_000_000)]));
const pages = new Map([...fixtures].map(([mb, f]) => [`/${mb}mb.html`, f.html]));
const skipMark = process.argv.includes('--no-markjs');
const ms = (n: number) => n.toFixed(0);

await withServer(pages, async (base) => {
  const rows: string[][] = [];
  const withExt = await launch({ extension: true });
  const bare = await launch({ extension: false });
  try {
    // One load first, not counted: the first page after a browser starts pays for warming it up.
    await warmUp(withExt, `${base}/0.1mb.html`);
    await warmUp(bare, `${base}/0.1mb.html`);
    for (const mb of sizes) {
      const url = `${base}/${mb}mb.html`;
      const fixture = fixtures.get(mb)!;
      const oursPage = await withExt.context.newPage();
      const o = await ours(oursPage, url);
      const memOurs = await rendererMemory(withExt, oursPage);
      const floorPage = await bare.context.newPage();
      const f = await floor(floorPage, url);
      await floorPage.close();
      const barePage = await bare.context.newPage();
      const b = await baseline(barePage, url);
      const memBare = await rendererMemory(bare, barePage);
      const markPage = await bare.context.newPage();
      const m = skipMark ? null : await markJs(markPage, url);
      await markPage.close();
      const extra = o.main.task - b.main.task;
      const floorExtra = f.main.task - b.main.task;
      rows.push([
        `${mb} MB`,
        String(fixture.expected),
        ms(o.paint),
        ms(o.first),
        ms(o.ms),
        `${ms(extra)} (script ${ms(o.main.script - b.main.script)})`,
        `${ms(floorExtra)} (script ${ms(f.main.script - b.main.script)})`,
        (extra / floorExtra).toFixed(2) + '×',
        m ? ms(m.ms) : 'skipped',
        m ? (m.ms / o.ms).toFixed(0) + '×' : '—',
        summary(o.tasks),
        summary(f.tasks),
        summary(b.tasks),
        (memOurs - memBare).toFixed(1),
      ]);
    }
  } finally {
    await withExt.close();
    await bare.close();
  }
  const head = [
    'page',
    'terms',
    "the page's own first paint (ms after DOMContentLoaded)",
    'ours: first screen highlighted (ms after DOMContentLoaded)',
    'ours: every term (ms after DOMContentLoaded)',
    'ours: extra main-thread ms',
    'floor: extra main-thread ms',
    'ours / floor',
    'mark.js ms',
    'mark.js / ours',
    'long tasks, ours',
    'long tasks, floor',
    'long tasks, no highlighting',
    'renderer memory added, MB',
  ];
  console.log(
    '\nPage highlighting, Chromium (times from DOMContentLoaded; extra main-thread time over the bare page, DevTools protocol; long tasks after DOMContentLoaded)',
  );
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
});

// Firefox ESR: the same pages. Firefox has no DevTools-protocol metrics nor long-task entries, so
// this table gives the times (in-page timestamps, as above), the floor and mark.js.
await withServer(pages, async (base) => {
  const rows: string[][] = [];
  const withExt = await launchers.firefox();
  const bare = await puppeteer.launch({ browser: 'firefox', executablePath: systemBrowser('firefox'), headless: true });
  try {
    const warm = await withExt.newPage();
    await warm.goto(`${base}/0.1mb.html`);
    await sleep(1000);
    await warm.close();
    for (const mb of sizes) {
      const url = `${base}/${mb}mb.html`;
      const fixture = fixtures.get(mb)!;
      const page = await withExt.newPage();
      await page.goto(url);
      const o = await page.waitForFunction(
        () => {
          const w = window as unknown as { __allHighlighted?: number; __firstHighlight: number };
          if (w.__allHighlighted === undefined) return null;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {
            first: w.__firstHighlight - nav.domContentLoadedEventStart,
            all: w.__allHighlighted - nav.domContentLoadedEventStart,
          };
        },
        undefined,
        { timeout: 120_000 },
      );
      await page.close();
      const floorPage = await bare.newPage();
      await floorPage.goto(`${url}?floor`, { waitUntil: 'load' });
      await floorPage.waitForFunction(() => '__floor' in window, { timeout: 120_000 });
      const f = await floorPage.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const w = window as unknown as { __floor: { done: number; ms: number } };
        return { ms: w.__floor.ms, done: w.__floor.done - nav.domContentLoadedEventStart };
      });
      await floorPage.close();
      let m: number | null = null;
      if (!skipMark) {
        const markPage = await bare.newPage();
        await markPage.goto(url, { waitUntil: 'domcontentloaded' });
        await markPage.addScriptTag({ url: '/mark.js' });
        m = (await markPage.evaluate(MARK_ALL, surface)).ms;
        await markPage.close();
      }
      rows.push([
        `${mb} MB`,
        String(fixture.expected),
        ms(o.first),
        ms(o.all),
        ms(f.ms),
        m === null ? 'skipped' : ms(m),
        m === null ? '—' : (m / o.all).toFixed(0) + '×',
      ]);
    }
  } finally {
    await withExt.close();
    await bare.close();
  }
  const head = [
    'page',
    'terms',
    'ours: first screen highlighted (ms after DOMContentLoaded)',
    'ours: every term (ms after DOMContentLoaded)',
    'floor ms (one pass)',
    'mark.js ms',
    'mark.js / ours',
  ];
  console.log(
    '\nPage highlighting, Firefox ESR (times from DOMContentLoaded; no long-task or DevTools metrics in Firefox)',
  );
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
});
