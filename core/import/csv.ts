import Papa from 'papaparse';
import type { ImportedGlossaryInfo, ImportedTerm } from '@/core/imported-schema';
import { cleanText, entryName, langCode, type EntryDraft, type ParserHooks, type TextParser } from './entries';
import { ImportError } from './import-error';
import { baseName, encodeEntryId, entryIdFromTerm, nameGlossary } from './naming';

/**
 * CSV as spreadsheets save it (Excel: BOM, semicolons, CRLF; Google Sheets: commas, LF), streamed through
 * papaparse's own parser: each chunk is parsed up to its last complete row, and the rest (a row whose quoted field
 * goes on in the next chunk) is carried over, as papaparse's streamers do. The header row names the columns, in
 * English, Dutch, French or German; when it does not, the reader says which column holds what.
 */

export const CSV_COLUMN_KINDS = [
  'id',
  'term',
  'abbreviation',
  'definition',
  'subject',
  'source',
  'note',
  'ignore',
] as const;
export type CsvColumnKind = (typeof CSV_COLUMN_KINDS)[number];

/** What a column holds, and in which language (terms, abbreviations and definitions). */
export interface CsvColumn {
  kind: CsvColumnKind;
  lang?: string;
}

export interface CsvSettings {
  fileName?: string;
  /** Which column holds what (by index from 0), when the reader was asked; other columns are ignored. */
  columns?: Readonly<Record<number, CsvColumn>>;
  /** Whether the first row names the columns (default true). */
  header?: boolean;
  /** The language of term columns whose header names none ("term", "definition"); default "mul". */
  defaultLanguage?: string;
}

export interface CsvParser extends TextParser {
  /** How each column is read, once the header was (for the page to show). */
  columns(): ReadonlyArray<CsvColumn & { header: string }>;
}

/** Enough text to guess the delimiter and the line ending from (papaparse looks at the first rows). */
const HEAD_CHARS = 64 * 1024;

const words = (list: string) => list.split(' ');

/** Header words, folded (lower case, no diacritics), in English, Dutch, French and German. */
const KIND_WORDS: Readonly<Record<Exclude<CsvColumnKind, 'ignore'>, readonly string[]>> = {
  id: words('id ids identifier identifiant identificatie kennung conceptid entryid termid'),
  term: words(
    'term terms termen begrip begrippen terme termes terminus benennung benennungen begriff begriffe ' +
      'stichwort woord word ' +
      'words mot mots wort lemma trefwoord headword vedette naam name nom expression uitdrukking',
  ),
  abbreviation: words(
    'abbreviation abbreviations abbr abbrev acronym acronyms afkorting afkortingen acroniem ' +
      'abreviation abreviations sigle sigles acronyme abkurzung abkurzungen akronym kurzform ' +
      'shortform',
  ),
  definition: words(
    'definition definitions definitie definities definitionen omschrijving beschrijving ' +
      'description betekenis meaning explanation uitleg erklarung bedeutung beschreibung ' +
      'explication signification',
  ),
  subject: words(
    'subject subjects domain domains domein domeinen domaine domaines domane vakgebied thema ' +
      'theme themes sachgebiet fachgebiet category categorie categories kategorie onderwerp sujet ' +
      'topic rubriek',
  ),
  source: words('source sources bron bronnen herkomst quelle quellen reference references referentie referenz url'),
  note: words(
    'note notes opmerking opmerkingen remarque remarques commentaire commentaires comment ' +
      'comments anmerkung anmerkungen bemerkung notiz toelichting remark remarks',
  ),
};
/** Language names (folded) in English, Dutch, French and German, for headers like "English" or "Term (Duits)". */
const LANGUAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  nl: words('dutch nederlands neerlandais niederlandisch vlaams flemish'),
  en: words('english engels anglais englisch'),
  fr: words('french frans francais franzosisch'),
  de: words('german duits allemand deutsch'),
  lb: words('luxembourgish luxemburgs luxembourgeois luxemburgisch letzebuergesch'),
  es: words('spanish spaans espagnol spanisch'),
  it: words('italian italiaans italien italienisch'),
  pt: words('portuguese portugees portugais portugiesisch'),
};
/**
 * Header words only one of the four languages uses: a column "Definitie" holds Dutch, "Bedeutung" German, unless
 * the header says otherwise ("Definitie (EN)"). Words shared by languages ("term", "definition", "note") say nothing.
 */
const WORD_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  nl: words(
    'termen begrip begrippen woord trefwoord naam uitdrukking afkorting afkortingen acroniem definitie definities ' +
      'omschrijving beschrijving betekenis uitleg domein domeinen vakgebied onderwerp rubriek bron bronnen herkomst ' +
      'referentie opmerking opmerkingen toelichting identificatie',
  ),
  en: words(
    'terms word words headword name abbreviation abbreviations acronym acronyms meaning explanation domain domains ' +
      'subject subjects topic comment comments remark remarks identifier',
  ),
  fr: words(
    'terme termes mot mots vedette nom sigle sigles acronyme abreviation abreviations explication signification ' +
      'domaine domaines sujet remarque remarques commentaire commentaires identifiant',
  ),
  de: words(
    'begriff begriffe benennung benennungen stichwort wort abkurzung abkurzungen akronym kurzform definitionen ' +
      'erklarung bedeutung beschreibung sachgebiet fachgebiet kategorie domane quelle quellen referenz anmerkung ' +
      'anmerkungen bemerkung notiz kennung',
  ),
};

