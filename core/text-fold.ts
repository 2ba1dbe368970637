/**
 * Length-preserving text folding and the "match unit" segmentation shared by the term matcher,
 * its reference implementation and alias compilation.
 *
 * Folding works per UTF-16 code unit so that every offset in folded text is an offset in the
 * original text:
 * - a unit is lower-cased when its lower case is a single unit; units whose lower case is longer
 *   (İ → i̇) are left as they are;
 * - precomposed Latin letters lose their diacritics (é → e, Ł → l, ø → o), from NFD over Latin-1
 *   Supplement, Latin Extended-A/-B and Latin Extended Additional;
 * - every whitespace character (\s: tab, newline, NBSP, U+202F …) becomes a space;
 * - ’ ‘ ′ become ', “ ” „ become ", U+2010/U+2011 hyphens become -, ς becomes σ.
 * Folding never turns a word character (letter, mark, digit) into a non-word one or back.
 */

/** Symbol every whitespace run folds to. */
export const SPACE_SYMBOL = 0x20;
/**
 * Reserved symbol (a noncharacter): the matcher uses it to mark word starts. Text that contains
 * U+FFFF folds it to U+FFFD, so it can never come from text.
 */
export const BOUNDARY_SYMBOL = 0xffff;

/** Bits of {@link FoldTables.classes}. */
export const CLASS_WORD = 1; // \p{L}\p{M}\p{N}
export const CLASS_SPACE = 2; // \s (incl. NBSP, U+202F, line separators)
export const CLASS_HIGH_SURROGATE = 4;
export const CLASS_LOW_SURROGATE = 8;
/** Combining diacritical marks (U+0300–U+036F): absorbed into a preceding Latin base letter. */
export const CLASS_LATIN_MARK = 16;
/** Invisible characters absorbed into the preceding unit (soft hyphen). */
export const CLASS_IGNORABLE = 32;

/** U+00AD: invisible unless a line breaks there; matched as if it were not in the text. */
export const SOFT_HYPHEN = 0xad;

export interface FoldTables {
  /** Folded symbol of each UTF-16 unit. */
  readonly fold: Uint16Array;
  /** CLASS_* bits of each UTF-16 unit (of the original, unfolded unit). */
  readonly classes: Uint8Array;
}

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const ONLY_LATIN_MARKS = /^[\u0300-\u036f]+$/;

// Letters with a stroke or similar that NFD does not decompose but readers treat as accented.
const EXTRA_BASE_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
};

// Single-unit variants people use interchangeably (typographic quotes and hyphens, final sigma).
const SINGLE_UNIT_VARIANTS: ReadonlyArray<readonly [number, number]> = [
  [0x2018, 0x27], // ‘
  [0x2019, 0x27], // ’
  [0x201b, 0x27], // ‛
  [0x2032, 0x27], // ′
  [0x201c, 0x22], // “
  [0x201d, 0x22], // ”
  [0x201e, 0x22], // „
  [0x2010, 0x2d], // ‐ hyphen
  [0x2011, 0x2d], // non-breaking hyphen
  [0x03c2, 0x03c3], // final sigma ς → σ
  [BOUNDARY_SYMBOL, 0xfffd],
];

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Whether a folded symbol is a Latin letter a–z, which absorbs combining marks after it. */
export function isLatinBase(symbol: number): boolean {
  return symbol >= 0x61 && symbol <= 0x7a;
}

// String.fromCharCode takes the units as arguments: pass at most this many per call.
const UNITS_PER_CALL = 0x1000;

/** The string of these UTF-16 units. */
export function stringOfUnits(units: Uint16Array | readonly number[]): string {
  let text = '';
  for (let k = 0; k < units.length; k += UNITS_PER_CALL) {
    text += String.fromCharCode(...units.slice(k, k + UNITS_PER_CALL));
  }
  return text;
}

function allBmpUnits(): string {
  // Surrogates replaced by U+FFFD (neither word nor space) so the u-flag regex sees a well-formed string.
  const codes = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) codes[c] = isSurrogate(c) ? 0xfffd : c;
  // Decoding the array is much faster than String.fromCharCode on a cold start; it assumes a
  // little-endian machine, so check and fall back.
  const decoded = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(codes);
  if (decoded.length === 0x10000 && decoded.charCodeAt(0x1234) === 0x1234) return decoded;
  return stringOfUnits(codes);
}

