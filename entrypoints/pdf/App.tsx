import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FileDrop } from '@/components/FileDrop';
import { PdfToolbar, type PdfToolbarLabels } from '@/components/PdfToolbar';
import { pdfUrlFromQuery, type PdfProblem } from '@/core/pdf-open';
import { t } from '@/i18n/t';
import { problemText } from './problem-text';
import { readFile, readUrl, requestAccess, type ReadResult } from './source';
import { PdfView, type FindResult, type ViewerState } from './viewer';

interface Props {
  /** A page's text is in the document: explain it. */
  onTextLayer: () => void;
  /** The viewer, once made (the popup's "On this page" reads the whole document through it). */
  onView: (view: PdfView) => void;
}

type Status =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'shown' }
  | { kind: 'access'; url: URL; origin: string }
  | { kind: 'problem'; problem: PdfProblem };

const labels: PdfToolbarLabels = {
  open: t('pdfOpenFile'),
  previous: t('pdfPreviousPage'),
  next: t('pdfNextPage'),
  page: t('pdfPage'),
  ofPages: (pages) => t('pdfOfPages', String(pages)),
  zoomOut: t('pdfZoomOut'),
  zoomIn: t('pdfZoomIn'),
  fitWidth: t('pdfFitWidth'),
  find: t('pdfFind'),
  findPrevious: t('pdfFindPrevious'),
  findNext: t('pdfFindNext'),
  findCount: (current, total) => t('pdfFindCount', [String(current), String(total)]),
  findNone: t('pdfFindNone'),
};

/** The PDF viewer page: a toolbar, the pages, and what the reader is told when a file cannot be shown. */
export function App({ onTextLayer, onView }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<PdfView | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'empty' });
  /** Shown beside the pages (a scanned PDF is still shown). */
  const [notice, setNotice] = useState<PdfProblem | null>(null);
  const [state, setState] = useState<ViewerState>({ page: 0, pages: 0, scale: 100 });
  const [find, setFind] = useState<FindResult | null>(null);
  /** The bytes of a password-protected file, kept to try again with a password. */
  const pending = useRef<{ bytes: Uint8Array; name: string } | null>(null);

  useEffect(() => {
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const made = new PdfView(container.current!, { onState: setState, onFind: setFind, onTextLayer }, dark);
    setView(made);
    onView(made);
  }, [onTextLayer, onView]);

  const show = async (read: Promise<ReadResult>, name: string, password?: string) => {
    if (!view) return;
    setStatus({ kind: 'loading' });
    setNotice(null);
    // A file that cannot be read at all (gone, unreadable) is said so too, never a page left loading.
    const result = await read.catch((): ReadResult => ({ problem: { kind: 'damaged' } }));
    if ('needsAccess' in result) return; // handled by the caller
    if ('problem' in result) return setStatus({ kind: 'problem', problem: result.problem });
    // PDF.js takes the buffer over: keep a copy in case it asks for a password.
    pending.current = { bytes: result.bytes.slice(), name };
    const problem = await view.open(result.bytes, password).catch((): PdfProblem => ({ kind: 'damaged' }));
    if (problem?.kind !== 'password') pending.current = null;
    if (problem && problem.kind !== 'noText') return setStatus({ kind: 'problem', problem });
    document.title = `${name} — ${t('extName')}`;
    setNotice(problem);
    setStatus({ kind: 'shown' });
    container.current?.focus();
  };

  const openUrl = async (url: URL) => {
    setStatus({ kind: 'loading' });
    const result = await readUrl(url);
    if ('needsAccess' in result) return setStatus({ kind: 'access', url, origin: result.needsAccess });
    await show(Promise.resolve(result), fileName(url));
  };

  const openFile = (file: File) => void show(readFile(file), file.name);

  // pdf.html?url=… : the PDF of the tab the popup was over.
  useEffect(() => {
    if (!view) return;
    const url = pdfUrlFromQuery(location.search);
    if (url === 'none') return;
    if (url === null) setStatus({ kind: 'problem', problem: { kind: 'badUrl' } });
    else void openUrl(url);
  }, [view]);

  // Focused at once (not after a re-render): what the reader types next goes into it.
  useKeyboard(view, state, () => document.querySelector<HTMLInputElement>('input.pdf-find-input')?.select());
  const dropOnPage = useMemo(() => dropHandlers(openFile), [view]);

  return (
    <div class="pdf-app" {...dropOnPage}>
      <PdfToolbar
        labels={labels}
        page={state.page}
        pages={status.kind === 'shown' ? state.pages : 0}
        scale={state.scale}
        find={find}
        onOpenFile={openFile}
        onPage={(page) => view?.goToPage(page)}
        onStep={(step) => (step > 0 ? view?.nextPage() : view?.previousPage())}
        onZoom={(direction) => view?.zoom(direction)}
        onFind={(query, again) => view?.find(query, again)}
      />
      <div class="pdf-status" role="status">
        {status.kind === 'loading' && <p class="muted">{t('pdfLoading')}</p>}
        {status.kind === 'problem' && (
          <p class="pdf-problem" data-problem={status.problem.kind}>
            {problemText(status.problem)}
          </p>
        )}
        {status.kind === 'problem' && status.problem.kind === 'password' && pending.current && (
          <PasswordForm
            onPassword={(password) => {
              const { bytes, name } = pending.current!;
              void show(Promise.resolve({ bytes }), name, password);
            }}
          />
        )}
        {status.kind === 'shown' && notice && (
          <p class="pdf-notice" data-problem={notice.kind}>
            {problemText(notice)}
          </p>
        )}
        {status.kind === 'access' && (
          <div class="pdf-access">
            <p>{t('pdfAccessExplain', status.origin)}</p>
            <button
              type="button"
              class="primary"
              onClick={() => {
                const { url } = status;
                void requestAccess(url).then((granted) => (granted ? openUrl(url) : undefined));
              }}
            >
              {t('pdfAccessButton', status.origin)}
            </button>
          </div>
        )}
      </div>
      <div class="pdf-stage">
        <div ref={container} id="viewerContainer" class="pdf-container" tabIndex={0} aria-label={t('pdfDocument')}>
          <div class="pdfViewer" />
        </div>
        {(status.kind === 'empty' || (status.kind === 'problem' && !pending.current)) && (
          <div class="pdf-empty">
            <FileDrop
              label={t('pdfChooseFile')}
              hint={t('pdfChooseHint')}
              accept="application/pdf,.pdf"
              onFile={openFile}
            />
          </div>
        )}
      </div>
    </div>
  );
}

