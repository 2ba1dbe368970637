/**
 * The PDF viewer (pdf.html), in both browsers, on PDFs written at test time (e2e/pdf-fixtures.ts): a
 * dropped PDF's first page is drawn and its terms highlighted; hovering a term shows its tooltip;
 * damaged, scanned and password-protected files get a message, never a blank page; on a PDF tab the
 * popup offers to open it in the viewer; "Open PDFs in Benelux Glossary" sends a PDF the tab navigates
 * to there (and Back away), off it does not; the context menu's item on a PDF (Chromium) opens it there.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
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
import { LONG_PDF_GBVB_PAGE, writePdfFixtures, type PdfFixture } from './pdf-fixtures';
import { PdfViewerPage } from './pages/pdf-viewer';
import { PopupUi, onThisPage } from './pages/popup-ui';
import { ContextMenu } from './pages/context-menu';
import { SettingsPanel } from './pages/settings';
import {
  bringToFront,
  FLASH_HIGHLIGHT,
  openTooltipEditor,
  pinTooltip,
  termBox,
  tooltipFrame,
  waitForStoredNote,
} from './pages/tooltip-notes';

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

/** Waits until `term` is highlighted in the viewer's pages. */
async function waitForTerm(page: TestPage, term: string): Promise<void> {
  await page
    .waitForFunction(
      (term) =>
        [...(CSS.highlights.get('benelux-glossary') ?? [])].some((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString() === term;
        }),
      term,
      { timeout: 20_000 },
    )
    .catch(async (error: unknown) => {
      const state = await page.evaluate(() => document.querySelector('.pdf-app')?.textContent?.slice(0, 300) ?? null);
      throw new Error(`"${term}" was not highlighted in the viewer; it shows: ${JSON.stringify(state)}`, {
        cause: error,
      });
    });
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
          // The README's picture (docs/pdf-tooltip.png) is taken at this size.
          if (page.browserName === 'chromium') await page.raw.setViewportSize({ width: 1000, height: 700 });
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
          if (page.browserName === 'chromium') {
            await mkdir(path.join(REPO_ROOT, 'docs'), { recursive: true });
            await page.raw.screenshot({ path: path.join(REPO_ROOT, 'docs/pdf-tooltip.png') });
          }
          // Search within the document, from the keyboard: Ctrl+F, then type.
          if (page.browserName === 'chromium') await page.raw.keyboard.press('Control+f');
          else {
            await page.raw.keyboard.down('Control');
            await page.raw.keyboard.press('f');
            await page.raw.keyboard.up('Control');
          }
          await page.type('Benelux');
          // The count passes "0 of 0" while PDF.js searches.
          await page
            .waitForFunction(() => document.querySelector('.pdf-find-count')?.textContent === '1 of 3')
            .catch(async (error: unknown) => {
              const shown = await page.evaluate(() => [
                document.querySelector<HTMLInputElement>('.pdf-find-input')?.value,
                document.querySelector('.pdf-find-count')?.textContent,
              ]);
              throw new Error(`Searching "Benelux" did not find its 3 matches: ${JSON.stringify(shown)}`, {
                cause: error,
              });
            });
        }),
    );

    void it(
      'damaged, scanned and password-protected PDFs get a message, never a blank page; the password opens it',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'pdf-bad-input', async (page) => {
          const viewer = await dropped(page, running(), 'damaged');
          let shown = await viewer.settled();
          assert.equal(shown.problem?.kind, 'damaged', `damaged.pdf: ${JSON.stringify(shown)}`);
          assert.match(shown.problem.text, /damaged or is not a PDF/);

          await viewer.drop(await bytes('scanned'), 'scanned.pdf');
          shown = await viewer.settledWith('noText');
          assert.match(shown.problem?.text ?? '', /there is no text to explain/);
          await page.waitForFunction(
            () => document.querySelector('.page[data-page-number="1"]')?.getAttribute('data-loaded') === 'true',
          );

          await viewer.drop(await bytes('password'), 'password.pdf');
          shown = await viewer.settledWith('password');
          assert.match(shown.problem?.text ?? '', /protected by a password/);
          await viewer.enterPassword('fout');
          await page.waitForFunction(
            () => document.querySelector('[data-problem="password"]')?.textContent?.includes('not right') ?? false,
          );
          await viewer.enterPassword('geheim');
          await waitForTerm(page, 'ETIAS');
        }),
    );

    void it(
      'a 300-page PDF: page 1 highlighted at once; End goes to page 300, drawn and highlighted as it comes into view',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'pdf-long', async (page) => {
          const viewer = await dropped(page, running(), 'long');
          const shown = await viewer.settled();
          assert.equal(shown.pagesLabel, 'of 300');
          assert.ok(!shown.rendered.includes(300), 'page 300 was drawn before it was shown');
          await waitForTerm(page, 'NSEC');
          assert.ok((await viewer.highlightedOnPage(1)).includes('ETIAS'));
          // The popup's "On this page" counts the whole document, not only the pages drawn so far.
          await withPage(running(), 'pdf-long-popup', async (popupPage) => {
            const popup = await PopupUi.openFor(running(), page, popupPage);
            const row = await popup.waitForRow('etias', 30_000, onThisPage);
            assert.ok(
              Number.parseInt(row.badge ?? '', 10) >= 300 * 20,
              `ETIAS ${row.badge} on this page, in a document that names it 20 times on each of 300 pages`,
            );
          });
          await bringToFront(page);
          await page.click('#viewerContainer');
          await page.press('End');
          await page.waitForFunction(
            () => document.querySelector('.page[data-page-number="300"]')?.getAttribute('data-loaded') === 'true',
            undefined,
            { timeout: 15_000 },
          );
          await page.waitForFunction(
            () =>
              [...(CSS.highlights.get('benelux-glossary') ?? [])].some((r) =>
                r.startContainer.parentElement?.closest('.page[data-page-number="300"]'),
              ),
            undefined,
            { timeout: 15_000 },
          );
          assert.equal(await page.evaluate(() => document.querySelector<HTMLInputElement>('.pdf-page')?.value), '300');
          // A term only on a page not drawn yet: the popup lists it, and choosing it shows it on its page.
          await withPage(running(), 'pdf-long-reveal', async (popupPage) => {
            const popup = await PopupUi.openFor(running(), page, popupPage);
            assert.equal((await popup.waitForRow('gbvb', 30_000, onThisPage)).badge, '1×');
            await popup.clickRow('gbvb');
          });
          await page.waitForFunction(
            ({ flash, at }) =>
              [...(CSS.highlights.get(flash) ?? [])].some((r) =>
                r.startContainer.parentElement?.closest(`.page[data-page-number="${at}"]`),
              ),
            { flash: FLASH_HIGHLIGHT, at: LONG_PDF_GBVB_PAGE },
            { timeout: 15_000 },
          );
        }),
    );

    void it(
      name === 'chromium'
        ? 'on a PDF tab the popup offers "Open in Benelux Glossary"; the tab then shows it explained; a note added there and its terms show in the popup'
        : 'pdf.html?url= asks for access to that one site, then shows the PDF explained; a note added there and its terms show in the popup',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const tab = await b.newPage();
        try {
          const pdfUrl = fixture(files.terms);
          if (name === 'chromium') {
            // Chromium's PDF viewer runs our content script, which tells the popup the tab shows a PDF.
            await tab.goto(pdfUrl);
            await withPage(b, 'pdf-popup-offer', async (page) => {
              const popup = await PopupUi.openFor(b, tab, page);
              await page.waitForFunction(() => document.querySelector('button.open-pdf')?.textContent ?? false);
              await page.click('button.open-pdf');
              void popup;
            });
            await tab.waitForFunction(() => location.pathname === '/pdf.html' && document.readyState === 'complete');
            assert.equal(await tab.evaluate(() => new URLSearchParams(location.search).get('url')), pdfUrl);
          } else {
            // Firefox's PDF viewer runs no content script and the popup sees a tab's address only after a
            // real click on our button (activeTab): open the viewer at the address directly.
            const viewer = await PdfViewerPage.open(b, tab, `?url=${encodeURIComponent(pdfUrl)}`);
            const button = await viewer.accessButton();
            assert.match(button ?? '', /Allow reading PDFs from http:\/\/127\.0\.0\.1:\d+/);
            await tab.click('.pdf-access button');
          }
          await waitForTerm(tab, 'ETIAS');
          // A note added from the viewer's tooltip is the term's note everywhere.
          const frame = await pinTooltip(tab, 'ETIAS');
          if (tab.browserName === 'chromium') await openTooltipEditor(tab, frame);
          else {
            // Puppeteer lists no child frames of a tab it navigated to an extension page over raw BiDi:
            // click "Add note" from inside the frame instead.
            await frame.evaluate(() => document.querySelector<HTMLElement>('.term-note-edit')?.click());
            await frame.waitForFunction(() => document.activeElement?.matches('textarea.note-text') ?? false);
          }
          const note = `Gelezen in een pdf (${name}).`;
          await tab.type(note);
          await waitForStoredNote(tab, 'etias', (n) => n?.text.includes(note) ?? false, 'the note typed in the viewer');
          await withPage(b, 'pdf-popup-terms', async (page) => {
            const popup = await PopupUi.openFor(b, tab, page);
            await popup.waitForRow('etias', 15_000, onThisPage);
            assert.equal(await page.evaluate(() => document.querySelector('button.open-pdf')), null);
            await popup.openTerm('ETIAS', 'etias');
            assert.ok(
              (await popup.noteValue())?.includes(note),
              `the popup shows the note: ${await popup.noteValue()}`,
            );
          });
        } finally {
          await tab.close();
        }
      },
    );

    void it(
      name === 'chromium'
        ? '"Open PDFs in Benelux Glossary": on, a link to a PDF lands in the viewer, explained, and Back leaves it; off, the browser shows the PDF, and the context menu opens it in the viewer'
        : '"Open PDFs in Benelux Glossary": on, a link to a PDF lands in the viewer, explained, and Back leaves it; off, the browser shows the PDF',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const tab = await b.newPage();
        const start = fixture('smoke.html');
        const pdfUrl = fixture(files.terms);
        // As a link does: the page navigates the tab.
        const follow = (url: string) => tab.evaluate((url) => void (location.href = url), url);
        let switchedOff = false;
        try {
          await switchPdfs(b, true);
          await tab.goto(start);
          await follow(pdfUrl);
          await tab.waitForFunction(() => location.pathname === '/pdf.html', undefined, { timeout: 15_000 });
          assert.equal(await tab.evaluate(() => new URLSearchParams(location.search).get('url')), pdfUrl);
          // Chromium (headless) leaves this tab 0×0 after the extension navigated it, in a longer session.
          if (tab.browserName === 'chromium') await tab.raw.setViewportSize({ width: 1000, height: 700 });
          await waitForTerm(tab, 'ETIAS');

          // Back: Firefox redirected before the PDF was shown, so Back is the page the link was on;
          // Chromium had shown it, and Back shows the browser's view of it again (not our viewer again).
          await tab.evaluate(() => history.back());
          if (name === 'chromium') {
            await stillInBrowserViewer(b, tab, pdfUrl);
            await tab.evaluate(() => history.back());
          }
          await tab.waitForFunction((start) => location.href === start, start, { timeout: 15_000 });

          await switchPdfs(b, false);
          switchedOff = true;
          await follow(pdfUrl);
          if (name === 'chromium') {
            await stillInBrowserViewer(b, tab, pdfUrl);
            // The context menu's "Open in Benelux Glossary" on the PDF shows it in our viewer.
            await new ContextMenu(b, tab).openPdf('open-pdf', pdfUrl);
            await tab.waitForFunction(() => location.pathname === '/pdf.html', undefined, { timeout: 15_000 });
            await waitForTerm(tab, 'ETIAS');
          } else {
            // Committed at the PDF's address: a redirect comes before that or never.
            await tab.waitForFunction((pdfUrl) => location.href === pdfUrl, pdfUrl, { timeout: 15_000 });
          }
        } finally {
          // Left on by a failure, it would send the next suites' PDFs to the viewer.
          if (!switchedOff) await switchPdfs(b, false).catch(() => undefined);
          await tab.close();
        }
      },
    );
  });
}

