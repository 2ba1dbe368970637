/**
 * The words of a search index and how one word of a query finds them: as the word itself, as the
 * start of a longer word, as a part of a compound ("verdrag" in "politieverdrag"), or with typos —
 * swapped letters as well as missing, extra and wrong ones ("pentalatreal", "etais").
 *
 * Fuse.js (Bitap) counts a swap of two letters as two errors, so a short word with one swap is out of
 * its reach ("etais" is nearer "etats" than "etias" to it); typos here are found by a trigram
 * filter over the words and an optimal-string-alignment distance that counts a swap as one edit.
 */

import { base64ToBytes, bytesToBase64 } from './base64';

/** How a query word matched a word of the index; higher quality is better (EXACT, PREFIX, INFIX, a typo's). */
export interface WordMatch {
  quality: number;
  /** The marked part of the index word: [start, end). */
  mark: readonly [number, number];
  /** Matched only with typos. */
  typo?: boolean;
}

export const EXACT = 1;
export const PREFIX = 0.8;
export const INFIX = 0.5;

/** Query words shorter than this only match words they start. */
const MIN_INFIX = 4;
/** … and shorter than this are never read as typos. */
const MIN_FUZZY = 3;
/** Words this long or longer may be typos of a word's start (typing "pentalatr" finds "pentalateraal"). */
const MIN_FUZZY_PREFIX = 6;
/** The most index words a typo is compared with in full, the most trigrams in common first. */
const MAX_FUZZY_CANDIDATES = 300;

/** Edits a typo may hold: one in a short word, two from 8 letters on. */
export function maxEdits(length: number): number {
  return length < MIN_FUZZY ? 0 : length < 8 ? 1 : 2;
}

/** The distance's rows, reused from call to call (a typo is compared with hundreds of words). */
let rows: Int32Array[] = [0, 1, 2].map(() => new Int32Array(64));

// Costs ×10, so that a swap of neighbours (8) ranks before a wrong letter (10): "etais" is "etias".
const EDIT = 10;
const SWAP = 8;

/**
 * Weighted optimal-string-alignment distance of `query` to the whole of `word` and to its nearest
 * start (a prefix of `word`), or null when both exceed `max` (in the ×10 units above).
 */
export function alignment(
  query: string,
  word: string,
  max: number,
): { whole: number; prefix: number; prefixEnd: number } | null {
  const n = query.length;
  const m = word.length;
  if (m < n - max / EDIT) return null;
  if (rows[0]!.length <= m) rows = [0, 1, 2].map(() => new Int32Array(2 * m + 2));
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array]; // rows i-2, i-1, i
  for (let j = 0; j <= m; j++) previous[j] = j * EDIT;
  let previousMin = 0;
  for (let i = 1; i <= n; i++) {
    row[0] = i * EDIT;
    let rowMin = row[0];
    const q = query.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const w = word.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + EDIT, row[j - 1]! + EDIT, previous[j - 1]! + (q === w ? 0 : EDIT));
      if (i > 1 && j > 1 && q === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === w && q !== w)
        d = Math.min(d, before[j - 2]! + SWAP);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Later rows are no lower than this one, or than the one before plus a swap.
    if (rowMin > max && previousMin + SWAP > max) return null;
    previousMin = rowMin;
    [before, previous, row] = [previous, row, before];
  }
  // `previous` is now row n.
  let prefix = Infinity;
  let prefixEnd = 0;
  for (let j = 0; j <= m; j++) {
    if (previous[j]! <= prefix) {
      prefix = previous[j]!;
      prefixEnd = j;
    }
  }
  const whole = previous[m]!;
  if (whole > max && prefix > max) return null;
  return { whole, prefix, prefixEnd };
}

/** A typo's quality: below an exact word or a word's start; a swap costs less than a wrong letter. */
function fuzzyQuality(distance: number, ofPrefix: boolean): number {
  return 0.7 - 0.02 * distance - (ofPrefix ? 0.05 : 0);
}

