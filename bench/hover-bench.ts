/**
 * Hover benchmark, Chromium: time from the content script's show call (after the dwell delay)
 * until the tooltip frame has painted the term (its next animation frame, reported back), for the
 * first hover on a page and for later ones; beside it the floor of a plain in-page tooltip (show a
 * div, wait one animation frame) measured in the same page. Prints a table; asserts nothing.
 *
 *   npx tsx bench/hover-bench.ts      (needs `npm run build`)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch } from './chromium';
import { HIGHLIGHT_NAME, TOOLTIP_VISIBLE_MEASURE } from './extension-names';
import { median } from './median';

const TERMS = [
  'ETIAS',
  'NSEC',
  'GBVB',
  'Benelux-politieverdrag',
  'Noordrijn-Westfalen',
  'Westelijke Balkan',
  'Noordse Raad',
  'Raad Algemene Zaken',
  'interne markt',
  'Hauts-de-France',
  'Grand Est',
  'Baltische staten',
];
const html = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>hover bench</title><body style="font:18px/2 serif;max-width:40rem;margin:2rem">
${TERMS.map((t) => `<p>In dit stuk gaat het over ${t} en de gevolgen daarvan voor de samenwerking.</p>`).join('\n')}
<div id="plain" style="display:none;position:fixed;top:10px;left:10px;width:360px;padding:12px;background:#fff;border:1px solid #999">Plain tooltip</div>
</body></html>`;

const server = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await launch({ extension: true, viewport: { width: 1200, height: 900 } });
const { context } = browser;
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    ([name, n]) => (CSS.highlights.get(name)?.size ?? 0) >= n,
    [HIGHLIGHT_NAME, TERMS.length] as const,
    { polling: 'raf' },
  );
  await page.waitForTimeout(1000); // the tooltip frame is prepared when idle, as it is for a reader
  const ours: number[] = [];
  for (const term of TERMS) {
    const box = await page.evaluate(
      ([name, t]) => {
        for (const r of CSS.highlights.get(name) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === t) {
            const b = range.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
        }
        return null;
      },
      [HIGHLIGHT_NAME, term] as const,
    );
    if (!box) throw new Error(`${term} is not highlighted`);
    const before = await page.evaluate(
      (measure) => performance.getEntriesByName(measure).length,
      TOOLTIP_VISIBLE_MEASURE,
    );
    await page.mouse.move(box.x - 30, box.y);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    await page.waitForFunction(
      ([measure, n]) => performance.getEntriesByName(measure).length > n,
      [TOOLTIP_VISIBLE_MEASURE, before] as const,
      { timeout: 5000 },
    );
    ours.push(
      await page.evaluate((measure) => performance.getEntriesByName(measure).at(-1)!.duration, TOOLTIP_VISIBLE_MEASURE),
    );
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 880);
    await page.waitForTimeout(150);
  }
  const floor: number[] = [];
  for (let i = 0; i < TERMS.length; i++) {
    floor.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const el = document.getElementById('plain')!;
            const t0 = performance.now();
            el.style.display = 'block';
            requestAnimationFrame(() => {
              const t = performance.now() - t0;
              el.style.display = 'none';
              resolve(t);
            });
          }),
      ),
    );
    await page.waitForTimeout(50);
  }
  const head = ['', 'first hover ms', `median of next ${TERMS.length - 1} ms`, 'max ms'];
  console.log('\nTooltip: show call → painted (after the dwell delay), Chromium');
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  console.log(
    `| ours (extension frame in a closed shadow root) | ${ours[0]!.toFixed(1)} | ${median(ours.slice(1)).toFixed(1)} | ${Math.max(...ours).toFixed(1)} |`,
  );
  console.log(
    `| floor (a div in the page, one animation frame) | ${floor[0]!.toFixed(1)} | ${median(floor.slice(1)).toFixed(1)} | ${Math.max(...floor).toFixed(1)} |`,
  );
} finally {
  await browser.close();
  server.close();
}
