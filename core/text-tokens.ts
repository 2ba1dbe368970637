/**
 * Text cut into tokens for the token matcher (token-matcher.ts): a maximal run of word units (letters,
 * marks, digits) is one token, every other unit (a whitespace run, a punctuation mark) one token of its
 * own; units as text-fold.ts segmentText makes them. Aliases and page text go through the same cut.
 */
import {
  CLASS_HIGH_SURROGATE,
  CLASS_IGNORABLE,
  CLASS_LATIN_MARK,
  CLASS_LOW_SURROGATE,
  CLASS_SPACE,
  CLASS_WORD,
  SPACE_SYMBOL,
  getFoldTables,
  isLatinBase,
  isWordCodePoint,
} from './text-fold';

/** Token kinds in {@link TextTokens.kind}. */
export const TOKEN_OTHER = 0;
export const TOKEN_WORD = 1;
export const TOKEN_SPACE = 2;

/**
 * Text cut into tokens; reused across texts (it only grows). Token k covers the text from start[k]
 * to start[k+1] and its folded key is keys[keyStart[k] … keyStart[k+1]).
 */
export class TextTokens {
  count = 0;
  start = new Int32Array(64);
  kind = new Uint8Array(64);
  keyStart = new Int32Array(64);
  keys = new Uint16Array(64);

  /** Room for the tokens of a text this long (never more tokens or key units than text units). */
  reserve(length: number): void {
    if (this.start.length > length + 1) return;
    let size = this.start.length;
    while (size <= length + 1) size *= 2;
    this.start = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.keyStart = new Int32Array(size);
    this.keys = new Uint16Array(size);
  }
}

/**
 * Cuts text into tokens, unit by unit exactly as segmentText (text-fold.ts) does: a whitespace run
 * is one unit (key " "); a surrogate pair is one unit, not folded; soft hyphens are absorbed into
 * the unit before them, and Latin combining marks into a Latin letter before them. Word units in a
 * row make one token whose key is their keys joined.
 */
export function tokenize(text: string, out: TextTokens): void {
  const { fold, classes } = getFoldTables();
  const n = text.length;
  out.reserve(n);
  const { start, kind, keyStart, keys } = out;
  let count = 0;
  let k = 0;
  let inWord = false;
  let i = 0;
  while (i < n) {
    const unitStart = i;
    const code = text.charCodeAt(i++);
    const cls = classes[code]!;
    if (cls & CLASS_SPACE) {
      while (i < n && classes[text.charCodeAt(i)]! & CLASS_SPACE) i++;
      start[count] = unitStart;
      kind[count] = TOKEN_SPACE;
      keyStart[count++] = k;
      keys[k++] = SPACE_SYMBOL;
      inWord = false;
      continue;
    }
    let key = code;
    let low = -1;
    let word: boolean;
    let latinBase = false;
    if (cls & CLASS_HIGH_SURROGATE && i < n && classes[text.charCodeAt(i)]! & CLASS_LOW_SURROGATE) {
      low = text.charCodeAt(i++);
      word = isWordCodePoint(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
    } else {
      key = fold[code]!;
      word = (cls & CLASS_WORD) !== 0;
      latinBase = isLatinBase(key);
    }
    while (i < n) {
      const next = classes[text.charCodeAt(i)]!;
      if (next & CLASS_IGNORABLE || (latinBase && next & CLASS_LATIN_MARK)) i++;
      else break;
    }
    if (!word || !inWord) {
      start[count] = unitStart;
      kind[count] = word ? TOKEN_WORD : TOKEN_OTHER;
      keyStart[count++] = k;
    }
    keys[k++] = key;
    if (low >= 0) keys[k++] = low;
    inWord = word;
  }
  start[count] = n;
  keyStart[count] = k;
  out.count = count;
}

/**
 * What case-sensitive aliases compare for a token: its text without soft hyphens — except a token
 * that is itself a soft hyphen (after whitespace or at the start), whose first unit stays, as in
 * segmentText's `exact`.
 */
export function tokenExact(text: string, from: number, to: number): string {
  if (to <= from) return '';
  return text.charAt(from) + text.slice(from + 1, to).replaceAll('\u00ad', '');
}
