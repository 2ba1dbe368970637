/**
 * The search index (search.ts runs queries over it): built from entries — by the build for the
 * bundled glossary — as plain data, and loaded by a page once before its first query.
 */
import type { IFuseOptions } from 'fuse.js';
import { LANGS } from './constants';
import type { GlossaryEntry, Lang } from './glossary-schema';
import { expandLegalRef } from './legal-refs';
import { packPlaces, Vocabulary } from './search-words';
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

/** Where a query matched: names and aliases are an entry's titles, the rest its text. */
export type SearchField = 'name' | 'alias' | 'short' | 'long' | 'note';

export interface Field {
  field: SearchField;
  text: string;
  /** foldText(text): same length as text. */
  folded: string;
}

/**
 * What the index needs of an entry: the shape any source of entries is turned into before its index
 * is built (the bundled glossary's entries by searchableEntry(); imported ones by their import).
 * Texts are as shown to the reader; the index folds them.
 */
export interface SearchableEntry {
  id: string;
  /** Its names, the reader's language's first: names in other languages, abbreviations, expansions. */
  names: readonly string[];
  /** Other forms people write for it: aliases, inflections, a legal reference's forms. */
  aliases: readonly string[];
  /** Its explanations in the reader's language: a sentence or two, and the long one. */
  short?: string;
  long?: string;
}

/** A glossary entry as the index reads it for a reader of `lang`. */
export function searchableEntry(e: GlossaryEntry, lang: Lang): SearchableEntry {
  // The reader's language first, then the entry's names in the others (a French reader may type the
  // English); expansions in every language, so an abbreviation's expansion in any of them finds it.
  const others = LANGS.filter((other) => other !== lang);
  const names = [e.name[lang], ...others.map((other) => e.name[other]), ...e.abbreviations];
  if (e.expansion) names.push(e.expansion[lang], ...others.map((other) => e.expansion![other]));
  const aliases = [...e.aliases.map((a) => a.text), ...e.inflections.map((f) => f.text)];
  if (e.legalRef) aliases.push(...expandLegalRef(e.legalRef));
  return { id: e.id, names, aliases, short: e.short[lang], long: e.long[lang] };
}

/** What the fuzzy stage searches: an entry's folded names and aliases. */
export interface FuzzyDoc {
  id: string;
  /** Its entry's place in the index. */
  entry: number;
  name: string[];
  alias: string[];
}

export const FUSE_OPTIONS: IFuseOptions<FuzzyDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'alias', weight: 2.5 },
  ],
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true, // otherwise only about the first 60 characters of a field count
  threshold: 0.34,
  minMatchCharLength: 2,
};

/** Names, and aliases, of an entry that the fuzzy stage reads. */
const MAX_FUZZY_STRINGS = 20;

/** A field as the index keeps it: its folded text only where that is not just the text in lower case. */
type StoredField = [field: Exclude<SearchField, 'note'>, text: string, folded?: string];

/**
 * A glossary's search index without the reader's notes, as plain (JSON) data: what building a
 * search costs, done once — by the build for the bundled glossary (scripts/glossary-derived-plugin.ts),
 * so a page only loads it. Notes are few and change: GlossarySearch adds them when it loads this.
 */
export interface SearchIndexData {
  lang: Lang;
  /** Entry ids, in the glossary's order; the rest refers to entries by their place here. */
  ids: string[];
  /** Per entry: its names, then aliases (its titles), then its short and long explanation. */
  fields: StoredField[][];
  /** A name's or alias's search key → the entries it names, in glossary order. */
  exact: [key: string, entries: number[]][];
  /** The words of names and aliases (search keys' words), sorted. */
  titleWords: string[];
  /** Where each title word stands — entry, field, entry, field, … (a field once per word) — packed (packPlaces). */
  titlePlaces: string;
  /** The words of the explanations, sorted, and where each stands (notes' are added when loaded). */
  textWords: string[];
  textPlaces: string;
}

/** What a page does with an index before the first query: the same for every set of notes, so done once per index. */
export class Loaded {
  readonly exact: Map<string, readonly number[]>;
  readonly titleWords: Vocabulary;
  readonly textWords: Vocabulary;
  private readonly fieldLists: Field[][] = [];
  private readonly fuzzyDocs: FuzzyDoc[] = [];

  constructor(readonly index: SearchIndexData) {
    this.exact = new Map(index.exact);
    this.titleWords = Vocabulary.unpack(index.titleWords, index.titlePlaces);
    this.textWords = Vocabulary.unpack(index.textWords, index.textPlaces);
  }

