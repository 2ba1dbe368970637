// PDF.js's legacy build: its modern build calls Map.prototype.getOrInsertComputed, which Chrome 128 and
// Firefox 140 (our minimums) lack; the legacy build carries the polyfills. Its viewer module reads the
// library from globalThis.pdfjsLib, which the library's module sets: keep this import first.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  EventBus,
  FindState,
  PDFFindController,
  PDFLinkService,
  PDFViewer,
} from 'pdfjs-dist/legacy/web/pdf_viewer.mjs';
// The worker is a file of the extension, copied by the build from the npm package: nothing is fetched
// from anywhere else.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import {
  PDF_OPEN_TIMEOUT_MS,
  TEXT_PROBE_PAGES,
  hasText,
  pageCountProblem,
  problemFromError,
  type PdfProblem,
} from '@/core/pdf-open';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export interface ViewerState {
  page: number;
  pages: number;
  /** The zoom in percent. */
  scale: number;
}

export interface FindResult {
  current: number;
  total: number;
  notFound: boolean;
}

export interface ViewerCallbacks {
  onState(state: ViewerState): void;
  onFind(result: FindResult): void;
  /** A page's text layer is in the document: a moment to explain it. */
  onTextLayer(): void;
}

type LoadedDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

/** Zoom steps offered by the buttons and the keyboard (PDF.js's own steps). */
const MIN_SCALE = 0.25;
const MAX_SCALE = 5;

/**
 * One PDF.js viewer in `container` (absolutely positioned, holding one empty `div`): pages are
 * rendered as they scroll into view, each with its text layer, which is what our page engine reads
 * and highlights, as on any web page.
 */
export class PdfView {
  private readonly eventBus = new EventBus();
  private readonly viewer: PDFViewer;
  private readonly findController: PDFFindController;
  private readonly linkService: PDFLinkService;
  private doc: LoadedDocument | null = null;
  private texts: { doc: LoadedDocument; pages: Promise<string[][]> } | null = null;

  constructor(
    container: HTMLDivElement,
    private readonly callbacks: ViewerCallbacks,
    dark: boolean,
  ) {
    // Links in a document open in a new tab (PDF.js's LinkTarget.BLANK).
    const linkService = new PDFLinkService({ eventBus: this.eventBus, externalLinkTarget: 2 });
    this.linkService = linkService;
    this.findController = new PDFFindController({ eventBus: this.eventBus, linkService });
    this.viewer = new PDFViewer({
      container,
      eventBus: this.eventBus,
      linkService,
      findController: this.findController,
      // No forms, no scripting, no editing: a reader, not an editor. Links stay clickable.
      annotationMode: pdfjs.AnnotationMode.ENABLE,
      // Dark mode: PDF.js draws text and lines in these colours (what its high-contrast mode does).
      pageColors: dark ? { background: '#1f2023', foreground: '#e6e6e6' } : undefined,
    });
    linkService.setViewer(this.viewer);
    this.eventBus.on('pagechanging', () => this.emitState());
    this.eventBus.on('scalechanging', () => this.emitState());
    this.eventBus.on('pagesinit', () => {
      this.viewer.currentScaleValue = 'auto';
      this.emitState();
    });
    // A fitted zoom follows the window, as in PDF.js's own viewer; a tab that had no size when the
    // document opened (a background tab, seen headless) is fitted once it has one.
    new ResizeObserver(() => {
      const fitted = this.viewer.currentScaleValue;
      if (this.viewer.pagesCount > 0 && (fitted === 'auto' || fitted === 'page-width')) {
        this.viewer.currentScaleValue = fitted;
      }
    }).observe(container);
    this.eventBus.on('textlayerrendered', () => this.callbacks.onTextLayer());
    this.eventBus.on(
      'updatefindmatchescount',
      ({ matchesCount }: { matchesCount: { current: number; total: number } }) =>
        this.callbacks.onFind({ ...matchesCount, notFound: matchesCount.total === 0 }),
    );
    this.eventBus.on(
      'updatefindcontrolstate',
      ({ state, matchesCount }: { state: number; matchesCount: { current: number; total: number } }) =>
        this.callbacks.onFind({ ...matchesCount, notFound: state === FindState.NOT_FOUND }),
    );
  }

