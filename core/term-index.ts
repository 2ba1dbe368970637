import type { GlossaryEntry } from './glossary-schema';
import { expandLegalRef } from './legal-refs';
import type { MatchTerm } from './term-matcher';

/**
 * The compact index the page matcher needs: per entry its id, whether it is highlighted by default,
 * and every surface form (aliases, inflections, generated legal-reference forms) with its case rule.
 */
export function buildTermIndex(entries: readonly GlossaryEntry[]): MatchTerm[] {
  return entries.map((e) => {
    const aliases = e.aliases.map((a) => ({ text: a.text, caseSensitive: a.caseSensitive }));
    for (const f of e.inflections) aliases.push({ text: f.text, caseSensitive: false });
    if (e.legalRef) for (const text of expandLegalRef(e.legalRef)) aliases.push({ text, caseSensitive: false });
    return { id: e.id, highlight: e.highlight, aliases, notThis: e.notThis ?? [] };
  });
}
