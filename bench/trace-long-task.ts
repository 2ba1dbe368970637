/**
 * What a long task of ours on the 4 MB page is made of: loads the page with the extension under a
 * Chromium trace (DevTools protocol, `devtools.timeline`), then prints every main-thread task over
 * 50 ms after DOMContentLoaded with the events that took most of it. Asserts nothing. Needs
 * `npm run build` first.
 *
 *   npx tsx bench/trace-long-task.ts [megabytes, default 4] [--bare: the same page without the extension]
 */
import { launch } from './chromium';
import { makeFixture, withServer } from './page-fixtures';
import type { TraceEvent } from './trace-event';

const bare = process.argv.includes('--bare');
const mb = Number(process.argv.find((a) => /^[\d.]+$/.test(a)) ?? 4);
const fixture = makeFixture(mb * 1_000_000);

await withServer(new Map([['/page.html', fixture.html]]), async (base) => {
  const browser = await launch({ extension: !bare });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute',
      transferMode: 'ReportEvents',
    });
    await page.goto(`${base}/page.html`, { waitUntil: 'domcontentloaded' });
    if (bare) await page.waitForTimeout(3000);
    else await page.waitForFunction(() => '__allHighlighted' in window, null, { timeout: 120_000 });
    await page.waitForTimeout(500);
    await cdp.send('Tracing.end');
    await done;

    const dcl = events.find((e) => e.name === 'MarkDOMContent');
    const tasks = events.filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 50_000 && (!dcl || e.ts >= dcl.ts),
    );
    console.log(
      `\n${mb} MB page${bare ? ' without the extension' : ''}: ${tasks.length} main-thread task(s) over 50 ms after DOMContentLoaded`,
    );
    for (const task of tasks) {
      const inside = events.filter(
        (e) =>
          e.ph === 'X' &&
          e.tid === task.tid &&
          e.pid === task.pid &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) &&
          e !== task,
      );
      const byName = new Map<string, number>();
      for (const e of inside) {
        const url = e.args?.data?.url;
        const label = url !== undefined ? `${e.name} ${url.split('/').pop() || url}` : e.name;
        byName.set(label, Math.max(byName.get(label) ?? 0, (e.dur ?? 0) / 1000));
      }
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(
        `- task of ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${top.map(([n, d]) => `${n} ${d.toFixed(0)} ms`).join(', ')}`,
      );
    }
  } finally {
    await browser.close();
  }
});
