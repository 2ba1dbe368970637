import type { ImportedEntry } from '@/core/imported-schema';
import type { CsvColumnKind, CsvColumns } from './import-protocol';

// The import dialog's defaults and numbers, as pure functions (no DOM, no database): which languages
// to keep, what a CSV's columns hold, how far an import is and how long it has left.

/** Languages ticked before the reader chooses: the interface's, then the Benelux's and English. */
const PREFERRED = ['nl', 'en', 'fr', 'de'];

/** The languages ticked at first: the reader's UI language and nl/en/fr/de where the file has them; else all. */
export function defaultLanguages(seen: readonly string[], uiLang: string): string[] {
  const wanted = new Set([uiLang, ...PREFERRED]);
  const picked = seen.filter((l) => wanted.has(l));
  return picked.length ? picked : [...seen];
}

/**
 * What the parser is told to keep: nothing (every language) when the reader kept every language the
 * preview saw, so a language that first appears after the preview's entries is not dropped unasked.
 */
export function languagesToKeep(selected: readonly string[], seen: readonly string[]): string[] | undefined {
  const chosen = new Set(selected);
  return seen.every((l) => chosen.has(l)) ? undefined : seen.filter((l) => chosen.has(l));
}

/** The 24 official EU languages: a CSV header naming one of these is taken as a language. */
export const EU_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
]; // prettier-ignore