  /** The entry's fields (built on first use: a query reads few entries' texts). */
  fields(entry: number): Field[] {
    let list = this.fieldLists[entry];
    if (!list) {
      list = (this.index.fields[entry] ?? []).map(([field, text, folded]): Field => ({
        field,
        text,
        folded: folded ?? text.toLowerCase(),
      }));
      this.fieldLists[entry] = list;
    }
    return list;
  }

  /** The kind of the entry's field at `index`; the reader's note comes after the entry's fields. */
  kind(entry: number, index: number): SearchField {
    return this.index.fields[entry]?.[index]?.[0] ?? 'note';
  }

  /** The length of the entry's field at `index` (without building the field). */
  length(entry: number, index: number): number {
    return this.index.fields[entry]?.[index]?.[1].length ?? 0;
  }

  /**
   * What Fuse searches of the entry: its folded names and its first aliases — Fuse indexes its
   * candidates on every query, and a legal reference's dozens of forms (the last aliases) cost much
   * there and add nothing the words stage does not find.
   */
  doc(entry: number): FuzzyDoc {
    let doc = this.fuzzyDocs[entry];
    if (!doc) {
      const pick = (kind: SearchField) =>
        this.fields(entry)
          .filter((f) => f.field === kind)
          .slice(0, MAX_FUZZY_STRINGS)
          .map((f) => f.folded);
      doc = { id: this.index.ids[entry]!, entry, name: pick('name'), alias: pick('alias') };
      this.fuzzyDocs[entry] = doc;
    }
    return doc;
  }
}

const loadedIndexes = new WeakMap<SearchIndexData, Loaded>();

export function load(index: SearchIndexData): Loaded {
  let loaded = loadedIndexes.get(index);
  if (!loaded) loadedIndexes.set(index, (loaded = new Loaded(index)));
  return loaded;
}

/** The words of a folded text, once each. */
export function wordsOf(folded: string): string[] {
  const key = keyOfFolded(folded);
  return key ? [...new Set(key.split(' '))] : [];
}

/** Adds each word of `folded` as standing in the entry's field. */
export function addPlaces(places: Map<string, number[]>, folded: string, entry: number, field: number): void {
  for (const word of wordsOf(folded)) {
    let list = places.get(word);
    if (!list) places.set(word, (list = []));
    list.push(entry, field);
  }
}

/** The words, sorted, and their places. */
export function sortedPlaces(places: Map<string, number[]>): { words: string[]; lists: number[][] } {
  const words = [...places.keys()].sort();
  return { words, lists: words.map((w) => places.get(w)!) };
}

/** Builds the search index of these glossary entries, read in `lang` (notes are added by GlossarySearch). */
export function buildSearchIndex(entries: readonly GlossaryEntry[], lang: Lang): SearchIndexData {
  return buildSearchIndexOf(
    entries.map((e) => searchableEntry(e, lang)),
    lang,
  );
}

/** Builds the search index of any entries, given in the shape of SearchableEntry, for a reader of `lang`. */
export function buildSearchIndexOf(entries: readonly SearchableEntry[], lang: Lang): SearchIndexData {
  const ids: string[] = [];
  const fields: StoredField[][] = [];
  const exact = new Map<string, number[]>();
  const titlePlaces = new Map<string, number[]>();
  const textPlaces = new Map<string, number[]>();
  entries.forEach((e, entry) => {
    const names = unique(e.names);
    const list: StoredField[] = [
      ...names.map((text): StoredField => ['name', text]),
      ...unique(e.aliases)
        .filter((text) => !names.includes(text))
        .map((text): StoredField => ['alias', text]),
    ];
    if (e.short?.trim()) list.push(['short', e.short]);
    if (e.long?.trim()) list.push(['long', e.long]);
    list.forEach((f, i) => {
      const folded = foldText(f[1]);
      const key = keyOfFolded(folded);
      const isTitle = f[0] === 'name' || f[0] === 'alias';
      if (isTitle && key) {
        const named = exact.get(key) ?? [];
        if (!named.includes(entry)) named.push(entry);
        exact.set(key, named);
      }
      addPlaces(isTitle ? titlePlaces : textPlaces, folded, entry, i);
      // Most folds are the lower case; the others (diacritics) are kept.
      if (folded !== f[1].toLowerCase()) f[2] = folded;
    });
    ids.push(e.id);
    fields.push(list);
  });
  const titles = sortedPlaces(titlePlaces);
  const texts = sortedPlaces(textPlaces);
  return {
    lang,
    ids,
    fields,
    exact: [...exact],
    titleWords: titles.words,
    titlePlaces: packPlaces(titles.lists),
    textWords: texts.words,
    textPlaces: packPlaces(texts.lists),
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.filter((text) => text.trim()))];
}