/** The trigrams of a text (pad it with spaces for its start and end), as numbers: three UTF-16 units. */
export function trigramsOf(padded: string): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= padded.length; i++)
    out.add((padded.charCodeAt(i) * 0x10000 + padded.charCodeAt(i + 1)) * 0x10000 + padded.charCodeAt(i + 2));
  return [...out];
}

/**
 * The words of an index, sorted, each with where it stands: the places of word i are
 * `places[offsets[i]] … places[offsets[i + 1] - 1]`, as entry, field, entry, field, … in entry order.
 * Its trigram index is built on the first query that needs it.
 */
export class Vocabulary {
  private grams: Map<number, Int32Array> | null = null;
  private byLength: Int32Array[] | null = null;
  /** Scratch counts per word for the typo filter (reused: a query allocates nothing this big). */
  private counts: Uint16Array | null = null;

  constructor(
    readonly words: readonly string[],
    readonly places: Int32Array,
    readonly offsets: Int32Array,
  ) {}

  /** Words with their places as lists (entry, field, …), as built. */
  static fromLists(words: readonly string[], lists: readonly (readonly number[])[]): Vocabulary {
    const offsets = new Int32Array(words.length + 1);
    lists.forEach((list, i) => (offsets[i + 1] = offsets[i]! + list.length));
    const places = new Int32Array(offsets[words.length]!);
    lists.forEach((list, i) => places.set(list, offsets[i]));
    return new Vocabulary(words, places, offsets);
  }

