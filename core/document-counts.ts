import type { TermMatch } from './term-matcher';

/**
 * The popup's "On this page" over a whole document whose pages are not all drawn (a PDF): the
 * occurrences of each term, page by page (each page a list of its text items' matches), and the first
 * page each is on. In "first occurrence" mode a term counts once, as the highlights show it.
 */
export function documentCounts(
  pages: readonly (readonly (readonly TermMatch[])[])[],
  firstOnly: boolean,
): { counts: Map<string, number>; firstPage: Map<string, number> } {
  const counts = new Map<string, number>();
  const firstPage = new Map<string, number>();
  pages.forEach((items, i) => {
    for (const matches of items)
      for (const { termId } of matches) {
        if (!firstPage.has(termId)) firstPage.set(termId, i + 1);
        counts.set(termId, firstOnly ? 1 : (counts.get(termId) ?? 0) + 1);
      }
  });
  return { counts, firstPage };
}
