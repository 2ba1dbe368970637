/**
 * Hostile pages (issue 17) at the full scale, with and without the extension, side by side
 * (Chromium; e2e/hostile.e2e.ts checks outcomes in both browsers at a smaller scale). Per page: the
 * time to the load event, the long tasks (≥ 50 ms) of the page's main thread from the navigation
 * until SETTLE_MS after load — their count, sum and longest — and the PSS of the web-page renderers.
 * Figures on the shared 2-core machine are noisy (±30 % between runs); nothing here is asserted.
 *
 *   npx tsx bench/hostile-pages.ts            (needs npm run build)
 */
import { startFixtureServer } from '../e2e/harness';
import { launch, type BenchBrowser } from './chromium';

const SETTLE_MS = 4000;

/** attack, scale (1 = the issue's), what it is. */
const PAGES: [string, number, string][] = [
  ['none', 1, 'the plain fixture'],
  ['elements', 1, '1 000 000 elements'],
  ['text-10mb', 1, 'one 10 MB text node'],
  ['deep', 1, 'nesting 5 000 deep'],
  ['deep', 0.5, 'nesting 2 500 deep'],
  ['body-replaced', 1, 'document.body replaced every second'],
  ['rerender', 1, 'text re-rendered 60 times a second'],
  ['contenteditable', 1, 'contenteditable editors'],
  ['frames', 1, '100 frames'],
];

interface Row {
  loadMs: number | null;
  longTasks: number;
  longSumMs: number;
  longMaxMs: number;
  memoryMb: number;
  crashed: boolean;
}

async function measure(browser: BenchBrowser, url: string): Promise<Row> {
  const page = await browser.context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const started = Date.now();
  let loadMs: number | null = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    loadMs = Date.now() - started;
    await page.waitForTimeout(SETTLE_MS);
  } catch {
    crashed = true;
  }
  const tasks = crashed
    ? []
    : await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks).catch(() => []);
  const memoryMb = browser.rendererMemoryMb();
  await page.close().catch(() => undefined);
  return {
    loadMs,
    longTasks: tasks.length,
    longSumMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longMaxMs: Math.round(Math.max(0, ...tasks)),
    memoryMb: Math.round(memoryMb),
    crashed,
  };
}

async function main(): Promise<void> {
  const server = await startFixtureServer();
  const rows: string[] = [
    '| page | extension | load ms | long tasks | long-task ms (sum) | longest ms | renderer PSS MB |',
    '| ---- | --------- | ------: | ---------: | -----------------: | ---------: | --------------: |',
  ];
  try {
    for (const extension of [false, true]) {
      // One browser per page: a crashed renderer or a page's timers never spill into the next row.
      for (const [attack, size, what] of PAGES) {
        const browser = await launch({ extension });
        try {
          const url = server.url(`hp-page.html?attack=${attack}&size=${size}`);
          const r = await measure(browser, url);
          const cells = r.crashed
            ? ['renderer crashed', '', '', '', '']
            : [r.loadMs, r.longTasks, r.longSumMs, r.longMaxMs, r.memoryMb];
          rows.push(`| ${what} | ${extension ? 'ours' : 'none'} | ${cells.join(' | ')} |`);
          console.error(rows.at(-1));
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  console.log(rows.join('\n'));
}

await main();
