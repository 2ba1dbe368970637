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
 */
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

/** Types `query` into the popup's search box (already open in `page`), one key every `gapMs`: ms per key. */
export async function typingCosts(
  context: BrowserContext,
  page: Page,
  query: string,
  { gapMs = 300 } = {},
): Promise<{ wall: number[]; cpu: number[] }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await page.evaluate((mark) => addEventListener('keydown', () => performance.mark(mark), { capture: true }), KEY_MARK);
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
  return { wall: perKey((t) => t.dur ?? 0), cpu: perKey((t) => t.tdur ?? t.dur ?? 0) };
}