  /**
   * Opens a document from its bytes. Resolves with what the reader should be told (or null): a
   * refusal (damaged, password, too many pages) leaves the viewer empty; `noText` shows the pages.
   */
  async open(data: Uint8Array, password?: string): Promise<PdfProblem | null> {
    const task = pdfjs.getDocument({
      data,
      password,
      // The extension's pages allow no eval; fonts are drawn without it.
      isEvalSupported: false,
      enableXfa: false,
      // Fonts not embedded in the file are drawn with the system's, not fetched.
      useSystemFonts: true,
    });
    // Without a handler PDF.js waits forever for a password: stop, and ask the reader for it.
    let passwordReason: number | null = null;
    task.onPassword = (_update: unknown, reason: number) => {
      passwordReason = reason;
      void task.destroy();
    };
    let timer = 0;
    const timeout = new Promise<never>((_, reject) => {
      timer = window.setTimeout(
        () => reject(Object.assign(new Error('timeout'), { name: 'Timeout' })),
        PDF_OPEN_TIMEOUT_MS,
      );
    });
    let doc: LoadedDocument;
    try {
      doc = await Promise.race([task.promise, timeout]);
    } catch (error) {
      void task.destroy();
      if ((error as Error).name === 'Timeout') return { kind: 'timeout' };
      // PDF.js's reasons: 1 a password is needed, 2 the one given is wrong.
      if (passwordReason !== null) return { kind: 'password', retry: passwordReason === 2 };
      return problemFromError(error);
    } finally {
      window.clearTimeout(timer);
    }
    const refused = pageCountProblem(doc.numPages);
    if (refused) {
      void doc.destroy();
      return refused;
    }
    await this.doc?.destroy();
    this.doc = doc;
    this.viewer.setDocument(doc);
    this.linkService.setDocument(doc);
    return (await this.anyText(doc)) ? null : { kind: 'noText' };
  }

  /** Whether the first pages hold any text (a scanned PDF holds images only). */
  private async anyText(doc: LoadedDocument): Promise<boolean> {
    for (let n = 1; n <= Math.min(doc.numPages, TEXT_PROBE_PAGES); n++) {
      const page = await doc.getPage(n);
      if (hasText((await page.getTextContent()).items)) return true;
    }
    return false;
  }

  /** Each page's text as its text layer will show it: one string per text item (cached per document). */
  pageTexts(): Promise<string[][]> | null {
    const doc = this.doc;
    if (!doc) return null;
    if (this.texts?.doc !== doc) {
      const read = async () => {
        const pages: string[][] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const { items } = await (await doc.getPage(n)).getTextContent();
          pages.push(items.flatMap((item) => ('str' in item && item.str ? [item.str] : [])));
        }
        return pages;
      };
      this.texts = { doc, pages: read() };
    }
    return this.texts.pages;
  }

  goToPage(page: number): void {
    if (!this.doc) return;
    this.viewer.currentPageNumber = Math.min(Math.max(1, Math.round(page)), this.doc.numPages);
  }

  nextPage(): void {
    this.viewer.nextPage();
  }

  previousPage(): void {
    this.viewer.previousPage();
  }

  zoom(direction: 1 | -1 | 0): void {
    if (!this.doc) return;
    if (direction === 0) this.viewer.currentScaleValue = 'page-width';
    else if (direction > 0 && this.viewer.currentScale < MAX_SCALE) this.viewer.increaseScale();
    else if (direction < 0 && this.viewer.currentScale > MIN_SCALE) this.viewer.decreaseScale();
  }

  /** Searches the document; `again` goes to the next (or previous) match of the same query. */
  find(query: string, again: 'next' | 'previous' | null): void {
    this.eventBus.dispatch('find', {
      source: this,
      type: again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: again === 'previous',
      matchDiacritics: false,
    });
  }

  private emitState(): void {
    this.callbacks.onState({
      page: this.viewer.currentPageNumber,
      pages: this.viewer.pagesCount,
      scale: Math.round(this.viewer.currentScale * 100),
    });
  }
}
