/**
 * A glossary compiled once for matching, and its binary form. Every alias of every term goes into one
 * automaton, whatever the reader's switches: "I know this term" and the everyday-word switches filter
 * matches at run time (term-matcher.ts `matcherFor`), so changing them never recompiles.
 *
 * The binary form is what crosses from the build (the bundled glossary) or the background (any
 * other) to a content script: typed arrays laid out in one buffer, read back as views without copying,
 * plus a small JSON part for the strings.
 */
import { claimsOf, type AliasClaims } from './alias-claims';
import { base64ToBytes, bytesToBase64 } from './base64';
import { STATE_FIELDS, type CompiledPattern, type TermAutomaton } from './term-automaton';
import { activeAliases, BLOCKED_TERM_ID, buildTermAutomaton, type MatchTerm } from './term-automaton-build';
import { packFoldTables, useFoldTables } from './text-fold';
import { z } from './zod';

export interface CompiledGlossary {
  /** The glossary version it was compiled from. */
  version: string;
  automaton: TermAutomaton;
  /** Per term (index into `automaton.termIds`): 1 when it is highlighted unless the reader says otherwise. */
  highlightByDefault: Uint8Array;
  /** Folded surface form → the ids of the terms that claim it, only where more than one does (ambiguous). */
  ambiguous: AliasClaims;
}

/** Compiles every alias of every term; the reader's switches are applied when matching. */
export function compileGlossary(version: string, terms: readonly MatchTerm[]): CompiledGlossary {
  const automaton = buildTermAutomaton(activeAliases(terms.map((t) => ({ ...t, highlight: true }))));
  const byId = new Map(terms.map((t) => [t.id, t]));
  const highlightByDefault = Uint8Array.from(automaton.termIds, (id) =>
    id === BLOCKED_TERM_ID || byId.get(id)?.highlight ? 1 : 0,
  );
  const ambiguous = new Map([...claimsOf(terms)].filter(([, ids]) => ids.length > 1));
  return { version, automaton, highlightByDefault, ambiguous };
}

/** Thrown when bytes are not a compiled glossary this code can read (another format version, or damaged). */
export class CompiledGlossaryError extends Error {
  override name = 'CompiledGlossaryError';
}

const MAGIC = 0x4d474742; // "BGGM", little-endian
/** Bump when the layout or the automaton's meaning changes: older bytes are then recompiled, never misread. */
export const COMPILED_FORMAT_VERSION = 3;

/** The typed arrays, in their order in the buffer. */
const ARRAYS = [
  'states',
  'edges',
  'dense',
  'outputNext',
  'unitDepth',
  'patternStart',
  'patternIds',
  'stateTerm',
  'patternTerm',
  'alphabetPairs',
  'foldPairs',
  'classRuns',
  'highlightByDefault',
] as const;

interface Strings {
  version: string;
  afterBoundary: number;
  wordStartRow: number;
  alphabetSize: number;
  maxUnits: number;
  termIds: string[];
  /** [pattern index, exact text per unit] for the case-sensitive patterns only. */
  exact: [number, string[]][];
  ambiguous: [string, string[]][];
}

/** The compiled glossary as one buffer: a header, the typed arrays (4-byte aligned), then the strings as JSON. */
export function encodeCompiledGlossary(compiled: CompiledGlossary): Uint8Array {
  const a = compiled.automaton;
  const alphabetPairs: number[] = [];
  for (let symbol = 0; symbol < a.alphabet.length; symbol++) {
    if (a.alphabet[symbol] !== 0) alphabetPairs.push(symbol, a.alphabet[symbol]!);
  }
  const arrays: Record<(typeof ARRAYS)[number], Int32Array | Uint8Array> = {
    states: a.states,
    edges: a.edges,
    dense: a.dense,
    outputNext: a.outputNext,
    unitDepth: a.unitDepth,
    patternStart: a.patternStart,
    patternIds: a.patternIds,
    stateTerm: a.stateTerm,
    patternTerm: Int32Array.from(a.patterns, (p) => p.termIndex),
    alphabetPairs: Int32Array.from(alphabetPairs),
    // The folding the aliases were compiled with; the reader's text is folded with the same.
    ...packFoldTables(),
    highlightByDefault: compiled.highlightByDefault,
  };
  const strings: Strings = {
    version: compiled.version,
    afterBoundary: a.afterBoundary,
    wordStartRow: a.wordStartRow,
    alphabetSize: a.alphabetSize,
    maxUnits: a.maxUnits,
    termIds: a.termIds,
    exact: a.patterns.flatMap((p, k): [number, string[]][] => (p.caseSensitive ? [[k, p.exact]] : [])),
    ambiguous: [...compiled.ambiguous].map(([key, ids]) => [key, [...ids]]),
  };
  const json = new TextEncoder().encode(JSON.stringify(strings));

  // Header: magic, format version, then per array its element count; then the JSON's length.
  const headerInts = 2 + ARRAYS.length + 1;
  let size = headerInts * 4;
  const offsets = ARRAYS.map((name) => {
    const at = size;
    size += align4(arrays[name].byteLength);
    return at;
  });
  const jsonAt = size;
  size += json.byteLength;

  const bytes = new Uint8Array(size);
  const header = new Int32Array(bytes.buffer, 0, headerInts);
  header[0] = MAGIC;
  header[1] = COMPILED_FORMAT_VERSION;
  ARRAYS.forEach((name, k) => {
    const array = arrays[name];
    header[2 + k] = array.length;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[k]);
  });
  header[headerInts - 1] = json.byteLength;
  bytes.set(json, jsonAt);
  return bytes;
}

