import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { GlossaryEntry, Lang } from './glossary-schema';
import { expandLegalRef } from './legal-refs';
import { compileMatcher, type MatchTerm } from './term-matcher';
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
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Field {
  field: SearchField;
  text: string;
  /** foldText(text): same length as text. */
  folded: string;
}

interface Record {
  id: string;
  fields: Field[];
}

const FUSE_KEYS = [
  { name: 'name', weight: 3 },
  { name: 'alias', weight: 2.5 },
  { name: 'note', weight: 1.2 },
  { name: 'short', weight: 0.8 },
] as const;

/**
 * Two-stage search over the glossary: an exact and word-prefix index over names and aliases
 * answers most queries ("etias", "cfsp", "art 350") in a few look-ups and ranks first; Fuse.js takes
 * the fuzzy rest (typos, words in definitions and notes). Fuse sees folded text, so diacritics do
 * not matter, and because folding keeps every offset the marked spans line up with the original.
 */
export class GlossarySearch {
  private readonly records = new Map<string, Record>();
  private readonly exact = new Map<string, string[]>();
  /** [key, id, field index] sorted by key: every key, and every key from each of its words on. */
  private readonly prefix: [string, string, number][] = [];
  private readonly fuse: Fuse<{ id: string; name: string[]; alias: string[]; short: string[]; note: string[] }>;
  private readonly rank: Map<string, number>;

  constructor(
    entries: readonly GlossaryEntry[],
    options: { lang: Lang; notes?: ReadonlyMap<string, string>; prominence?: ReadonlyMap<string, number> },
  ) {
    this.rank = new Map(entries.map((e) => [e.id, options.prominence?.get(e.id) ?? 0]));
    const docs = [];
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
      this.records.set(e.id, { id: e.id, fields });
      fields.forEach((f, i) => {
        if (f.field !== 'name' && f.field !== 'alias') return;
        const key = searchKey(f.text);
        if (!key) return;
        const ids = this.exact.get(key) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        this.exact.set(key, ids);
        const words = key.split(' ');
        for (let w = 0; w < words.length; w++) this.prefix.push([words.slice(w).join(' '), e.id, i]);
      });
      const pick = (field: SearchField) => fields.filter((f) => f.field === field).map((f) => f.folded);
      docs.push({ id: e.id, name: pick('name'), alias: pick('alias'), short: pick('short'), note: pick('note') });
    }
    this.prefix.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const fuseOptions: IFuseOptions<(typeof docs)[number]> = {
      keys: [...FUSE_KEYS],
      includeMatches: true,
      includeScore: true,
      ignoreLocation: true, // otherwise only about the first 60 characters of a field count
      threshold: 0.34,
      minMatchCharLength: 2,
    };
    this.fuse = new Fuse(docs, fuseOptions, Fuse.createIndex(fuseOptions.keys ?? [], docs));
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
    const byRank = (ids: string[]) => [...ids].sort((a, b) => (this.rank.get(b) ?? 0) - (this.rank.get(a) ?? 0));

    for (const id of byRank(this.exact.get(key) ?? [])) {
      add({ id, stage: 'exact', matched: this.markField(id, (f) => searchKey(f.text) === key, query) });
    }
    // Word-prefix matches: the terms the letter mentions most first, then shorter keys (closer to the query).
    const prefixed: [string, string, number][] = [];
    for (let i = lowerBound(this.prefix, key); i < this.prefix.length; i++) {
      const row = this.prefix[i]!;
      if (!row[0].startsWith(key)) break;
      prefixed.push(row);
    }
    prefixed.sort((a, b) => (this.rank.get(b[1]) ?? 0) - (this.rank.get(a[1]) ?? 0) || a[0].length - b[0].length);
    for (const [, id, fieldIndex] of prefixed) {
      if (hits.length >= limit) break;
      const field = this.records.get(id)?.fields[fieldIndex];
      add({ id, stage: 'prefix', matched: field ? this.mark(field, query) : null });
    }
    if (hits.length >= limit) return hits;
    for (const result of this.fuse.search(foldText(query.trim()), { limit: limit * 2 })) {
      add({ id: result.item.id, stage: 'fuzzy', matched: this.fromFuse(result.item.id, result.matches ?? []) });
    }
    return hits;
  }

  private markField(id: string, pick: (f: Field) => boolean, query: string): SearchHit['matched'] {
    const field = this.records.get(id)?.fields.find(pick);
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
    const record = this.records.get(id);
    if (!record) return null;
    // The best match: the field Fuse matched with the longest marked run, names before aliases.
    let best: { field: Field; spans: Span[]; length: number } | null = null;
    for (const m of matches) {
      const field = record.fields.find((f) => f.field === m.key && f.folded === m.value);
      if (!field) continue;
      const spans = m.indices.map(([s, e]) => [s, e + 1] as const);
      const length = Math.max(...spans.map(([s, e]) => e - s));
      if (!best || length > best.length) best = { field, spans: mergeSpans(spans), length };
    }
    return best ? { field: best.field.field, text: best.field.text, spans: best.spans } : null;
  }
}

/** How often the letter mentions each entry: ties in search go to the more prominent term. */
export function letterProminence(terms: readonly MatchTerm[], letter: string): Map<string, number> {
  const all = terms.map((t) => ({ ...t, highlight: true }));
  const counts = new Map<string, number>();
  for (const m of compileMatcher(all).find(letter)) counts.set(m.termId, (counts.get(m.termId) ?? 0) + 1);
  return counts;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function lowerBound(rows: readonly [string, string, number][], key: string): number {
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
