/**
 * Page benchmark, one Chromium run: generated pages of 0.1, 1 and 4 MB of text with the bundled
 * glossary's terms planted, and for each
 *   - ours: time from DOMContentLoaded until the first highlight is painted (the first screen), and
 *     until the content script has highlighted every term;
 *   - extra main-thread time (DevTools protocol `Performance.getMetrics` TaskDuration, and its
 *     ScriptDuration): the page with the extension, or with the floor pass, minus the bare page;
 *   - floor: a bare TreeWalker + one RegExp + Highlight API pass over the same page;
 *   - mark.js highlighting the same surface forms;
 *   - long tasks after DOMContentLoaded, with the extension and without it.
 * Prints a table; asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/page-bench.ts
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { launch } from './chromium';
import { HIGHLIGHT_NAME, SCAN_MEASURE } from './extension-names';
import type { Glossary } from '../core/glossary-schema';
import { buildTermIndex } from '../core/term-index';
import { compileMatcher } from '../core/term-matcher';
import { prng } from '../test/prng';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const terms = buildTermIndex(glossary.entries);
const matcher = compileMatcher(terms);
const surface = glossary.entries.filter((e) => e.highlight).flatMap((e) => e.aliases.map((a) => a.text));

const WORDS = (
  'de het een en van in op te dat die voor met is zijn niet aan er om ook als bij door over naar the of and to ' +
  'samenwerking grensoverschrijdende voorzitterschap regering ministers landen beleid cooperation presidency ' +
  'government policy energie klimaat veiligheid energy climate security café coördinatie België'
).split(' ');

/** Paragraphs of ~600 characters, a planted glossary form every ~40 words. */
function paragraphs(bytes: number, seed: number): string[] {
  const random = prng(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    while (words.join(' ').length < 600) {
      words.push(
        random() < 0.025
          ? surface[Math.floor(random() * surface.length)]!
          : WORDS[Math.floor(random() * WORDS.length)]!,
      );
    }
    const text = words.join(' ') + '.';
    out.push(text);
    size += text.length;
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Fixture {
  html: string;
  expected: number;
}
function makeFixture(bytes: number): Fixture {
  const paras = paragraphs(bytes, bytes);
  const expected = paras.reduce((n, p) => n + matcher.find(p).length, 0);
  // ?floor runs the floor pass at DOMContentLoaded, so it is timed from the same moment as ours.
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bench</title>
<script>globalThis.__name=(f)=>f;window.__longTasks=[];
(function poll(){ if ((CSS.highlights.get(${JSON.stringify(HIGHLIGHT_NAME)})?.size ?? 0) > 0) window.__firstHighlight = performance.now(); else requestAnimationFrame(poll); })();new PerformanceObserver(l=>{for(const e of l.getEntries())window.__longTasks.push({start:e.startTime,duration:e.duration})}).observe({type:'longtask',buffered:true});
if (location.search.includes('floor')) document.addEventListener('DOMContentLoaded', () => { window.__floor = (${FLOOR.toString()})(${JSON.stringify(surface)}); window.__floor.done = performance.now(); });</script>
</head><body>${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</body></html>`;
  return { html, expected };
}

const FLOOR = (forms: string[]) => {
  const started = performance.now();
  const re = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${forms
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'gu',
  );
  const h = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    for (const m of text.matchAll(re)) {
      h.add(
        new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }),
      );
    }
  }
  CSS.highlights.set('floor', h);
  return { ms: performance.now() - started, count: h.size };
};

async function withServer<T>(pages: Map<string, string>, run: (base: string) => Promise<T>): Promise<T> {
  const markJs = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');
  const server = createServer((req, res) => {
    const route = (req.url ?? '').split('?')[0] ?? '';
    const body = route === '/mark.js' ? markJs : pages.get(route);
    if (body === undefined) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': req.url === '/mark.js' ? 'text/javascript' : 'text/html; charset=utf-8' })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

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

async function ours(page: Page, url: string, expected: number) {
  await withMetrics(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    ([name, n]) => (CSS.highlights.get(name)?.size ?? 0) >= n,
    [HIGHLIGHT_NAME, expected] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  const done = await page.evaluate(() => performance.now());
  await page.waitForFunction((measure) => performance.getEntriesByName(measure).length > 0, SCAN_MEASURE);
  const own = await page.evaluate((measure) => performance.getEntriesByName(measure)[0]!.duration, SCAN_MEASURE);
  await page.waitForTimeout(1500); // let trailing slices finish, as the baseline waits after load
  const dcl = await domContentLoaded(page);
  const first = await page.evaluate(() => (window as unknown as { __firstHighlight: number }).__firstHighlight);
  const tasks = await page.evaluate(
    (t) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (x) => x.start >= t,
      ),
    dcl,
  );
  return { ms: done - dcl, first: first - dcl, own, tasks, main: await mainThread(page) };
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

async function markJs(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ url: '/mark.js' });
  return page.evaluate(
    (forms) =>
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
      }),
    surface,
  );
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
    for (const mb of sizes) {
      const url = `${base}/${mb}mb.html`;
      const fixture = fixtures.get(mb)!;
      const o = await ours(await withExt.context.newPage(), url, fixture.expected);
      const f = await floor(await bare.context.newPage(), url);
      const b = await baseline(await bare.context.newPage(), url);
      const m = skipMark ? null : await markJs(await bare.context.newPage(), url);
      const extra = o.main.task - b.main.task;
      const floorExtra = f.main.task - b.main.task;
      rows.push([
        `${mb} MB`,
        String(fixture.expected),
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
    'ours: extra main-thread ms',
    'floor: extra main-thread ms',
    'ours / floor',
    'mark.js ms',
    'mark.js / ours',
    'long tasks, ours',
    'long tasks, floor',
    'long tasks, no highlighting',
  ];
  console.log(
    '\nPage highlighting, Chromium (times from DOMContentLoaded; extra main-thread time over the bare page, DevTools protocol; long tasks after DOMContentLoaded)',
  );
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
});
