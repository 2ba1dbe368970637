import { documentCounts } from '@/core/document-counts';
import type { TermMatch } from '@/core/term-matcher';
import type { PageEngine } from '@/page/engine';
import type { PageScanner } from '@/page/scanner';
import type { PdfView } from './viewer';

export interface DocumentTerms {
  counts: Map<string, number>;
  /** The first page (1-based) each term is on. */
  firstPage: Map<string, number>;
}

/**
 * The whole document's terms for the popup's "On this page" — its undrawn pages' text matched as
 * the drawn pages' text layers are — and the first page of each; the drawn pages' alone until a
 * document is open (or if matching fails). The match is kept while the document's text and the
 * scanner (its matcher, the settings and the known terms: a change makes a new one) are the same:
 * the popup asks at every open, and a long document is matched once, not at each.
 */
export function documentTermsOf(
  engine: Pick<PageEngine, 'highlighter' | 'scanner' | 'settings'>,
  view: () => Pick<PdfView, 'pageTexts'> | null,
): () => Promise<DocumentTerms> {
  let last: { texts: Promise<string[][]>; scanner: PageScanner; matched: Promise<TermMatch[][] | null> } | null = null;
  return async () => {
    const drawn = { counts: engine.highlighter?.counts() ?? new Map<string, number>(), firstPage: new Map() };
    const texts = view()?.pageTexts();
    const pages = await texts?.catch(() => null);
    const { scanner } = engine;
    if (!texts || !pages || !scanner) return drawn;
    if (last?.texts !== texts || last.scanner !== scanner)
      last = { texts, scanner, matched: scanner.match(pages.flat()).catch(() => null) };
    const { matched: matching } = last;
    const matched = await matching;
    if (!matched) {
      // The glossary changed meanwhile, or matching failed: matched again at the next ask.
      if (last?.matched === matching) last = null;
      return drawn;
    }
    let at = 0;
    const perPage = pages.map((items) => matched.slice(at, (at += items.length)));
    return documentCounts(perPage, engine.settings?.mode === 'first');
  };
}