/** Language names a header may use instead of a code, in our four interface languages. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', engels: 'en', anglais: 'en', englisch: 'en',
  dutch: 'nl', nederlands: 'nl', neerlandais: 'nl', niederlandisch: 'nl', flemish: 'nl', vlaams: 'nl',
  french: 'fr', frans: 'fr', francais: 'fr', franzosisch: 'fr',
  german: 'de', duits: 'de', allemand: 'de', deutsch: 'de',
}; // prettier-ignore

/** What a header word says a column holds (in en, nl, fr, de), tried in this order. */
const KIND_WORDS: [CsvColumnKind, RegExp][] = [
  ['definition', /^(definitions?|definitie|definition|uitleg|omschrijving|beschrijving|description|explanation|erklarung|begriffsbestimmung|meaning|betekenis)$/],
  ['abbreviation', /^(abbr|abbreviations?|afk|afkorting|abreviation|abrev|abkurzung|acronyms?)$/],
  ['subject', /^(subjects?|subject ?fields?|domains?|domein|domaine|onderwerp|thema|theme|sachgebiet|field|category|categorie)$/],
  ['id', /^(id|identifier|nr|no|number|nummer|numero|code|key|#)$/],
  ['source', /^(sources?|bron|quelle|reference|referentie)$/],
  ['note', /^(notes?|opmerkingen?|remarques?|anmerkungen?|comments?|commentaar)$/],
  ['term', /^(terms?|begrip|begrippen|woord|words?|terme|mot|begriff|wort|benennung|name|naam|nom)$/],
]; // prettier-ignore

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** A header cell as a kind and a language, each when it says so ("term_nl", "Definitie (EN)", "English"). */
function readHeader(cell: string): { kind?: CsvColumnKind; lang?: string } {
  const words = fold(cell)
    .split(/[^a-z#]+/)
    .filter(Boolean);
  let kind: CsvColumnKind | undefined;
  let lang: string | undefined;
  for (const word of words) {
    lang ??= LANGUAGE_NAMES[word] ?? (EU_LANGUAGES.includes(word) ? word : undefined);
    kind ??= KIND_WORDS.find(([, re]) => re.test(word))?.[0];
  }
  return { ...(kind ? { kind } : {}), ...(lang ? { lang } : {}) };
}

/** Kinds whose text is in a language. */
export const LANGUAGE_KINDS: readonly CsvColumnKind[] = ['term', 'definition', 'abbreviation'];

/**
 * A first guess at what each column of an unrecognised CSV header holds, for the reader to correct:
 * a bare language ("English", "nl") is a term column; a column without a language gets the file's
 * one language, else the reader's. Columns it cannot read are left out (ignored).
 */
export function guessCsvColumns(header: readonly string[], uiLang: string): CsvColumns {
  const read = header.map(readHeader);
  const langs = new Set(read.flatMap((r) => (r.lang ? [r.lang] : [])));
  const fallbackLang = langs.size === 1 ? [...langs][0]! : uiLang;
  const columns: CsvColumns = {};
  for (const [i, r] of read.entries()) {
    const kind = r.kind ?? (r.lang ? 'term' : undefined);
    if (!kind) continue;
    columns[i] = LANGUAGE_KINDS.includes(kind) ? { kind, lang: r.lang ?? fallbackLang } : { kind };
  }
  if (!Object.values(columns).some((c) => c.kind === 'term')) {
    // Nothing reads as a term: the first column not taken is the likeliest.
    const first = header.findIndex((_, i) => !columns[i]);
    if (first >= 0) columns[first] = { kind: 'term', lang: fallbackLang };
  }
  return columns;
}

/** What stops a column mapping from being used, or null. */
export function csvColumnsProblem(columns: CsvColumns): 'no-term' | 'no-language' | 'two-ids' | null {
  const list = Object.values(columns);
  if (!list.some((c) => c.kind === 'term')) return 'no-term';
  if (list.some((c) => LANGUAGE_KINDS.includes(c.kind) && !/^[a-z]{2,3}$/.test(c.lang ?? ''))) return 'no-language';
  if (list.filter((c) => c.kind === 'id').length > 1) return 'two-ids';
  return null;
}

/** Whole percent of the file read; 100 only once all of it is. */
export function progressPercent(bytesRead: number, total: number): number {
  if (total <= 0) return 0;
  if (bytesRead >= total) return 100;
  return Math.min(99, Math.floor((bytesRead / total) * 100));
}

/**
 * Time left, from the pace so far (reading and writing together); null while too little is known
 * to say (the first second and the first percent).
 */
export function estimateRemainingMs(bytesRead: number, total: number, elapsedMs: number): number | null {
  if (bytesRead <= 0 || total <= 0 || elapsedMs < 1_000 || bytesRead / total < 0.01) return null;
  return Math.max(0, (elapsedMs * (total - bytesRead)) / bytesRead);
}

const unit = (locale: string, u: 'second' | 'minute' | 'hour', value: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);

/** "45 seconds", "3 minutes", "1 hour, 20 minutes": rounded up, as a reader would say it. */
export function formatDuration(ms: number, locale: string): string {
  const seconds = Math.ceil(ms / 1_000);
  if (seconds < 60) return unit(locale, 'second', Math.max(5, Math.ceil(seconds / 5) * 5));
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return unit(locale, 'minute', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = unit(locale, 'hour', hours);
  return rest ? new Intl.ListFormat(locale, { type: 'unit' }).format([h, unit(locale, 'minute', rest)]) : h;
}

/** "850 kB", "12.3 MB", "1.2 GB" (decimal units, as file managers show sizes). */
export function formatBytes(bytes: number, locale: string): string {
  const units = [
    ['gigabyte', 1e9],
    ['megabyte', 1e6],
    ['kilobyte', 1e3],
  ] as const;
  const [name, size] = units.find(([, s]) => bytes >= s) ?? ['byte', 1];
  const value = bytes / size;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: name,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && size > 1 ? 1 : 0,
  }).format(value);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A language's name in the reader's language ("Dutch (nl)"); the code alone when unknown. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The entry's definition in the first of `langs` that has one, else its first. */
export function definitionIn(entry: ImportedEntry, langs: readonly string[]): { lang: string; text: string } | null {
  for (const lang of langs) {
    const found = entry.definitions.find((d) => d.lang === lang);
    if (found) return found;
  }
  return entry.definitions[0] ?? null;
}
