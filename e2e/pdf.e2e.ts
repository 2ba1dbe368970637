/**
 * The PDF viewer (pdf.html), in both browsers, on PDFs written at test time (e2e/pdf-fixtures.ts): a
 * dropped PDF's first page is drawn and its terms highlighted; hovering a term shows its tooltip;
 * damaged, scanned and password-protected files get a message, never a blank page; on a PDF tab the
 * popup offers to open it in the viewer.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
  BROWSERS,
  FIXTURES_DIR,
  REPO_ROOT,
  TEST_TIMEOUT,
  sleep,
  useBrowser,
  useFixtures,
  withPage,
  type TestPage,
} from './harness';
import { writePdfFixtures, type PdfFixture } from './pdf-fixtures';
import { PdfViewerPage } from './pages/pdf-viewer';
import { termBox, tooltipFrame } from './pages/tooltip-notes';

const fixture = useFixtures();
let files: Record<PdfFixture, string>;
const bytes = (kind: PdfFixture) => readFile(path.join(FIXTURES_DIR, files[kind]));

before(async () => {
  files = await writePdfFixtures(FIXTURES_DIR);
});

/** Opens the viewer and drops a generated PDF on it. */
async function dropped(page: TestPage, browser: ReturnType<ReturnType<typeof useBrowser>>, kind: PdfFixture) {
  const viewer = await PdfViewerPage.open(browser, page);
  await viewer.drop(await bytes(kind), `${kind}.pdf`);
  return viewer;
}

/** Rests the pointer on a highlighted term and waits for its tooltip card to name it. */
async function hover(page: TestPage, text: string, name: string): Promise<string> {
  const box = await termBox(page, text);
  await sleep(300); // a scroll hides an unpinned tooltip: let it settle
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  const frame = await tooltipFrame(page);
  return frame
    .waitForFunction(
      (name) => {
        const card = document.querySelector('.term-card');
        return card?.querySelector('.term-name')?.textContent?.trim() === name
          ? (card.textContent ?? '').replace(/\s+/g, ' ')
          : false;
      },
      name,
      { timeout: 15_000 },
    )
    .catch(async (error: unknown) => {
      const shown = await frame.evaluate(() => document.querySelector('.term-card')?.textContent ?? null);
      throw new Error(`Hovering "${text}" showed no tooltip for it; the frame shows ${JSON.stringify(shown)}`, {
        cause: error,
      });
    });
}

for (const name of BROWSERS) {
  void describe(`PDF viewer (${name})`, () => {
    const running = useBrowser(name);

    void it(
      'a dropped PDF: the first page is drawn, its terms in four languages highlighted; hover explains one',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'pdf-terms', async (page) => {
          const viewer = await dropped(page, running(), 'terms');
          const shown = await viewer.settled();
          assert.equal(shown.problem, null, `the viewer says: ${shown.problem?.text}`);
          assert.ok(shown.rendered.includes(1), `page 1 is not drawn: ${JSON.stringify(shown)}`);
          assert.match(await viewer.textLayer(1), /reisautorisatiesysteem \(ETIAS\)/);
          await page.waitForFunction(() => [...(CSS.highlights.get('benelux-glossary') ?? [])].length >= 4, undefined, {
            timeout: 15_000,
          });
          const terms = await viewer.highlightedOnPage(1);
          for (const term of ['ETIAS', 'NSEC', 'PESC', 'GASP']) {
            assert.ok(terms.includes(term), `"${term}" is not highlighted on page 1: ${JSON.stringify(terms)}`);
          }
          const card = await hover(page, 'ETIAS', 'ETIAS');
          assert.match(card, /European Travel Information and Authorisation System|reisautorisatie/i);
        }),
    );
  });
}