function PasswordForm({ onPassword }: { onPassword: (password: string) => void }) {
  const [password, setPassword] = useState('');
  return (
    <form
      class="pdf-password"
      onSubmit={(e) => {
        e.preventDefault();
        onPassword(password);
      }}
    >
      <label>
        {t('pdfPassword')}{' '}
        <input
          type="password"
          autoComplete="off"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit">{t('pdfPasswordOpen')}</button>
    </form>
  );
}

/** The name a PDF's address gives it (its last path segment, decoded when it can be). */
function fileName(url: URL): string {
  const last = url.pathname.split('/').pop() || url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A PDF dropped anywhere on the page opens. */
function dropHandlers(open: (file: File) => void) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      open(file);
    },
  };
}

/**
 * The keys a reader expects of a PDF viewer: Ctrl/⌘+F searches, Ctrl/⌘ +, − and 0 zoom, and outside a
 * text field N/P (and ←/→ unless the pages are wider than the window), Home and End move by page; the
 * pages scroll with ↑/↓ and Page Up/Down as any scrolled region does.
 */
function useKeyboard(view: PdfView | null, state: ViewerState, focusFind: () => void): void {
  useEffect(() => {
    if (!view) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key === 'f') focusFind();
      else if (mod && (e.key === '+' || e.key === '=')) view.zoom(1);
      else if (mod && e.key === '-') view.zoom(-1);
      else if (mod && e.key === '0') view.zoom(0);
      else if (mod || e.altKey || isTyping(e.target)) return;
      else if (e.key === 'n' || (e.key === 'ArrowRight' && !sideways())) view.nextPage();
      else if (e.key === 'p' || (e.key === 'ArrowLeft' && !sideways())) view.previousPage();
      else if (e.key === 'Home') view.goToPage(1);
      else if (e.key === 'End') view.goToPage(state.pages);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, state.pages]);
}

/** Zoomed wider than the window: ←/→ scroll the pages sideways, as in any scrolled region. */
function sideways(): boolean {
  const container = document.getElementById('viewerContainer');
  return !!container && container.scrollWidth > container.clientWidth;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}
