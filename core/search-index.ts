/**
 * The search index (search.ts runs queries over it): built from the entries — by the build for the
 * bundled glossary — as plain data, and loaded by a page once before its first query.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { LANGS } from './constants';
import type { GlossaryEntry, Lang } from './glossary-schema';
import { expandLegalRef } from './legal-refs';
import type { SearchField } from './search';
import { foldText } from './text-fold';

/**
 * Folds for search: case and diacritics (via the matcher's length-preserving fold, so offsets in
 * the folded text are offsets in the original), punctuation and white space runs to one space.
 */
export function searchKey(text: string): string {
  return keyOfFolded(foldText(text));
}

export function keyOfFolded(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface Field {
  field: SearchField;
  text: string;
  /** foldText(text): same length as text. */
  folded: string;
}

/** What the fuzzy stage searches: an entry's folded names and aliases. */
export interface FuzzyDoc {
  id: string;
  /** Its entry's place in the index. */
  entry: number;
  name: string[];
  alias: string[];
}

const FUSE_KEYS = [
  { name: 'name', weight: 3 },
  { name: 'alias', weight: 2.5 },
] as const;

const PREBUILT_FUSE_MAX_ENTRIES = 2_000;
export const MAX_PREFIX_ROWS = 3_000;
export const FUSE_OPTIONS: IFuseOptions<FuzzyDoc> = {
  keys: [...FUSE_KEYS],
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true, // otherwise only about the first 60 characters of a field count
  threshold: 0.34,
  minMatchCharLength: 2,
};

export function trigramsOf(key: string): string[] {
  const padded = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** One word of a field, for word-prefix look-ups: [word, entry index, field index]. */
export type WordRow = [word: string, entry: number, field: number];

/** A field as the index keeps it: its folded text only where that is not just the text in lower case. */
type StoredField = [field: Exclude<SearchField, 'note'>, text: string, folded?: string];

type FuseIndexData = ReturnType<FuseIndex<FuzzyDoc>['toJSON']>;

/**
 * A glossary's search index without the reader's notes, as plain (JSON) data: what building a
 * search costs, done once — by the build for the bundled glossary (scripts/glossary-derived-plugin.ts),
 * so a page only loads it. Notes are few and change: GlossarySearch adds them when it loads this.
 */
export interface SearchIndexData {
  lang: Lang;
  /** Entry ids, in the glossary's order; rows refer to entries by their place here. */
  ids: string[];
  /** Per entry: its names, aliases and definition, in the order results prefer them. */
  fields: StoredField[][];
  /** A name's or alias's search key → the entries it names, in glossary order. */
  exact: [key: string, entries: number[]][];
  /** The words of names and aliases, sorted (by word, entry, field). */
  nameWords: WordRow[];
  /** The words of definitions, sorted likewise; notes' words join them when the index is loaded. */
  textWords: WordRow[];
  /** Fuse.js's own index of names and aliases (a big glossary has none: see fuzzy()). */
  fuse: FuseIndexData | null;
}

/** What a page does with an index before the first query: the same for every set of notes, so done once per index. */
export interface Loaded {
  index: SearchIndexData;
  fields: Field[][];
  exact: Map<string, readonly number[]>;
  docs: FuzzyDoc[];
  fuse: Fuse<FuzzyDoc> | null;
  /** Trigram → entries whose names or aliases hold it: narrows the fuzzy stage to likely entries. */
  trigrams: Map<string, Set<number>> | null;
}

const loadedIndexes = new WeakMap<SearchIndexData, Loaded>();

export const byRow = (a: WordRow, b: WordRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);

/** The field's words, once each, as rows of `entry`. */
export function rowsOf(folded: string, entry: number, field: number, into: WordRow[]): void {
  const key = keyOfFolded(folded);
  if (!key) return;
  for (const word of new Set(key.split(' '))) into.push([word, entry, field]);
}

/** Builds the search index of these entries, read in `lang` (notes are added by GlossarySearch). */
export function buildSearchIndex(entries: readonly GlossaryEntry[], lang: Lang): SearchIndexData {
  const ids: string[] = [];
  const fields: StoredField[][] = [];
  const exact = new Map<string, number[]>();
  const nameWords: WordRow[] = [];
  const textWords: WordRow[] = [];
  const docs: FuzzyDoc[] = [];
  entries.forEach((e, entry) => {
    // The reader's language first, then the entry's names in the others (a French reader may type the English).
    const names = [
      e.name[lang],
      ...LANGS.filter((other) => other !== lang).map((other) => e.name[other]),
      ...e.abbreviations,
    ];
    if (e.expansion) names.push(e.expansion[lang]);
    const aliases = [...e.aliases.map((a) => a.text), ...e.inflections.map((f) => f.text)];
    if (e.legalRef) aliases.push(...expandLegalRef(e.legalRef));
    const list: StoredField[] = [
      ...unique(names).map((text): StoredField => ['name', text]),
      ...unique(aliases).map((text): StoredField => ['alias', text]),
      ['short', e.short[lang]],
    ];
    const folded = list.map(([, text]) => foldText(text));
    list.forEach((f, i) => {
      const isName = f[0] !== 'short';
      const key = keyOfFolded(folded[i]!);
      if (isName && key) {
        const named = exact.get(key) ?? [];
        if (!named.includes(entry)) named.push(entry);
        exact.set(key, named);
      }
      rowsOf(folded[i]!, entry, i, isName ? nameWords : textWords);
      // Most folds are the lower case; the others (diacritics) are kept.
      if (folded[i] !== f[1].toLowerCase()) f[2] = folded[i];
    });
    ids.push(e.id);
    fields.push(list);
    docs.push(
      fuzzyDoc(
        e.id,
        entry,
        list.map(([field, text], i) => ({ field, text, folded: folded[i]! })),
      ),
    );
  });
  nameWords.sort(byRow);
  textWords.sort(byRow);
  // A small glossary gets one Fuse index built ahead; a big one builds Fuse per query over the
  // few entries that share trigrams with it (Bitap over 10 000 entries' names is slow).
  const fuse =
    docs.length <= PREBUILT_FUSE_MAX_ENTRIES ? Fuse.createIndex(FUSE_OPTIONS.keys ?? [], docs).toJSON() : null;
  return { lang, ids, fields, exact: [...exact], nameWords, textWords, fuse };
}

function fuzzyDoc(id: string, entry: number, fields: readonly Field[]): FuzzyDoc {
  const pick = (field: SearchField) => fields.filter((f) => f.field === field).map((f) => f.folded);
  return { id, entry, name: pick('name'), alias: pick('alias') };
}

export function load(index: SearchIndexData): Loaded {
  const known = loadedIndexes.get(index);
  if (known) return known;
  const fields = index.fields.map((list) =>
    list.map(([field, text, folded]): Field => ({ field, text, folded: folded ?? text.toLowerCase() })),
  );
  const docs = fields.map((list, entry) => fuzzyDoc(index.ids[entry]!, entry, list));
  let trigrams: Loaded['trigrams'] = null;
  if (!index.fuse) {
    trigrams = new Map();
    docs.forEach((doc, entry) => {
      for (const text of [...doc.name, ...doc.alias]) {
        for (const g of trigramsOf(keyOfFolded(text))) {
          let set = trigrams!.get(g);
          if (!set) trigrams!.set(g, (set = new Set()));
          set.add(entry);
        }
      }
    });
  }
  const loaded: Loaded = {
    index,
    fields,
    exact: new Map(index.exact),
    docs,
    fuse: index.fuse ? new Fuse(docs, FUSE_OPTIONS, Fuse.parseIndex<FuzzyDoc>(index.fuse)) : null,
    trigrams,
  };
  loadedIndexes.set(index, loaded);
  return loaded;
}

/** Two lists of rows, each sorted by byRow, as one. */
export function mergeRows(a: readonly WordRow[], b: readonly WordRow[]): readonly WordRow[] {
  if (b.length === 0) return a;
  const out: WordRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byRow(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