function lowerCaseTable(all: string): Uint16Array {
  const fold = new Uint16Array(0x10000);
  // One toLowerCase call over the whole plane is ~30× faster than one per unit. It is only
  // valid when no unit changes length (İ does) and no mapping depends on context (Σ does),
  // so those two are handled one by one.
  const lower = all.replace(/[\u0130\u03a3]/g, ' ').toLowerCase();
  const bulkUsable = lower.length === 0x10000;
  for (let c = 0; c < 0x10000; c++) {
    if (isSurrogate(c)) {
      fold[c] = c;
    } else if (bulkUsable && c !== 0x130 && c !== 0x3a3) {
      fold[c] = lower.charCodeAt(c);
    } else {
      const single = String.fromCharCode(c).toLowerCase();
      fold[c] = single.length === 1 ? single.charCodeAt(0) : c;
    }
  }
  return fold;
}

function stripLatinDiacritics(fold: Uint16Array): void {
  const ranges: ReadonlyArray<readonly [number, number]> = [
    [0x00c0, 0x024f], // Latin-1 Supplement letters, Latin Extended-A and -B
    [0x1e00, 0x1eff], // Latin Extended Additional (ạ, ẞ, ỳ …)
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      // Letters whose lower case is longer (İ) stay as they are altogether.
      if (String.fromCharCode(c).toLowerCase().length !== 1) continue;
      const lower = String.fromCharCode(fold[c] ?? c);
      const decomposed = lower.normalize('NFD');
      let base = lower;
      if (decomposed.length > 1 && ONLY_LATIN_MARKS.test(decomposed.slice(1))) {
        base = decomposed.charAt(0);
      }
      base = EXTRA_BASE_LETTERS[base] ?? base;
      const baseLower = base.toLowerCase();
      if (baseLower.length === 1) fold[c] = baseLower.charCodeAt(0);
    }
  }
  for (const [letter, base] of Object.entries(EXTRA_BASE_LETTERS)) {
    fold[letter.charCodeAt(0)] = base.charCodeAt(0);
  }
  // Units outside those ranges that lower-case into them (Å ANGSTROM SIGN → å) go on to the base.
  for (let c = 0; c < 0x10000; c++) fold[c] = fold[fold[c] ?? c] ?? c;
}

function buildTables(): FoldTables {
  const all = allBmpUnits();
  const fold = lowerCaseTable(all);
  stripLatinDiacritics(fold);
  const classes = new Uint8Array(0x10000);
  for (const run of all.matchAll(WORD_RUN)) {
    classes.fill(CLASS_WORD, run.index, run.index + run[0].length);
  }
  for (const run of all.matchAll(/\s+/g)) {
    for (let c = run.index; c < run.index + run[0].length; c++) {
      classes[c] = CLASS_SPACE;
      fold[c] = SPACE_SYMBOL;
    }
  }
  for (let c = 0xd800; c <= 0xdbff; c++) classes[c] = CLASS_HIGH_SURROGATE;
  for (let c = 0xdc00; c <= 0xdfff; c++) classes[c] = CLASS_LOW_SURROGATE;
  for (let c = 0x300; c <= 0x36f; c++) classes[c] = (classes[c] ?? 0) | CLASS_LATIN_MARK;
  classes[SOFT_HYPHEN] = CLASS_IGNORABLE;
  for (const [from, to] of SINGLE_UNIT_VARIANTS) fold[from] = to;
  return { fold, classes };
}

let tables: FoldTables | undefined;

/** The folding tables, built on first use (~5–20 ms) and shared afterwards. */
export function getFoldTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

/**
 * The tables in a compact form that travels with a compiled glossary: the units whose fold differs
 * from themselves, as (unit, fold) pairs, and the classes as (first unit, class) runs.
 */
export function packFoldTables(t: FoldTables = getFoldTables()): { foldPairs: Int32Array; classRuns: Int32Array } {
  const pairs: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (t.fold[c] !== c) pairs.push(c, t.fold[c]!);
  const runs: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (c === 0 || t.classes[c] !== t.classes[c - 1]) runs.push(c, t.classes[c]!);
  return { foldPairs: Int32Array.from(pairs), classRuns: Int32Array.from(runs) };
}