/** Codes a header may use alone ("en", "term_nl"): the EU's languages and Luxembourgish. */
const LANGUAGE_CODES = new Set('bg cs da de el en es et fi fr ga hr hu it lb lt lv mt nl pl pt ro sk sl sv'.split(' '));

const KIND_OF_WORD = new Map<string, CsvColumnKind>(
  Object.entries(KIND_WORDS).flatMap(([kind, list]) => list.map((w) => [w, kind as CsvColumnKind] as const)),
);
const LANGUAGE_OF_NAME = new Map<string, string>(
  Object.entries(LANGUAGE_NAMES).flatMap(([code, names]) => names.map((n) => [n, code] as const)),
);
const LANGUAGE_OF_WORD = new Map<string, string>(
  Object.entries(WORD_LANGUAGES).flatMap(([code, list]) => list.map((w) => [w, code] as const)),
);

/**
 * How a header row's cells read: "Term (DE)" → term in de, "English" → term in en, "définition" → definition,
 * "afkorting" → abbreviation; cells it cannot read are `ignore`. A term, abbreviation or definition column whose
 * header names no language takes, in this order: `defaultLanguage`; the language of its header word ("Definitie"
 * is Dutch); the one language the other columns name, if they name one; else "mul" (shared by all languages).
 */
export function recogniseColumns(header: readonly string[], defaultLanguage?: string): CsvColumn[] {
  const read = header.map((cell) => {
    const words = cell
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const kindAt = words.findIndex((w) => KIND_OF_WORD.has(w));
    const kind = kindAt === -1 ? undefined : KIND_OF_WORD.get(words[kindAt]!)!;
    const lang =
      words.map((w) => LANGUAGE_OF_NAME.get(w)).find((l) => l !== undefined) ??
      words.find((w) => LANGUAGE_CODES.has(w));
    const wordLang = kindAt === -1 ? undefined : LANGUAGE_OF_WORD.get(words[kindAt]!);
    if (kind === undefined) return { column: lang ? { kind: 'term', lang } : { kind: 'ignore' }, wordLang };
    return { column: lang && kind !== 'id' ? { kind, lang } : { kind }, wordLang };
  });
  const named = new Set(read.map((r) => r.column.lang ?? r.wordLang).filter((l) => l !== undefined));
  const only = named.size === 1 ? [...named][0] : undefined;
  const fallback = langCode(defaultLanguage);
  return read.map(({ column, wordLang }): CsvColumn => {
    if (column.lang || !(column.kind === 'term' || column.kind === 'abbreviation' || column.kind === 'definition')) {
      return column as CsvColumn;
    }
    return { kind: column.kind, lang: fallback ?? wordLang ?? only ?? 'mul' };
  });
}

