import type { TermMatch } from './term-matcher';
import { parseTermKey } from './ids';

export type ClaimedMatch = TermMatch & { others?: string[] };

/**
 * Two matchers' matches over one text as one matcher over both glossaries would give them: leftmost
 * first, then the longest, then the glossary first in the reader's order (`rank` of a glossary id;
 * lower wins). A match of the same words that loses is named among the winner's `others`, as the
 * tooltip lists them. Each list is in text order and without overlaps, as matchers give them.
 */
export function mergeMatches(
  lists: readonly (readonly ClaimedMatch[])[],
  rank: (glossaryId: string) => number,
): ClaimedMatch[] {
  const rankOf = (m: ClaimedMatch) => rank(parseTermKey(m.termId)?.glossaryId ?? '');
  const all = lists
    .flat()
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end || rankOf(a) - rankOf(b));
  const out: ClaimedMatch[] = [];
  for (const match of all) {
    const last = out.at(-1);
    if (last && last.start === match.start && last.end === match.end) {
      const others = [...(last.others ?? []), match.termId, ...(match.others ?? [])];
      out[out.length - 1] = { ...last, others: [...new Set(others)].filter((id) => id !== last.termId) };
      continue;
    }
    if (last && match.start < last.end) continue;
    out.push(match);
  }
  return out;
}
