/** The marked spans of a search result's shown text (search.ts): where the query's words stand in it. */
import type { FuseResultMatch } from 'fuse.js';
import { searchKey, type Field, type SearchField } from './search-index';

/** A marked span in a result's shown text: [start, end) offsets into that text. */
export type Span = readonly [number, number];

/** The text that matched and the marked spans in it. */
export interface Matched {
  field: SearchField;
  text: string;
  spans: Span[];
}

/** Explanations longer than this are shown from shortly before their first mark. */
const SNIPPET_FROM = 60;

/** Marks the query's words where they occur (folded) in the field's text. */
export function markWords(field: Field, query: string): Matched {
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

/** Fuse's match as marks: the field it matched with the longest marked run. */
export function marksFromFuse(fields: readonly Field[], matches: readonly FuseResultMatch[]): Matched | null {
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

/** An explanation from a word shortly before its first mark, so that the mark shows in a short line. */
export function snippet(field: Field, spans: Span[]): Matched {
  const first = spans[0]?.[0] ?? 0;
  if ((field.field !== 'short' && field.field !== 'long') || first <= SNIPPET_FROM)
    return { field: field.field, text: field.text, spans };
  // Start at a word, about 30 characters before the mark.
  let start = field.text.lastIndexOf(' ', first - 30) + 1;
  if (start <= 0) start = first;
  const text = `…${field.text.slice(start)}`;
  const shift = 1 - start;
  return { field: field.field, text, spans: spans.map(([s, e]) => [s + shift, e + shift] as const) };
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
