import { LANGS } from './constants';
import type { ImportedEntry, ImportedTerm } from './imported-schema';

/**
 * How an imported entry is shown to a reader of one language: which of its terms names it, what the
 * other languages call it, which definition is shown. Pure, so the tooltip card, the popup and their
 * tests agree on it.
 */

/** A language's names for the concept: its best term, then its abbreviations and other forms. */
export interface LanguageNames {
  lang: string;
  main: ImportedTerm;
  /** Abbreviations, acronyms and short forms (when `main` is not one). */
  short: ImportedTerm[];
  /** Other forms: synonyms and variants; deprecated and obsolete ones last. */
  others: ImportedTerm[];
}

export interface ImportedEntryView {
  /** The names in the reader's language, else English, else the first language the entry has. */
  name: LanguageNames;
  /** The other languages, the Benelux ones (nl, en, fr, de) first, then by code. */
  languages: LanguageNames[];
  /** The definition in the reader's language, else English, else the first there is. */
  definition: { lang: string; text: string } | null;
}

const STATUS_RANK: Record<NonNullable<ImportedTerm['status']> | 'none', number> = {
  preferred: 0,
  admitted: 1,
  none: 1,
  deprecated: 2,
  obsolete: 3,
};

/** Abbreviations and the like: shown after the full form, marked. */
export function isShortForm(term: ImportedTerm): boolean {
  return term.type === 'abbreviation' || term.type === 'acronym' || term.type === 'shortForm';
}

/** Whether the reader should not use this form (IATE's deprecated and obsolete terms). */
export function isDiscouraged(term: ImportedTerm): boolean {
  return term.status === 'deprecated' || term.status === 'obsolete';
}

/** Which term names the concept: a preferred one, a full form, a more reliable one; else the file's order. */
function compareTerms(a: ImportedTerm, b: ImportedTerm): number {
  return (
    STATUS_RANK[a.status ?? 'none'] - STATUS_RANK[b.status ?? 'none'] ||
    Number(isShortForm(a)) - Number(isShortForm(b)) ||
    (b.reliability ?? 0) - (a.reliability ?? 0)
  );
}

function namesIn(entry: ImportedEntry, lang: string): LanguageNames | null {
  // A stable sort: ties keep the file's order.
  const terms = entry.terms.filter((t) => t.lang === lang).sort(compareTerms);
  const [main, ...rest] = terms;
  if (!main) return null;
  const short = isShortForm(main) ? [] : rest.filter((t) => isShortForm(t) && !isDiscouraged(t));
  const others = rest.filter((t) => !short.includes(t));
  return { lang, main, short, others };
}

/** The languages in the order a Benelux reader looks for them: nl, en, fr, de, then by code. */
function languageOrder(a: string, b: string): number {
  const rank = (lang: string) => {
    const i = (LANGS as readonly string[]).indexOf(lang);
    return i < 0 ? LANGS.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The order in which languages are tried when the reader's is missing: English, then the entry's own order. */
function fallbackLanguage(entry: ImportedEntry, lang: string, has: (lang: string) => boolean): string | null {
  if (has(lang)) return lang;
  if (has('en')) return 'en';
  return entry.terms.find((t) => has(t.lang))?.lang ?? null;
}

/** How `entry` is shown to a reader of `lang` (a two- or three-letter code). */
export function importedEntryView(entry: ImportedEntry, lang: string): ImportedEntryView {
  const codes = [...new Set(entry.terms.map((t) => t.lang))];
  const nameLang = fallbackLanguage(entry, lang, (l) => codes.includes(l)) ?? codes[0]!;
  const name = namesIn(entry, nameLang)!;
  const languages = codes
    .filter((l) => l !== nameLang)
    .sort(languageOrder)
    .flatMap((l) => namesIn(entry, l) ?? []);
  const definitions = new Map(entry.definitions.map((d) => [d.lang, d.text]));
  const definitionLang = fallbackLanguage(entry, lang, (l) => definitions.has(l)) ?? entry.definitions[0]?.lang ?? null;
  const definition = definitionLang === null ? null : { lang: definitionLang, text: definitions.get(definitionLang)! };
  return { name, languages, definition };
}

/** The concept's name for a list or a link (its best term in the reader's language, or the fallback's). */
export function importedEntryName(entry: ImportedEntry, lang: string): ImportedTerm {
  // The view's name alone: a list names up to 20 entries on each render (the other languages and the
  // definition cost as much again).
  const nameLang = fallbackLanguage(entry, lang, (l) => entry.terms.some((t) => t.lang === l)) ?? entry.terms[0]!.lang;
  return namesIn(entry, nameLang)!.main;
}
