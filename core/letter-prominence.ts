import { searchKey } from './search-index';
import type { MatchTerm } from './term-matcher';

/**
 * How often the letter mentions each entry (any alias, as whole words, ignoring case and
 * diacritics): ties in search go to the more prominent term. Plain string counting — this runs
 * at build time (core/glossary-derived.ts), where compiling the page matcher would cost more than it brings.
 */
export function letterProminence(terms: readonly MatchTerm[], letter: string): Map<string, number> {
  const haystack = ` ${searchKey(letter)} `;
  const counts = new Map<string, number>();
  for (const term of terms) {
    let n = 0;
    for (const alias of new Set(term.aliases.map((a) => searchKey(a.text)))) {
      if (!alias) continue;
      const needle = ` ${alias} `;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
    }
    if (n > 0) counts.set(term.id, n);
  }
  return counts;
}