export function createCsvParser(settings: CsvSettings, hooks: ParserHooks): CsvParser {
  const { collector } = hooks;
  const named = nameGlossary([settings.fileName && baseName(settings.fileName)]);
  const info: ImportedGlossaryInfo = {
    ...named,
    ...(settings.fileName && { fileName: settings.fileName.slice(0, 300) }),
    format: 'csv',
  };
  let head = '';
  let parser: Papa.Parser | undefined;
  let newline: '\n' | '\r' | '\r\n' = '\n';
  /** The unfinished last row of what was fed so far. */
  let partial = '';
  /** The line the next row starts on. */
  let line = 1;
  let header: string[] | undefined;
  let columns: CsvColumn[] | undefined;
  let rowNumber = 0;
  const madeIds = new Set<string>();

  function start() {
    let text = head;
    head = '';
    // Excel writes "sep=;" above the header when asked to keep the delimiter with the file.
    const sep = /^sep=(.)\r?\n/.exec(text);
    let delimiter = sep?.[1];
    if (sep) {
      text = text.slice(sep[0].length);
      line++;
    }
    const guess = Papa.parse<string[]>(text, {
      preview: 10,
      delimitersToGuess: [',', ';', '\t', '|'],
      ...(delimiter && { delimiter }),
    });
    delimiter = guess.meta.delimiter;
    newline = guess.meta.linebreak === '\r\n' || guess.meta.linebreak === '\r' ? guess.meta.linebreak : '\n';
    parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    feed(text, false);
  }

  function feed(text: string, last: boolean) {
    const aggregate = partial + text;
    const result = parser!.parse(aggregate, 0, !last) as Papa.ParseResult<string[]>;
    partial = last ? '' : aggregate.slice(result.meta.cursor);
    const rowLines: number[] = [];
    for (const cells of result.data) {
      rowLines.push(line);
      line += 1 + cells.reduce((n, cell) => n + count(cell, newline === '\r' ? '\r' : '\n'), 0);
    }
    // Errors on the unfinished last row are looked at again when it is finished.
    const error = result.errors.find((e) => e.row !== undefined && (last || e.row < result.data.length));
    if (error) {
      const at = rowLines[error.row!] ?? line;
      const what =
        error.code === 'MissingQuotes'
          ? 'a quoted field is never closed (its closing " is missing)'
          : error.code === 'InvalidQuotes'
            ? 'a quoted field has text after its closing " (a " inside a field is written "")'
            : error.message.replace(/\.$/, '');
      throw new ImportError('csv-row', `Line ${at}: ${what}.`, { line: at });
    }
    result.data.forEach((cells, i) => row(cells, rowLines[i]!));
  }

  function row(cells: string[], at: number) {
    if (collector.full) return;
    if (cells.every((c) => c.trim() === '')) return;
    if (!columns) {
      const named = settings.header !== false;
      header = cells.map((c, i) => (named ? c.trim() : `column ${i + 1}`));
      columns = settings.columns
        ? mapped(cells.length)
        : named
          ? recogniseColumns(header, settings.defaultLanguage)
          : [];
      if (!columns.some((c) => c.kind === 'term')) {
        const list = header.map((h) => `"${h}"`).join(', ');
        throw new ImportError(
          'csv-columns',
          settings.columns
            ? 'The columns chosen include no column of terms.'
            : named
              ? `The header row (line ${at}) names no column of terms: its columns are ${list}. Say which column holds what.`
              : 'A file without a header row needs its columns chosen.',
          { line: at, columns: header },
        );
      }
      if (named) return;
    }
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== '')) {
      throw new ImportError(
        'csv-row',
        `Line ${at} has ${cells.length} fields, but the header has ${columns.length}: is a field's text missing its quotes?`,
        { line: at },
      );
    }
    rowNumber++;
    const draft: EntryDraft = { id: undefined, terms: [], definitions: [], subjectFields: [], sources: [], notes: [] };
    let rawId: string | undefined;
    columns.forEach((column, i) => {
      const cell = cells[i]?.trim();
      if (!cell) return;
      switch (column.kind) {
        case 'id':
          rawId = cell;
          break;
        case 'term':
        case 'abbreviation': {
          const term: ImportedTerm = { lang: column.lang!, text: cleanText(cell) };
          if (column.kind === 'abbreviation') term.type = 'abbreviation';
          draft.terms.push(term);
          break;
        }
        case 'definition':
          draft.definitions.push({ lang: column.lang!, text: cell.replace(/\r\n?/g, '\n') });
          break;
        case 'subject':
          draft.subjectFields.push(...cell.split(/[;|]/));
          break;
        case 'source':
          draft.sources.push(cell);
          break;
        case 'note':
          draft.notes.push(cell.replace(/\r\n?/g, '\n'));
          break;
      }
    });
    const place = { number: rowNumber, line: at };
    if (draft.terms.length === 0) {
      // A spreadsheet's stray row (a title, a total, a row of notes) is not worth refusing the file for.
      collector.warn(`${entryName(rawId, place)} has no term and was left out.`);
      return;
    }
    draft.id = rawId !== undefined ? encodeEntryId(rawId) : madeId(draft.terms[0]!, place.line);
    collector.add(draft, place);
  }

  /** An id from the first term; a term seen before gets "-2", "-3" … in file order, so ids stay stable. */
  function madeId(term: ImportedTerm, at: number): string {
    const base = entryIdFromTerm(term.lang, term.text);
    let id = base;
    for (let n = 2; madeIds.has(id); n++) id = `${base}-${n}`;
    if (id !== base)
      collector.warn(`Line ${at}: "${term.text}" is the first term of an earlier row too; its id is ${id}.`);
    madeIds.add(id);
    return id;
  }

  function mapped(width: number): CsvColumn[] {
    const given = settings.columns ?? {};
    return Array.from({ length: Math.max(width, ...Object.keys(given).map((k) => Number(k) + 1)) }, (_, i) => {
      const column = given[i];
      if (!column || column.kind === 'ignore') return { kind: 'ignore' as const };
      if (column.kind === 'id' || column.kind === 'subject' || column.kind === 'source' || column.kind === 'note') {
        return { kind: column.kind };
      }
      const lang = langCode(column.lang ?? settings.defaultLanguage ?? 'mul');
      if (!lang) {
        throw new ImportError('language', `Column ${i + 1}: "${column.lang}" is not a language code.`);
      }
      return { kind: column.kind, lang };
    });
  }

  return {
    write(text) {
      if (parser) feed(text, false);
      else {
        head += text;
        if (head.length >= HEAD_CHARS) start();
      }
    },
    end() {
      if (!parser) {
        if (!head.trim()) throw new ImportError('empty', 'The file is empty.');
        start();
      }
      feed('', true);
      if (!columns) throw new ImportError('empty', 'The file is empty.');
      if (rowNumber === 0 && !collector.full) {
        throw new ImportError('empty', 'The file holds a header row but no entries.');
      }
    },
    info: () => info,
    columns: () => (columns ?? []).map((c, i) => ({ ...c, header: header?.[i] ?? `column ${i + 1}` })),
  };
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}