/**
 * Reads a compiled glossary back. The typed arrays are views on `bytes` (no copy) when its offset is
 * 4-byte aligned. The folding tables it carries become this context's (text-fold.ts useFoldTables), so
 * a frame builds none. Throws CompiledGlossaryError on bytes of another format version or a damaged
 * buffer.
 */
export function decodeCompiledGlossary(input: Uint8Array): CompiledGlossary {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const headerInts = 2 + ARRAYS.length + 1;
  if (bytes.byteLength >= 4 && new Int32Array(bytes.buffer, bytes.byteOffset, 1)[0] !== MAGIC) {
    throw new CompiledGlossaryError('These bytes are not a compiled glossary.');
  }
  if (bytes.byteLength < headerInts * 4) throw new CompiledGlossaryError('The compiled glossary is truncated.');
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, headerInts);
  if (header[1] !== COMPILED_FORMAT_VERSION) {
    throw new CompiledGlossaryError(`Compiled glossary format ${header[1]}, expected ${COMPILED_FORMAT_VERSION}.`);
  }
  let at = headerInts * 4;
  const views = {} as Record<(typeof ARRAYS)[number], Int32Array | Uint8Array>;
  ARRAYS.forEach((name, k) => {
    const length = header[2 + k]!;
    const byteLength = name === 'highlightByDefault' ? length : length * 4;
    if (length < 0 || at + byteLength > bytes.byteLength) {
      throw new CompiledGlossaryError('The compiled glossary is truncated.');
    }
    views[name] =
      name === 'highlightByDefault'
        ? new Uint8Array(bytes.buffer, bytes.byteOffset + at, length)
        : new Int32Array(bytes.buffer, bytes.byteOffset + at, length);
    at += align4(byteLength);
  });
  const jsonLength = header[headerInts - 1]!;
  if (at + jsonLength !== bytes.byteLength) throw new CompiledGlossaryError('The compiled glossary is truncated.');
  const strings = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + jsonLength))) as Strings;

  const int = (name: (typeof ARRAYS)[number]) => views[name] as Int32Array;
  useFoldTables({ foldPairs: int('foldPairs'), classRuns: int('classRuns') });
  const alphabet = new Int32Array(0x10000);
  const pairs = int('alphabetPairs');
  for (let k = 0; k < pairs.length; k += 2) alphabet[pairs[k]!] = pairs[k + 1]!;
  const exact = new Map(strings.exact);
  const noExact: string[] = [];
  const patterns: CompiledPattern[] = Array.from(int('patternTerm'), (termIndex, k) => {
    const units = exact.get(k);
    return { termIndex, caseSensitive: units !== undefined, exact: units ?? noExact };
  });
  const states = int('states');
  if (states.length % STATE_FIELDS !== 0) throw new CompiledGlossaryError('The compiled glossary is damaged.');
  const automaton: TermAutomaton = {
    afterBoundary: strings.afterBoundary,
    wordStartRow: strings.wordStartRow,
    alphabet,
    alphabetSize: strings.alphabetSize,
    states,
    edges: int('edges'),
    dense: int('dense'),
    outputNext: int('outputNext'),
    unitDepth: int('unitDepth'),
    patternStart: int('patternStart'),
    patternIds: int('patternIds'),
    maxUnits: strings.maxUnits,
    patterns,
    stateTerm: int('stateTerm'),
    termIds: strings.termIds,
  };
  return {
    version: strings.version,
    automaton,
    highlightByDefault: views.highlightByDefault as Uint8Array,
    ambiguous: new Map(strings.ambiguous),
  };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * A compiled glossary as stored for content scripts in `browser.storage.local` (settings/page-glossary.ts):
 * storage carries JSON, so the bytes travel as base64.
 */
export const storedCompiledGlossarySchema = z.object({
  format: z.number(),
  version: z.string(),
  /** Empty on the background route. */
  base64: z.string(),
  /**
   * `background`: the enabled glossaries are too big to copy into every frame; frames send their text
   * to the background, which matches it with its one copy of this version (background/enabled-set.ts).
   */
  route: z.optional(z.literal('background')),
});
export type StoredCompiledGlossary = z.infer<typeof storedCompiledGlossarySchema>;

export function storeCompiledGlossary(bytes: Uint8Array, version: string): StoredCompiledGlossary {
  return { format: COMPILED_FORMAT_VERSION, version, base64: bytesToBase64(bytes) };
}

/** The compiled glossary from its stored form; null when it is of another format (to be compiled again). */
export function loadCompiledGlossary(stored: StoredCompiledGlossary): CompiledGlossary | null {
  if (stored.format !== COMPILED_FORMAT_VERSION || stored.route) return null;
  return decodeCompiledGlossary(base64ToBytes(stored.base64));
}