/**
 * Uses the tables a glossary was compiled with (see packFoldTables), so that text is folded exactly
 * as its aliases were — whatever Unicode version this JavaScript engine has — and nothing is built at
 * run time.
 */
export function useFoldTables(packed: { foldPairs: Int32Array; classRuns: Int32Array }): void {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;
  for (let k = 0; k + 1 < packed.foldPairs.length; k += 2)
    fold[packed.foldPairs[k]! & 0xffff] = packed.foldPairs[k + 1]!;
  const classes = new Uint8Array(0x10000);
  const runs = packed.classRuns;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const end = k + 2 < runs.length ? runs[k + 2]! : 0x10000;
    classes.fill(runs[k + 1]!, runs[k], end);
  }
  tables = { fold, classes };
}

/** Folds one UTF-16 unit (case, Latin diacritics, whitespace → space, quote/hyphen variants). */
export function foldUnit(code: number): number {
  return getFoldTables().fold[code & 0xffff] ?? code;
}

/** Folds every unit of `text`; the result has the same length, offset for offset. */
export function foldText(text: string): string {
  const { fold } = getFoldTables();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = fold[text.charCodeAt(i)] ?? 0;
  return stringOfUnits(out);
}

/** Whether a code point is a letter, mark or digit of any script. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000 && !isSurrogate(codePoint)) {
    return ((getFoldTables().classes[codePoint] ?? 0) & CLASS_WORD) !== 0;
  }
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/**
 * One unit of matching: a single character with the invisible or combining characters that
 * belong to it, a surrogate pair, or a whole run of whitespace.
 */
export interface MatchUnit {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Folded symbols (one UTF-16 unit, or two for a surrogate pair; " " for whitespace). */
  key: string;
  /** Original text minus soft hyphens (" " for whitespace): what case-sensitive matching compares. */
  exact: string;
  /** Letter, mark or digit: a match may not start or end next to such a unit. */
  word: boolean;
}

/**
 * Splits text into match units. The matcher's hot loop does the same in place; this version is
 * for aliases and for the reference matcher used by tests.
 *
 * - A run of whitespace is one unit.
 * - A surrogate pair is one unit (not folded).
 * - Soft hyphens (U+00AD) are absorbed into the unit before them.
 * - Combining marks U+0300–U+036F are absorbed into a preceding Latin letter a–z (after
 *   folding), so decomposed "e\u0301" folds like "é"; after other letters they stay separate
 *   units (й written as и + U+0306 is not и).
 */
export function segmentText(text: string): MatchUnit[] {
  const { fold, classes } = getFoldTables();
  const units: MatchUnit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const code = text.charCodeAt(i);
    const cls = classes[code] ?? 0;
    i++;
    if (cls & CLASS_SPACE) {
      while (i < n && (classes[text.charCodeAt(i)] ?? 0) & CLASS_SPACE) i++;
      units.push({ start, end: i, key: ' ', exact: ' ', word: false });
      continue;
    }
    let key: string;
    let exact: string;
    let word: boolean;
    let latinBase = false;
    if (cls & CLASS_HIGH_SURROGATE && i < n && (classes[text.charCodeAt(i)] ?? 0) & CLASS_LOW_SURROGATE) {
      i++;
      key = text.slice(start, i);
      exact = key;
      word = isWordCodePoint(key.codePointAt(0) ?? 0);
    } else {
      const folded = fold[code] ?? code;
      key = String.fromCharCode(folded);
      exact = String.fromCharCode(code);
      word = (cls & CLASS_WORD) !== 0;
      latinBase = isLatinBase(folded);
    }
    while (i < n) {
      const next = text.charCodeAt(i);
      const nextCls = classes[next] ?? 0;
      if (nextCls & CLASS_IGNORABLE) {
        i++;
      } else if (latinBase && nextCls & CLASS_LATIN_MARK) {
        exact += text.charAt(i);
        i++;
      } else {
        break;
      }
    }
    units.push({ start, end: i, key, exact, word });
  }
  return units;
}

/** Segments an alias and drops whitespace units at either end. */
export function segmentAlias(alias: string): MatchUnit[] {
  const units = segmentText(alias);
  let from = 0;
  let to = units.length;
  while (from < to && units[from]?.key === ' ') from++;
  while (to > from && units[to - 1]?.key === ' ') to--;
  return units.slice(from, to);
}
