import { useEffect, useState } from 'preact/hooks';

export interface PdfToolbarLabels {
  open: string;
  previous: string;
  next: string;
  page: string;
  /** "of 12" */
  ofPages: (pages: number) => string;
  zoomOut: string;
  zoomIn: string;
  fitWidth: string;
  find: string;
  findPrevious: string;
  findNext: string;
  /** "2 of 5" */
  findCount: (current: number, total: number) => string;
  findNone: string;
}

interface Props {
  labels: PdfToolbarLabels;
  page: number;
  pages: number;
  /** Zoom in percent. */
  scale: number;
  find: { current: number; total: number; notFound: boolean } | null;
  onOpenFile: (file: File) => void;
  onPage: (page: number) => void;
  onStep: (step: 1 | -1) => void;
  onZoom: (direction: 1 | -1 | 0) => void;
  onFind: (query: string, again: 'next' | 'previous' | null) => void;
}

/** The viewer's toolbar: open, page navigation, zoom and search within the document. */
export function PdfToolbar(props: Props) {
  const { labels, page, pages, scale, find } = props;
  const [pageText, setPageText] = useState(String(page));
  const [query, setQuery] = useState('');
  useEffect(() => setPageText(String(page)), [page]);
  const noDocument = pages === 0;
  return (
    <header class="pdf-toolbar">
      <label class="pdf-open button">
        {labels.open}
        <input
          type="file"
          accept="application/pdf,.pdf"
          class="visually-hidden"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = ''; // the same file again is a change too
            if (file) props.onOpenFile(file);
          }}
        />
      </label>
      <span class="pdf-group">
        <button
          type="button"
          title={labels.previous}
          aria-label={labels.previous}
          disabled={noDocument || page <= 1}
          onClick={() => props.onStep(-1)}
        >
          ‹
        </button>
        <input
          class="pdf-page"
          inputMode="numeric"
          aria-label={labels.page}
          value={pageText}
          disabled={noDocument}
          onInput={(e) => setPageText(e.currentTarget.value)}
          onChange={(e) => props.onPage(Number(e.currentTarget.value) || page)}
        />
        <span class="pdf-pages">{labels.ofPages(pages)}</span>
        <button
          type="button"
          title={labels.next}
          aria-label={labels.next}
          disabled={noDocument || page >= pages}
          onClick={() => props.onStep(1)}
        >
          ›
        </button>
      </span>
      <span class="pdf-group">
        <button
          type="button"
          title={labels.zoomOut}
          aria-label={labels.zoomOut}
          disabled={noDocument}
          onClick={() => props.onZoom(-1)}
        >
          −
        </button>
        <button
          type="button"
          class="pdf-scale"
          title={labels.fitWidth}
          disabled={noDocument}
          onClick={() => props.onZoom(0)}
        >
          {scale}%
        </button>
        <button
          type="button"
          title={labels.zoomIn}
          aria-label={labels.zoomIn}
          disabled={noDocument}
          onClick={() => props.onZoom(1)}
        >
          +
        </button>
      </span>
      <form
        class="pdf-group pdf-find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          props.onFind(query, 'next');
        }}
      >
        <input
          type="search"
          class="pdf-find-input"
          placeholder={labels.find}
          aria-label={labels.find}
          value={query}
          disabled={noDocument}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            props.onFind(e.currentTarget.value, null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              props.onFind(query, 'previous');
            }
          }}
        />
        <button
          type="button"
          title={labels.findPrevious}
          aria-label={labels.findPrevious}
          disabled={noDocument || !query}
          onClick={() => props.onFind(query, 'previous')}
        >
          ↑
        </button>
        <button type="submit" title={labels.findNext} aria-label={labels.findNext} disabled={noDocument || !query}>
          ↓
        </button>
        <output class="pdf-find-count" aria-live="polite">
          {query && find ? (find.notFound ? labels.findNone : labels.findCount(find.current, find.total)) : ''}
        </output>
      </form>
    </header>
  );
}
