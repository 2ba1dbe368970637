import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { GlossaryEntry, Lang } from './glossary-schema';
import { expandLegalRef } from './legal-refs';
import type { MatchTerm } from './term-matcher';
import { foldText } from './text-fold';

/** A marked span in a result's shown text: [start, end) offsets into that text. */
export type Span = readonly [number, number];

export interface SearchHit {
  id: string;
  /** exact: the query is a name or alias; prefix: it starts one (or a word of one); fuzzy: Fuse. */
  stage: 'exact' | 'prefix' | 'fuzzy';
  /** The text that matched (a name, alias, definition or note), and the marked spans in it. */
  matched: { field: SearchField; text: string; spans: Span[] } | null;
}

export type SearchField = 'name' | 'alias' | 'short' | 'note';

/**
 * Folds for search: case and diacritics (via the matcher's length-preserving fold, so offsets in
 * the folded text are offsets in the original), punctuation and white space runs to one space.
 */
export function searchKey(text: string): string {
  return keyOfFolded(foldText(text));
}

function keyOfFolded(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Field {
  field: SearchField;
  text: string;
  /** foldText(text): same length as text. */
  folded: string;
}

/** What the fuzzy stage searches: an entry's folded names and aliases. */
interface FuzzyDoc {
  id: string;
  name: string[];
  alias: string[];
}

const FUSE_KEYS = [
  { name: 'name', weight: 3 },
  { name: 'alias', weight: 2.5 },
] as const;

const PREBUILT_FUSE_MAX_ENTRIES = 2_000;
const MAX_PREFIX_ROWS = 3_000;
const FUSE_OPTIONS: IFuseOptions<FuzzyDoc> = {
  keys: [...FUSE_KEYS],
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true, // otherwise only about the first 60 characters of a field count
  threshold: 0.34,
  minMatchCharLength: 2,
};

function trigramsOf(key: string): string[] {
  const padded = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** One word of a field, for word-prefix look-ups: [word, entry id, field index]. */
type WordRow = [string, string, number];

/**
 * Three-stage search over the glossary, so a keystroke stays fast at 10 000 entries:
 * 1. exact: the query is a name or alias ("etias", "cfsp") — a map look-up, ranked first;
 * 2. prefix: the query starts a name or alias at a word ("art 350", "politieverdrag"), then the
 *    words of definitions and notes — binary searches in sorted word lists;
 * 3. fuzzy: Fuse.js over names and aliases for the rest (typos: "pentalaterall").
 * Text is folded by the matcher's length-preserving fold, so diacritics do not matter and marked
 * spans line up with the original text (Fuse's own ignoreDiacritics shifts positions).
 */
export class GlossarySearch {
  /** Entry id → its searchable fields; prefix rows point into these by index. */
  private readonly fieldsByEntry = new Map<string, Field[]>();
  private readonly exact = new Map<string, string[]>();
  private readonly nameWords: WordRow[] = [];
  private readonly textWords: WordRow[] = [];
  private readonly docs: FuzzyDoc[] = [];
  /** Trigram → entries whose names or aliases hold it: narrows the fuzzy stage to likely entries. */
  private readonly trigrams = new Map<string, Set<number>>();
  private fuse: Fuse<FuzzyDoc> | null = null;
  private readonly rank: Map<string, number>;

  constructor(
    entries: readonly GlossaryEntry[],
    options: { lang: Lang; notes?: ReadonlyMap<string, string>; prominence?: ReadonlyMap<string, number> },
  ) {
    this.rank = new Map(entries.map((e) => [e.id, options.prominence?.get(e.id) ?? 0]));
    const docs = this.docs;
    for (const e of entries) {
      const names = [e.name[options.lang], e.name[options.lang === 'nl' ? 'en' : 'nl'], ...e.abbreviations];
      if (e.expansion) names.push(e.expansion[options.lang]);
      const aliases = [...e.aliases.map((a) => a.text), ...e.inflections.map((f) => f.text)];
      if (e.legalRef) aliases.push(...expandLegalRef(e.legalRef));
      const note = options.notes?.get(e.id);
      const fields: Field[] = [
        ...unique(names).map((text) => ({ field: 'name' as const, text, folded: foldText(text) })),
        ...unique(aliases).map((text) => ({ field: 'alias' as const, text, folded: foldText(text) })),
        { field: 'short', text: e.short[options.lang], folded: foldText(e.short[options.lang]) },
        ...(note ? [{ field: 'note' as const, text: note, folded: foldText(note) }] : []),
      ];
      this.fieldsByEntry.set(e.id, fields);
      fields.forEach((f, i) => {
        const key = keyOfFolded(f.folded);
        if (!key) return;
        const isName = f.field === 'name' || f.field === 'alias';
        if (isName) {
          const ids = this.exact.get(key) ?? [];
          if (!ids.includes(e.id)) ids.push(e.id);
          this.exact.set(key, ids);
        }
        const rows = isName ? this.nameWords : this.textWords;
        for (const word of new Set(key.split(' '))) rows.push([word, e.id, i]);
      });
      const pick = (field: SearchField) => fields.filter((f) => f.field === field).map((f) => f.folded);
      const doc = docs.push({ id: e.id, name: pick('name'), alias: pick('alias') }) - 1;
      for (const f of fields) {
        if (f.field !== 'name' && f.field !== 'alias') continue;
        for (const g of trigramsOf(keyOfFolded(f.folded))) {
          let set = this.trigrams.get(g);
          if (!set) this.trigrams.set(g, (set = new Set()));
          set.add(doc);
        }
      }
    }
    const byWord = (a: WordRow, b: WordRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    this.nameWords.sort(byWord);
    this.textWords.sort(byWord);
    // A small glossary gets one Fuse index built ahead; a big one builds Fuse per query over the
    // few entries that share trigrams with it (Bitap over 10 000 entries' names is slow).
    if (docs.length <= PREBUILT_FUSE_MAX_ENTRIES)
      this.fuse = new Fuse(docs, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys ?? [], docs));
  }

  private fuzzy(query: string, limit: number) {
    const folded = foldText(query.trim());
    if (this.fuse) return this.fuse.search(folded, { limit });
    const grams = trigramsOf(keyOfFolded(folded));
    const hits = new Map<number, number>();
    for (const g of grams) for (const doc of this.trigrams.get(g) ?? []) hits.set(doc, (hits.get(doc) ?? 0) + 1);
    const need = Math.max(1, Math.ceil(grams.length * 0.4));
    const candidates = [...hits]
      .filter(([, n]) => n >= need)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 300);
    const docs = candidates.map(([doc]) => this.docs[doc]!);
    return new Fuse(docs, FUSE_OPTIONS).search(folded, { limit });
  }

  search(query: string, limit = 20): SearchHit[] {
    const key = searchKey(query);
    if (!key) return [];
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (hit: SearchHit) => {
      if (seen.has(hit.id) || hits.length >= limit) return;
      seen.add(hit.id);
      hits.push(hit);
    };
    const prominence = (id: string) => this.rank.get(id) ?? 0;

    for (const id of [...(this.exact.get(key) ?? [])].sort((a, b) => prominence(b) - prominence(a))) {
      add({ id, stage: 'exact', matched: this.markField(id, (f) => keyOfFolded(f.folded) === key, query) });
    }
    // Names and aliases that the query starts at a word: the terms the letter mentions most first,
    // then shorter names (closer to the query); then definitions and notes.
    for (const rows of [this.nameWords, this.textWords]) {
      if (hits.length >= limit) break;
      const found = this.wordPrefix(rows, key);
      found.sort((a, b) => prominence(b.id) - prominence(a.id) || a.field.text.length - b.field.text.length);
      for (const { id, field } of found) add({ id, stage: 'prefix', matched: this.mark(field, query) });
    }
    if (hits.length >= limit) return hits;
    for (const result of this.fuzzy(query, limit * 2)) {
      add({ id: result.item.id, stage: 'fuzzy', matched: this.fromFuse(result.item.id, result.matches ?? []) });
    }
    return hits;
  }

  /** Fields in which the query's words each start a word, in order, from the query's first word on. */
  private wordPrefix(rows: readonly WordRow[], key: string): { id: string; field: Field }[] {
    const words = key.split(' ');
    const first = words[0]!;
    const out: { id: string; field: Field }[] = [];
    const seen = new Set<string>();
    // A one-letter query in a big glossary matches thousands of words: rank within the first few.
    const end = Math.min(rows.length, lowerBound(rows, first) + MAX_PREFIX_ROWS);
    for (let i = lowerBound(rows, first); i < end; i++) {
      const [word, id, fieldIndex] = rows[i]!;
      if (!word.startsWith(first)) break;
      const field = this.fieldsByEntry.get(id)?.[fieldIndex];
      if (!field || seen.has(`${id}:${fieldIndex}`)) continue;
      seen.add(`${id}:${fieldIndex}`);
      // Multi-word queries: the field's words from here on must start with the query's words.
      const fieldKey = ` ${keyOfFolded(field.folded)}`;
      if (words.length === 1 || fieldKey.includes(` ${key}`) || startsWords(fieldKey, words)) out.push({ id, field });
    }
    return out;
  }

  private markField(id: string, pick: (f: Field) => boolean, query: string): SearchHit['matched'] {
    const field = this.fieldsByEntry.get(id)?.find(pick);
    return field ? this.mark(field, query) : null;
  }

  /** Marks the query's words where they occur (folded) in the field's text. */
  private mark(field: Field, query: string): SearchHit['matched'] {
    const spans: Span[] = [];
    for (const word of searchKey(query).split(' ')) {
      if (!word) continue;
      let from = 0;
      for (;;) {
        const at = field.folded.indexOf(word, from);
        if (at < 0) break;
        spans.push([at, at + word.length]);
        from = at + word.length;
      }
    }
    return { field: field.field, text: field.text, spans: mergeSpans(spans) };
  }

  private fromFuse(id: string, matches: readonly FuseResultMatch[]): SearchHit['matched'] {
    const fields = this.fieldsByEntry.get(id);
    if (!fields) return null;
    // The best match: the field Fuse matched with the longest marked run.
    let best: { field: Field; spans: Span[]; length: number } | null = null;
    for (const m of matches) {
      const field = fields.find((f) => f.field === m.key && f.folded === m.value);
      if (!field) continue;
      const spans = m.indices.map(([s, e]) => [s, e + 1] as const);
      const length = Math.max(...spans.map(([s, e]) => e - s));
      if (!best || length > best.length) best = { field, spans: mergeSpans(spans), length };
    }
    return best ? { field: best.field.field, text: best.field.text, spans: best.spans } : null;
  }
}

/** Does some position of " word word …" start with each of the query's words in turn? */
function startsWords(fieldKey: string, words: readonly string[]): boolean {
  const fieldWords = fieldKey.trim().split(' ');
  for (let i = 0; i + words.length <= fieldWords.length; i++) {
    if (words.every((w, k) => fieldWords[i + k]!.startsWith(w))) return true;
  }
  return false;
}

/**
 * How often the letter mentions each entry (any alias, as whole words, ignoring case and
 * diacritics): ties in search go to the more prominent term. Plain string counting — this runs
 * when the popup opens, where compiling the page matcher would cost more than it brings.
 */
export function letterProminence(terms: readonly MatchTerm[], letter: string): Map<string, number> {
  const haystack = ` ${searchKey(letter)} `;
  const counts = new Map<string, number>();
  for (const term of terms) {
    let n = 0;
    for (const alias of new Set(term.aliases.map((a) => searchKey(a.text)))) {
      if (!alias) continue;
      const needle = ` ${alias} `;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
    }
    if (n > 0) counts.set(term.id, n);
  }
  return counts;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function lowerBound(rows: readonly WordRow[], key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]![0] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
