/**
 * The PDF viewer page (pdf.html): a PDF handed to it as a reader would (dropped on the page), what
 * it shows (pages, their text layer, a message), and its terms as the highlight registry holds them.
 */
import type { TestBrowser, TestPage } from '../harness';

export interface ViewerShown {
  /** The page count the toolbar shows ("of 12"). */
  pagesLabel: string;
  /** Pages whose canvas has been drawn. */
  rendered: number[];
  /** The message in the status area, if any, and its kind (`data-problem`). */
  problem: { kind: string; text: string } | null;
}

export class PdfViewerPage {
  private constructor(readonly page: TestPage) {}

  /** Navigates `page` to pdf.html (with `query`, e.g. `?url=…`). */
  static async open(browser: TestBrowser, page: TestPage, query = ''): Promise<PdfViewerPage> {
    await page.goto(browser.extensionUrl(`pdf.html${query}`));
    return new PdfViewerPage(page);
  }

  static on(page: TestPage): PdfViewerPage {
    return new PdfViewerPage(page);
  }

  /**
   * Drops a file with these bytes on the page, as a reader dragging it from their files would (a
   * drop event with the file in its DataTransfer).
   */
  async drop(bytes: Buffer, name: string): Promise<void> {
    await this.page.waitForFunction(() => !!document.querySelector('.pdf-app'));
    await this.page.evaluate(
      ({ base64, name }) => {
        const binary = atob(base64);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type: 'application/pdf' }));
        const target = document.querySelector('.pdf-app')!;
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { base64: bytes.toString('base64'), name },
    );
  }

  /** What the viewer shows once it has either drawn a page or said something. */
  async settled(timeout = 20_000): Promise<ViewerShown> {
    return this.page.waitForFunction(
      () => {
        const problem = document.querySelector<HTMLElement>('[data-problem]');
        const rendered = [...document.querySelectorAll<HTMLElement>('.pdfViewer .page')]
          .filter((p) => p.querySelector('canvas') && p.getAttribute('data-loaded') === 'true')
          .map((p) => Number(p.dataset.pageNumber));
        if (!problem && rendered.length === 0) return false;
        return {
          pagesLabel: document.querySelector('.pdf-pages')?.textContent ?? '',
          rendered,
          problem: problem ? { kind: problem.dataset.problem ?? '', text: problem.textContent ?? '' } : null,
        };
      },
      undefined,
      { timeout },
    );
  }

  /** The text of page `n`'s text layer, once it has any (PDF.js fills it after drawing the canvas). */
  textLayer(n = 1): Promise<string> {
    return this.page.waitForFunction(
      (n) => document.querySelector(`.pdfViewer .page[data-page-number="${n}"] .textLayer`)?.textContent || false,
      n,
      { timeout: 15_000 },
    );
  }

  /** Highlighted terms on page `n` of the document (in the highlight's order). */
  highlightedOnPage(n: number): Promise<string[]> {
    return this.page.evaluate(
      ({ name, n }) =>
        [...(CSS.highlights.get(name) ?? [])]
          .filter((r) => r.startContainer.parentElement?.closest(`.page[data-page-number="${n}"]`))
          .map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          }),
      { name: 'benelux-glossary', n },
    );
  }

  /** The access request shown for a PDF of another site: its button's text, or null. */
  accessButton(): Promise<string | null> {
    return this.page.waitForFunction(
      () =>
        document.querySelector('.pdf-access button')?.textContent ??
        (document.querySelector('[data-problem]') ? null : false),
      undefined,
      { timeout: 15_000 },
    );
  }

  /** What the viewer shows once it says `kind` (after a drop replaced an earlier message). */
  async settledWith(kind: string): Promise<ViewerShown> {
    await this.page.waitForFunction((kind) => document.querySelector(`[data-problem="${kind}"]`) !== null, kind, {
      timeout: 20_000,
    });
    return this.settled();
  }

  /** Types a password into the viewer's password field and submits it. */
  async enterPassword(password: string): Promise<void> {
    await this.page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.pdf-password input');
      if (!input) throw new Error('no password field');
      input.value = '';
      input.focus();
    });
    await this.page.type(password);
    await this.page.click('.pdf-password button[type="submit"]');
  }
}
