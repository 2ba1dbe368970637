/**
 * The popup's typing, in Chromium:
 * - `firstResult`: a query typed into the empty box in one burst; ms from its last key to the first
 *   result of `selector` on screen (the database read once typing pauses, the ranking, the render);
 * - `typingCosts`: each key pressed on its own (`gapMs` apart, longer than the popup's pause before it
 *   reads the database); a key's cost is the main thread's busy time (its top-level tasks, from a
 *   DevTools trace of the popup's renderer) from that key to the next — the letter's hits rendered,
 *   the imported candidates received and ranked and rendered. Given twice: as wall time (what the
 *   reader waits) and as the thread's CPU time (the trace's `tdur`: the same work without the time
 *   the thread stood descheduled, which on a busy machine can double the wall time).
 * - `openFloorPage`: the baseline for `typingCosts` — a page with the popup's stylesheet, a search box
 *   and ROWS result rows whose text changes in the key's own task: the least a key that changes
 *   the list can cost this machine's browser (no search, no framework, no second render).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { TraceEvent } from './trace-event';

const KEY_MARK = 'bench:key';

/**
 * Types `query` into the popup's empty search box at once (each key as soon as the popup has taken
 * the last: a popup slow to take keys spaces them, and so has read more before the last one); ms
 * from its last key to a result of
 * `selector` that answers it (its text holds the query) on screen — an answer to a shorter prefix
 * shown meanwhile does not count unless it holds the query.
 */
export async function firstResult(page: Page, query: string, selector = 'li.result.imported'): Promise<number> {
  await page.evaluate(
    ({ selector, query }) => {
      const w = window as unknown as { __lastKey: number; __result: number };
      w.__lastKey = NaN;
      w.__result = NaN;
      addEventListener('keydown', (e) => (w.__lastKey = e.timeStamp), { capture: true });
      const answers = () =>
        [...document.querySelectorAll(selector)].some((row) => row.textContent?.toLowerCase().includes(query));
      new MutationObserver(() => {
        if (Number.isNaN(w.__result) && answers()) w.__result = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    { selector, query: query.toLowerCase() },
  );
  await page.focus('input.search');
  await page.keyboard.type(query);
  // None within 10 s (the letter alone has no imported results): NaN.
  await page
    .waitForFunction(() => !Number.isNaN((window as unknown as { __result: number }).__result), null, {
      timeout: 10_000,
    })
    .catch(() => null);
  return page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __result: number };
    return w.__result < w.__lastKey ? 0 : w.__result - w.__lastKey;
  });
}

/**
 * Types `query` into the popup's search box (already open in `page`), one key every `gapMs`: ms per
 * key, and per key the number of renders (tasks) that changed the result list (`ul.results`).
 */
export async function typingCosts(
  context: BrowserContext,
  page: Page,
  query: string,
  { gapMs = 300 } = {},
): Promise<{ wall: number[]; cpu: number[]; renders: number[] }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await page.evaluate((mark) => addEventListener('keydown', () => performance.mark(mark), { capture: true }), KEY_MARK);
  // Renders that changed the list, per key: a mutation observer is called once for each task that
  // changed it (counting frames instead would need a requestAnimationFrame loop, which makes frames).
  await page.evaluate(() => {
    const w = window as unknown as { __renders: number[] };
    w.__renders = [];
    addEventListener('keydown', () => w.__renders.push(0), { capture: true });
    new MutationObserver(() => {
      if (w.__renders.length > 0) w.__renders[w.__renders.length - 1]!++;
    }).observe(document.querySelector('ul.results')!, { childList: true, subtree: true, characterData: true });
  });
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(','),
    transferMode: 'ReportEvents',
  });
  await page.focus('input.search');
  for (const key of query) {
    await page.keyboard.press(key);
    await page.waitForTimeout(gapMs);
  }
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const marks = events.filter((e) => e.name === KEY_MARK).sort((a, b) => a.ts - b.ts);
  const main = marks[0];
  if (!main || marks.length !== query.length) throw new Error(`Saw ${marks.length} key marks for ${query.length} keys`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
  // Each task counts for the key whose window it starts in; the task that ran a keydown began just
  // before the mark it made, so a window opens a millisecond before its key's mark.
  const opens = marks.map((m) => m.ts - 1000);
  const perKey = (duration: (t: TraceEvent) => number) =>
    opens.map((open, i) => {
      const close = opens[i + 1] ?? open + gapMs * 1000;
      return tasks.filter((t) => t.ts >= open && t.ts < close).reduce((sum, t) => sum + duration(t) / 1000, 0);
    });
  const renders = await page.evaluate(() => (window as unknown as { __renders: number[] }).__renders);
  return { wall: perKey((t) => t.dur ?? 0), cpu: perKey((t) => t.tdur ?? t.dur ?? 0), renders };
}

/** Rows the popup shows for "verdraag" with the import: the letter's 7 and 20 imported. */
const ROWS = 27;

/**
 * Opens the floor page for `typingCosts` (see the file's comment) in `page`, afresh. A data: address,
 * where the extension's content script does not run (it would rescan the rows on each key).
 */
export async function openFloorPage(page: Page): Promise<void> {
  const css = readFileSync(new URL('../assets/popup.css', import.meta.url), 'utf8');
  const row = (i: number) =>
    `<li class="result"><span class="result-name">-</span><span class="result-part">Bench slice ${i}</span></li>`;
  const html = `<!doctype html><meta charset="utf-8"><style>${css}</style>
<div class="popup"><input type="search" class="search"><ul class="results">${Array.from({ length: ROWS }, (_, i) => row(i)).join('')}</ul></div>
<script>
const names = [...document.querySelectorAll('.result-name')];
document.querySelector('input').addEventListener('input', (e) => {
  names.forEach((name, i) => (name.textContent = e.target.value + ' ' + i));
});
</script>`;
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
}
