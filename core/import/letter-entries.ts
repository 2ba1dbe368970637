import { LANGS } from '@/core/constants';
import type { GlossaryEntry } from '@/core/glossary-schema';
import type { ImportedEntry, ImportedTerm } from '@/core/imported-schema';

/**
 * The bundled letter's entries as imported entries, so the letter's glossary exports in our JSON format (and
 * reads back like any imported glossary). Decisions, since an imported entry is plainer than the letter's:
 * - each language's name is a `fullForm` term in that language, its expansion another when it differs;
 * - an abbreviation takes the language of the alias that writes it ("TFUE" is French, "EU" is `mul`); one no alias
 *   names is `mul` (shared by all languages) rather than copied into nl, en, fr and de, so it is one term and a
 *   language filter keeps it;
 * - the other aliases, the forms the letter is matched by, follow as `variant` terms (case sensitivity is lost:
 *   imported entries have no such flag);
 * - `short` is the definition in each language; `long` goes to the note, one paragraph per language marked
 *   "[nl]" … "[de]", as an imported entry has one note;
 * - `source.label` is the source; the letter's part, quotes, relations and legal references are not carried over.
 */
export function letterEntriesToImported(entries: readonly GlossaryEntry[]): ImportedEntry[] {
  return entries.map((entry) => {
    const terms: ImportedTerm[] = [];
    const have = new Set<string>();
    const add = (term: ImportedTerm) => {
      const key = `${term.lang}\u0000${term.text}`;
      if (have.has(key)) return;
      have.add(key);
      terms.push(term);
    };
    for (const lang of LANGS) {
      add({ lang, text: entry.name[lang], type: 'fullForm' });
      if (entry.expansion) add({ lang, text: entry.expansion[lang], type: 'fullForm' });
    }
    for (const abbreviation of entry.abbreviations) {
      const alias = entry.aliases.find((a) => a.text === abbreviation);
      add({ lang: alias?.lang ?? 'mul', text: abbreviation, type: 'abbreviation' });
    }
    for (const alias of entry.aliases) {
      // An alias already present under another type (a name, an abbreviation) is not repeated as a variant.
      if (!terms.some((t) => t.text === alias.text && (t.lang === alias.lang || alias.lang === 'mul'))) {
        add({ lang: alias.lang, text: alias.text, type: 'variant' });
      }
    }
    return {
      id: entry.id,
      terms,
      definitions: LANGS.map((lang) => ({ lang, text: entry.short[lang] })),
      subjectFields: [],
      source: entry.source.label,
      note: LANGS.map((lang) => `[${lang}] ${entry.long[lang]}`).join('\n\n'),
    };
  });
}
