/**
 * Does splitting our highlight into several named highlights, registered in successive frames, shorten
 * the long task after registering 15 000 ranges on a 4 MB page? Without the extension: the page's own
 * ranges (the floor's RegExp), registered as 1, 4 or 16 highlights, one per frame; prints the longest
 * and the total frame time after the registrations. Asserts nothing.
 *
 *   npx tsx bench/registry-split.ts
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemBrowser } from '../test/system-browsers';
import { median } from './median';
import { makeFixture, surface, withServer } from './page-fixtures';

const SPLITS = [1, 4, 16];
const RUNS = 3;
const fixture = makeFixture(4_000_000);
const style = `<style>${Array.from({ length: Math.max(...SPLITS) }, (_, k) => `::highlight(h${k}){text-decoration:underline dotted}`).join('')}</style>`;

await withServer(new Map([['/page.html', fixture.html.replace('</head>', `${style}</head>`)]]), async (base) => {
  const browser = await chromium.launch({
    executablePath: systemBrowser('chromium'),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const results = new Map<number, { max: number[]; total: number[]; ranges: number }>();
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const parts of SPLITS) {
        const page = await browser.newPage();
        await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        await page.goto(`${base}/page.html`, { waitUntil: 'load' });
        await page.waitForTimeout(1000);
        const r = await page.evaluate(
          async ({ forms, parts }) => {
            const escaped = forms
              .sort((a, b) => b.length - a.length)
              .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
            const re = new RegExp(`(?:${escaped.join('|')})`, 'g');
            const ranges: StaticRange[] = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (const m of (n as Text).data.matchAll(re)) {
                const at = m.index ?? 0;
                ranges.push(
                  new StaticRange({ startContainer: n, startOffset: at, endContainer: n, endOffset: at + m[0].length }),
                );
              }
            }
            // From a registration until the frame it caused has run (rAF, then the task after it).
            const frame = () =>
              new Promise<number>((resolve) => {
                const t = performance.now();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
              });
            await frame();
            const times: number[] = [];
            const per = Math.ceil(ranges.length / parts);
            for (let k = 0; k < parts; k++) {
              CSS.highlights.set(`h${k}`, new Highlight(...ranges.slice(k * per, (k + 1) * per)));
              times.push(await frame());
            }
            return { ranges: ranges.length, max: Math.max(...times), total: times.reduce((a, b) => a + b, 0) };
          },
          { forms: surface, parts },
        );
        const entry = results.get(parts) ?? { max: [], total: [], ranges: r.ranges };
        entry.max.push(r.max);
        entry.total.push(r.total);
        results.set(parts, entry);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\nOne registry change or several, 4 MB page, Chromium (median of ${RUNS})\n`);
  console.log('| highlights (one per frame) | ranges | longest frame ms | all frames ms |\n|---:|---:|---:|---:|');
  for (const [parts, r] of results) {
    console.log(`| ${parts} | ${r.ranges} | ${median(r.max).toFixed(0)} | ${median(r.total).toFixed(0)} |`);
  }
});
