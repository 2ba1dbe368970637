/**
 * A slow, obviously correct matcher with the same rules as term-matcher.ts, for tests only.
 * At every unit it tries every alias unit by unit, keeps the longest that fits, and takes the
 * leftmost such match greedily.
 */
import { segmentText, type MatchUnit } from './text-fold';
import {
  activeAliases,
  BLOCKED_TERM_ID,
  type CompiledAlias,
  type MatchTerm,
  type MatcherOptions,
  type TermMatch,
} from './term-matcher';

function fitsAt(text: readonly MatchUnit[], at: number, alias: CompiledAlias): boolean {
  const last = at + alias.units.length;
  if (last > text.length) return false;
  // Word edges: no letter, mark or digit right before or right after.
  if (at > 0 && text[at - 1]?.word) return false;
  if (last < text.length && text[last]?.word) return false;
  return alias.units.every((unit, k) => {
    const t = text[at + k];
    if (t === undefined || t.key !== unit.key) return false;
    return !alias.caseSensitive || unit.exact === ' ' || t.exact === unit.exact;
  });
}

export function referenceFind(terms: readonly MatchTerm[], text: string, options?: MatcherOptions): TermMatch[] {
  // Same priority as the real matcher: longest first, then case-sensitive, then input order.
  const aliases = activeAliases(terms, options)
    .map((alias, order) => ({ alias, order }))
    .sort(
      (x, y) =>
        y.alias.units.length - x.alias.units.length ||
        Number(y.alias.caseSensitive) - Number(x.alias.caseSensitive) ||
        x.order - y.order,
    )
    .map((x) => x.alias);
  const units = segmentText(text);
  const matches: TermMatch[] = [];
  let at = 0;
  while (at < units.length) {
    const alias = aliases.find((a) => fitsAt(units, at, a));
    const first = units[at];
    const last = alias && units[at + alias.units.length - 1];
    if (alias && first && last) {
      // A "not this" phrase takes its units and shows nothing.
      if (alias.termId !== BLOCKED_TERM_ID) matches.push({ start: first.start, end: last.end, termId: alias.termId });
      at += alias.units.length;
    } else {
      at++;
    }
  }
  return matches;
}
