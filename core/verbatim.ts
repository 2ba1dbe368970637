// Stands for a hyphen at a line end, which may be a real hyphen or hyphenation.
const SOFT = '\u0000';

/** Collapses white space and marks every hyphen at a line end with SOFT, for occursVerbatim. */
export function normaliseSource(source: string): string {
  return source
    .replace(/-[ \t]*\r?\n\s*/g, SOFT)
    .replace(/\s+/g, ' ')
    .trim();
}

function matchesAt(src: string, i: number, quote: string, j: number): boolean {
  while (j < quote.length) {
    if (i >= src.length) return false;
    const c = src[i];
    if (c === SOFT) {
      // Either a real hyphen or hyphenation: try both.
      if (quote[j] === '-' && matchesAt(src, i + 1, quote, j + 1)) return true;
      i += 1;
      continue;
    }
    if (c !== quote[j]) return false;
    i += 1;
    j += 1;
  }
  return true;
}

/**
 * Does `quote` occur in the source (as normaliseSource returns it) by the rule of the source's
 * README: white space collapsed, and a hyphen followed by a line break read either as a hyphen or
 * as nothing ("intergou-\nvernementeel", "COVID-19-\n crisis").
 */
export function occursVerbatim(quote: string, normalisedSource: string): boolean {
  const q = quote.replace(/\s+/g, ' ').trim();
  if (q.length === 0) return false;
  for (let i = 0; i < normalisedSource.length; i++) {
    if (matchesAt(normalisedSource, i, q, 0)) return true;
  }
  return false;
}
