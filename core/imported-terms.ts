// Placeholder until the precision rules land (branch import-precision): every form highlighted,
// abbreviations case-exact. Replaced whole by that branch.
import { termKey } from './ids';
import type { ImportedEntry } from './imported-schema';
import type { MatchTerm } from './term-automaton-build';
import { z } from './zod';

export const glossaryRulesSchema = z.object({});
export type GlossaryRules = z.infer<typeof glossaryRulesSchema>;

export function matchTermsOf(
  glossaryId: string,
  entries: readonly ImportedEntry[],
  _rules?: GlossaryRules,
): MatchTerm[] {
  return entries.map((entry) => ({
    id: termKey(glossaryId, entry.id),
    highlight: true,
    aliases: entry.terms.map((t) => ({
      text: t.text,
      caseSensitive: t.type === 'abbreviation' || t.type === 'acronym',
    })),
  }));
}