/**
 * Switches "Open PDFs in Benelux Glossary" with a real click in the popup; in Firefox, waits for the
 * permissions that come with it (granted without a prompt in the test profile) or for their release.
 */
async function switchPdfs(b: ReturnType<ReturnType<typeof useBrowser>>, on: boolean): Promise<void> {
  const panel = await SettingsPanel.open(b);
  try {
    const label = 'Open PDFs in Benelux Glossary';
    if ((await panel.isOn(label)) !== on) assert.equal(await panel.toggle(label), on);
    await panel.waitForStored({ openPdfsInViewer: on } as never);
    if (b.name === 'firefox') {
      await panel.page.waitForFunction(
        async (on) => {
          const api = (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } })
            .browser;
          const held = await api.permissions.contains({ permissions: ['webRequest', 'webRequestBlocking'] });
          return held === on;
        },
        on,
        { timeout: 10_000 },
      );
    }
  } finally {
    await panel.close();
  }
}

/**
 * Chromium: the tab shows the PDF in the browser's viewer and stays there. The popup's offer to open it
 * comes from the PDF's content script, which by then has decided whether to hand the PDF over.
 */
async function stillInBrowserViewer(b: ReturnType<ReturnType<typeof useBrowser>>, tab: TestPage, pdfUrl: string) {
  await tab.waitForFunction(
    (pdfUrl) => location.href === pdfUrl && document.contentType === 'application/pdf',
    pdfUrl,
    { timeout: 15_000 },
  );
  await withPage(b, 'pdf-auto-open-offer', async (page) => {
    await PopupUi.openFor(b, tab, page);
    await page
      .waitForFunction(() => document.querySelector('button.open-pdf')?.textContent ?? false)
      .catch(async () => {
        const at = await tab.evaluate(() => location.href);
        assert.equal(at, pdfUrl, 'the PDF was handed to our viewer');
        throw new Error(`The popup offers no "Open in Benelux Glossary" over ${at}`);
      });
  });
  assert.equal(await tab.evaluate(() => location.href), pdfUrl, 'the PDF was handed to our viewer');
}