  /** Words with their places packed by packPlaces(). */
  static unpack(words: readonly string[], packed: string): Vocabulary {
    const bytes = base64ToBytes(packed);
    const offsets = new Int32Array(words.length + 1);
    let places = new Int32Array(Math.max(16, bytes.length));
    let at = 0;
    let n = 0;
    const next = () => {
      let value = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[at++]!;
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
        shift += 7;
      }
    };
    for (let i = 0; i < words.length; i++) {
      const count = next();
      if (n + 2 * count > places.length) {
        const grown = new Int32Array(Math.max(places.length * 2, n + 2 * count));
        grown.set(places);
        places = grown;
      }
      let entry = 0;
      for (let k = 0; k < count; k++) {
        entry += next();
        places[n++] = entry;
        places[n++] = next();
      }
      offsets[i + 1] = n;
    }
    return new Vocabulary(words, places.slice(0, n), offsets);
  }

  /** How many places word `id` stands in. */
  count(id: number): number {
    return (this.offsets[id + 1]! - this.offsets[id]!) / 2;
  }

  /** The range of words that start with `prefix` (the word itself first, if it is one). */
  prefixRange(prefix: string): [number, number] {
    const lo = lowerBound(this.words, prefix);
    // Every word starting with `prefix` sorts before prefix + U+FFFF.
    const hi = lowerBound(this.words, `${prefix}\uffff`, lo);
    return [lo, hi];
  }

  /** Words that hold `part` after their start (compounds: "verdrag" in "politieverdrag"). */
  infixes(part: string): number[] {
    if (part.length < MIN_INFIX) return [];
    const index = this.gramIndex();
    const lists: Int32Array[] = [];
    for (const g of trigramsOf(part)) {
      const list = index.get(g);
      if (!list) return [];
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    const out: number[] = [];
    for (const id of lists[0]!) {
      if (!lists.every((l) => includesSorted(l, id))) continue;
      if (this.words[id]!.indexOf(part, 1) > 0) out.push(id);
    }
    return out;
  }

  /** Words that `query` may be a typo of (or of their start), with the match's quality and mark. */
  typos(query: string, into: Map<number, WordMatch>): void {
    const edits = maxEdits(query.length);
    if (edits === 0) return;
    const max = edits * EDIT;
    const ofPrefix = query.length >= MIN_FUZZY_PREFIX;
    for (const id of this.typoCandidates(query, edits, ofPrefix)) {
      const word = this.words[id]!;
      const a = alignment(query, word, max);
      if (!a) continue;
      if (a.whole <= max && (!ofPrefix || a.whole <= a.prefix))
        into.set(id, { quality: fuzzyQuality(a.whole, false), mark: [0, word.length], typo: true });
      else if (ofPrefix && a.prefix <= max && a.prefixEnd > 0)
        into.set(id, { quality: fuzzyQuality(a.prefix, true), mark: [0, a.prefixEnd], typo: true });
    }
  }

  /**
   * Words sharing at least `share` of the trigrams of ` ${text}` (or of ` ${text} ` if `whole`), with
   * how many they share, the most first (at most `limit`).
   */
  similar(text: string, share: number, whole: boolean, limit: number, minLength = 0): [id: number, shared: number][] {
    const grams = trigramsOf(whole ? ` ${text} ` : ` ${text}`);
    const need = Math.max(1, Math.ceil(grams.length * share));
    const counts = (this.counts ??= new Uint16Array(this.words.length));
    const touched: number[] = [];
    const index = this.gramIndex();
    for (const g of grams) {
      for (const id of index.get(g) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id]!++;
      }
    }
    const found: [id: number, shared: number][] = [];
    for (const id of touched) {
      if (counts[id]! >= need && this.words[id]!.length >= minLength) found.push([id, counts[id]!]);
      counts[id] = 0;
    }
    found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return found.slice(0, limit);
  }

  private typoCandidates(query: string, edits: number, ofPrefix: boolean): Iterable<number> {
    const n = query.length;
    // A short word shares too few trigrams with its typo (one swap changes four): compare it with
    // every word of about its length instead.
    if (!ofPrefix) {
      const byLength = this.lengthIndex();
      const out: number[] = [];
      const [a, b] = [query.charCodeAt(0), query.charCodeAt(1)];
      for (let len = Math.max(1, n - edits); len <= n + edits; len++) {
        for (const id of byLength[len] ?? []) {
          // One edit leaves one of the first two letters where it was, or moves it by one.
          const word = this.words[id]!;
          const [x, y] = [word.charCodeAt(0), word.charCodeAt(1)];
          if (edits > 1 || a === x || b === y || a === y || b === x) out.push(id);
        }
      }
      return out;
    }
    // Longer words: those sharing trigrams with the query's start-padded ones (so a word the query
    // only starts counts too), the most shared first. An edit changes at most 3 trigrams, a swap 4.
    const grams = n - 1;
    const share = Math.max(1, grams - 4 * edits) / grams;
    return this.similar(query, share, false, MAX_FUZZY_CANDIDATES, n - edits).map(([id]) => id);
  }

  private gramIndex(): Map<number, Int32Array> {
    if (this.grams) return this.grams;
    const lists = new Map<number, number[]>();
    this.words.forEach((word, id) => {
      for (const g of trigramsOf(` ${word} `)) {
        const list = lists.get(g);
        if (list) list.push(id);
        else lists.set(g, [id]);
      }
    });
    this.grams = new Map();
    for (const [g, ids] of lists) this.grams.set(g, Int32Array.from(ids));
    return this.grams;
  }

  private lengthIndex(): Int32Array[] {
    if (this.byLength) return this.byLength;
    const lists: number[][] = [];
    this.words.forEach((word, id) => (lists[word.length] ??= []).push(id));
    this.byLength = Array.from(lists, (ids) => Int32Array.from(ids ?? []));
    return this.byLength;
  }
}

/** Places as lists (entry, field, … in entry order), packed: per word its count, then entry deltas and fields, as varints in base64. */
export function packPlaces(lists: readonly (readonly number[])[]): string {
  let bytes = new Uint8Array(1024);
  let at = 0;
  const put = (value: number) => {
    if (at + 5 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes);
      bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      bytes[at++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 0x80);
    }
    bytes[at++] = v;
  };
  for (const list of lists) {
    put(list.length / 2);
    let entry = 0;
    for (let k = 0; k < list.length; k += 2) {
      put(list[k]! - entry);
      entry = list[k]!;
      put(list[k + 1]!);
    }
  }
  return bytesToBase64(bytes.subarray(0, at));
}

export function lowerBound(words: readonly string[], key: string, from = 0): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function includesSorted(list: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] === id;
}
