import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { GlossaryEntry, Lang } from './glossary-schema';
import type { MatchTerm } from './term-matcher';
import { foldText } from './text-fold';
import {
  buildSearchIndex,
  byRow,
  FUSE_OPTIONS,
  keyOfFolded,
  load,
  MAX_PREFIX_ROWS,
  mergeRows,
  rowsOf,
  searchKey,
  trigramsOf,
  type Field,
  type Loaded,
  type SearchIndexData,
  type WordRow,
} from './search-index';

export { buildSearchIndex, searchKey, type SearchIndexData };

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
 * Three-stage search over the glossary, so a keystroke stays fast at 10 000 entries:
 * 1. exact: the query is a name or alias ("etias", "cfsp") — a map look-up, ranked first;
 * 2. prefix: the query starts a name or alias at a word ("art 350", "politieverdrag"), then the
 *    words of definitions and notes — binary searches in sorted word lists;
 * 3. fuzzy: Fuse.js over names and aliases for the rest (typos: "pentalaterall").
 * Text is folded by the matcher's length-preserving fold, so diacritics do not matter and marked
 * spans line up with the original text (Fuse's own ignoreDiacritics shifts positions).
 *
 * Built from the entries, or loaded from their index (buildSearchIndex) — the build makes the
 * bundled glossary's, so a page that opens pays only for the reader's notes.
 */
export class GlossarySearch {
  private readonly base: Loaded;
  /** Per entry, the reader's note on it as a field (after the entry's own fields). */
  private readonly notes: (Field | undefined)[] = [];
  private readonly textWords: readonly WordRow[];
  private readonly rank: number[];

  constructor(
    glossary: readonly GlossaryEntry[] | SearchIndexData,
    options: { lang: Lang; notes?: ReadonlyMap<string, string>; prominence?: ReadonlyMap<string, number> },
  ) {
    const index = isIndex(glossary) ? glossary : buildSearchIndex(glossary, options.lang);
    if (index.lang !== options.lang) throw new Error(`A search index for "${index.lang}" read as "${options.lang}"`);
    this.base = load(index);
    this.rank = index.ids.map((id) => options.prominence?.get(id) ?? 0);
    const noteWords: WordRow[] = [];
    if (options.notes?.size) {
      index.ids.forEach((id, entry) => {
        const text = options.notes?.get(id);
        if (!text) return;
        const note: Field = { field: 'note', text, folded: foldText(text) };
        this.notes[entry] = note;
        rowsOf(note.folded, entry, index.fields[entry]!.length, noteWords);
      });
      noteWords.sort(byRow);
    }
    this.textWords = mergeRows(index.textWords, noteWords);
  }

  private field(entry: number, index: number): Field | undefined {
    return this.base.fields[entry]?.[index] ?? this.notes[entry];
  }

  private fuzzy(query: string, limit: number) {
    const folded = foldText(query.trim());
    const { fuse, trigrams, docs } = this.base;
    if (fuse) return fuse.search(folded, { limit });
    const grams = trigramsOf(keyOfFolded(folded));
    const hits = new Map<number, number>();
    for (const g of grams) for (const doc of trigrams?.get(g) ?? []) hits.set(doc, (hits.get(doc) ?? 0) + 1);
    const need = Math.max(1, Math.ceil(grams.length * 0.4));
    const candidates = [...hits]
      .filter(([, n]) => n >= need)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 300);
    return new Fuse(
      candidates.map(([doc]) => docs[doc]!),
      FUSE_OPTIONS,
    ).search(folded, { limit });
  }

  search(query: string, limit = 20): SearchHit[] {
    const key = searchKey(query);
    if (!key) return [];
    const { ids } = this.base.index;
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (hit: SearchHit) => {
      if (seen.has(hit.id) || hits.length >= limit) return;
      seen.add(hit.id);
      hits.push(hit);
    };
    const prominence = (entry: number) => this.rank[entry] ?? 0;

    for (const entry of [...(this.base.exact.get(key) ?? [])].sort((a, b) => prominence(b) - prominence(a))) {
      const field = this.base.fields[entry]?.find((f) => keyOfFolded(f.folded) === key);
      add({ id: ids[entry]!, stage: 'exact', matched: field ? this.mark(field, query) : null });
    }
    // Names and aliases that the query starts at a word: the terms the letter mentions most first,
    // then shorter names (closer to the query); then definitions and notes.
    for (const rows of [this.base.index.nameWords, this.textWords]) {
      if (hits.length >= limit) break;
      const found = this.wordPrefix(rows, key);
      found.sort((a, b) => prominence(b.entry) - prominence(a.entry) || a.field.text.length - b.field.text.length);
      for (const { entry, field } of found) add({ id: ids[entry]!, stage: 'prefix', matched: this.mark(field, query) });
    }
    if (hits.length >= limit) return hits;
    for (const result of this.fuzzy(query, limit * 2)) {
      add({ id: result.item.id, stage: 'fuzzy', matched: this.fromFuse(result.item.entry, result.matches ?? []) });
    }
    return hits;
  }

  /** Fields in which the query's words each start a word, in order, from the query's first word on. */
  private wordPrefix(rows: readonly WordRow[], key: string): { entry: number; field: Field }[] {
    const words = key.split(' ');
    const first = words[0]!;
    const out: { entry: number; field: Field }[] = [];
    const seen = new Set<string>();
    // A one-letter query in a big glossary matches thousands of words: rank within the first few.
    const end = Math.min(rows.length, lowerBound(rows, first) + MAX_PREFIX_ROWS);
    for (let i = lowerBound(rows, first); i < end; i++) {
      const [word, entry, fieldIndex] = rows[i]!;
      if (!word.startsWith(first)) break;
      const field = this.field(entry, fieldIndex);
      if (!field || seen.has(`${entry}:${fieldIndex}`)) continue;
      seen.add(`${entry}:${fieldIndex}`);
      // Multi-word queries: the field's words from here on must start with the query's words.
      const fieldKey = ` ${keyOfFolded(field.folded)}`;
      if (words.length === 1 || fieldKey.includes(` ${key}`) || startsWords(fieldKey, words))
        out.push({ entry, field });
    }
    return out;
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

  private fromFuse(entry: number, matches: readonly FuseResultMatch[]): SearchHit['matched'] {
    const fields = this.base.fields[entry];
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

function isIndex(glossary: readonly GlossaryEntry[] | SearchIndexData): glossary is SearchIndexData {
  return !Array.isArray(glossary);
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
