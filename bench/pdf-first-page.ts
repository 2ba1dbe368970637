/**
 * PDF viewer benchmark, Chromium: from dropping a PDF on pdf.html until its first page is drawn and
 * its text layer is in (PDF.js alone: the floor) and until that page's terms are highlighted (ours),
 * for a 1-page and a
 * 300-page document written by e2e/pdf-fixtures.ts; a fresh viewer each run, median of 3. Prints a
 * table; asserts nothing.
 *
 *   npx tsx bench/pdf-first-page.ts      (needs `npm run build`)
 */
import { longPdf, termsPdf } from '../e2e/pdf-fixtures';
import { launch } from './chromium';
import { HIGHLIGHT_NAME } from './extension-names';
import { median } from './median';

const RUNS = 3;
const documents = [
  { pages: 1, bytes: await termsPdf() },
  { pages: 300, bytes: await longPdf(300) },
];

const browser = await launch({ extension: true, viewport: { width: 1200, height: 900 } });
const rows: string[] = [];
try {
  for (const { pages, bytes } of documents) {
    const painted: number[] = [];
    const highlighted: number[] = [];
    const text: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/pdf.html`);
      await page.waitForSelector('.pdf-app');
      const times = await page.evaluate(
        async ({ base64, name }) => {
          const binary = atob(base64);
          const data = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
          const transfer = new DataTransfer();
          transfer.items.add(new File([data], 'bench.pdf', { type: 'application/pdf' }));
          const start = performance.now();
          document
            .querySelector('.pdf-app')!
            .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          let paintedAt = 0;
          let highlightedAt = 0;
          let textAt = 0;
          await new Promise<void>((resolve) => {
            const tick = () => {
              const now = performance.now() - start;
              if (!paintedAt && document.querySelector('.page[data-page-number="1"]')?.getAttribute('data-loaded'))
                paintedAt = now;
              if (!textAt && document.querySelector('.page[data-page-number="1"] .textLayer span')) textAt = now;
              if (
                !highlightedAt &&
                [...(CSS.highlights.get(name) ?? [])].some((r) =>
                  r.startContainer.parentElement?.closest('.page[data-page-number="1"]'),
                )
              )
                highlightedAt = now;
              if (paintedAt && highlightedAt) resolve();
              else requestAnimationFrame(tick);
            };
            tick();
          });
          return { paintedAt, textAt, highlightedAt };
        },
        { base64: bytes.toString('base64'), name: HIGHLIGHT_NAME },
      );
      painted.push(times.paintedAt);
      highlighted.push(times.highlightedAt);
      text.push(times.textAt);
      await page.close();
    }
    rows.push(
      `| ${pages} | ${(bytes.length / 1024).toFixed(0)} | ${median(painted).toFixed(0)} | ${median(text).toFixed(0)} | ${median(highlighted).toFixed(0)} |`,
    );
  }
} finally {
  await browser.close();
}
console.log(
  '| pages | KB | first page drawn ms | its text layer in ms (PDF.js: the floor) | its terms highlighted ms (ours) |',
);
console.log(
  '| ----: | -: | ------------------: | ---------------------------------------: | -----------------------------: |',
);
for (const row of rows) console.log(row);
