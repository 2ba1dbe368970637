/**
 * The token glossary's binary form (token-matcher.ts): typed arrays in one 4-byte-aligned buffer, read
 * back as views without copying, then the strings as JSON, behind a header with a format version and a
 * checksum. The background keeps these bytes in IndexedDB and reads them back after a restart.
 */
import { packFoldTables, useFoldTables } from './text-fold';
import { StringList, type TokenGlossary } from './token-matcher';

/** Thrown when bytes are not a token glossary this code can read (another format version, or damaged). */
export class TokenGlossaryError extends Error {
  override name = 'TokenGlossaryError';
}

const MAGIC = 0x4d544742; // "BGTM", little-endian
/** Bump when the layout, the hash or the tokens' meaning changes: older bytes are recompiled, never misread. */
export const TOKEN_FORMAT_VERSION = 1;

/** The typed arrays, in their order in the buffer, and their element types. */
const ARRAYS = {
  tokenKeys: Uint16Array,
  tokenKeyStart: Int32Array,
  tokenTable: Int32Array,
  childStart: Int32Array,
  nodeToken: Int32Array,
  patternStart: Int32Array,
  patternTerm: Int32Array,
  patternExact: Int32Array,
  exactStart: Int32Array,
  exactChars: Uint16Array,
  highlightByDefault: Uint8Array,
  termIdStart: Int32Array,
  foldPairs: Int32Array,
  classRuns: Int32Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
const NAMES = Object.keys(ARRAYS) as ArrayName[];

interface Strings {
  version: string;
  firstTokens: number;
  maxKeyLength: number;
  /** The term ids joined (see StringList): one JSON string parses far faster than an array of them. */
  termIds: string;
  ambiguous: [string, string[]][];
}

// Header (int32): magic, format, checksum, byte length of each array, byte length of the JSON.
const HEADER_INTS = 3 + NAMES.length + 1;

/** The token glossary as one buffer: a header, the typed arrays (4-byte aligned), then the strings as JSON. */
export function encodeTokenGlossary(g: TokenGlossary): Uint8Array {
  const arrays: Record<ArrayName, Uint8Array | Uint16Array | Int32Array> = {
    tokenKeys: g.tokens.keys,
    tokenKeyStart: g.tokens.keyStart,
    tokenTable: g.tokens.table,
    ...g.trie,
    highlightByDefault: g.highlightByDefault,
    termIdStart: g.termIds.start,
    // The folding the aliases were compiled with; the reader's text is folded with the same.
    ...packFoldTables(),
  };
  const strings: Strings = {
    version: g.version,
    firstTokens: g.tokens.firstTokens,
    maxKeyLength: g.tokens.maxKeyLength,
    termIds: g.termIds.joined,
    ambiguous: [...g.ambiguous].map(([key, ids]) => [key, [...ids]]),
  };
  const json = new TextEncoder().encode(JSON.stringify(strings));
  let size = HEADER_INTS * 4;
  const offsets = NAMES.map((name) => {
    const at = size;
    size += align4(arrays[name].byteLength);
    return at;
  });
  const jsonAt = size;
  size += align4(json.byteLength);

  const bytes = new Uint8Array(size);
  const header = new Int32Array(bytes.buffer, 0, HEADER_INTS);
  header[0] = MAGIC;
  header[1] = TOKEN_FORMAT_VERSION;
  NAMES.forEach((name, k) => {
    const array = arrays[name];
    header[3 + k] = array.byteLength;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[k]);
  });
  header[HEADER_INTS - 1] = json.byteLength;
  bytes.set(json, jsonAt);
  header[2] = checksum(bytes);
  return bytes;
}

/**
 * Reads a token glossary back. The typed arrays are views on `bytes` (no copy) when its offset is
 * 4-byte aligned. The folding tables it carries become this context's (text-fold.ts useFoldTables).
 * Throws TokenGlossaryError on bytes of another format or version, and on damaged bytes (a checksum
 * covers all of them).
 */
export function decodeTokenGlossary(input: Uint8Array): TokenGlossary {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < 4 || new Int32Array(bytes.buffer, bytes.byteOffset, 1)[0] !== MAGIC) {
    throw new TokenGlossaryError('These bytes are not a token glossary.');
  }
  if (bytes.byteLength < HEADER_INTS * 4 || bytes.byteLength % 4 !== 0) {
    throw new TokenGlossaryError('The token glossary is truncated.');
  }
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_INTS);
  if (header[1] !== TOKEN_FORMAT_VERSION) {
    throw new TokenGlossaryError(`Token glossary format ${header[1]}, expected ${TOKEN_FORMAT_VERSION}.`);
  }
  let at = HEADER_INTS * 4;
  const views = {} as Record<ArrayName, Uint8Array | Uint16Array | Int32Array>;
  NAMES.forEach((name, k) => {
    const byteLength = header[3 + k]!;
    const type = ARRAYS[name];
    if (byteLength < 0 || byteLength % type.BYTES_PER_ELEMENT !== 0 || at + byteLength > bytes.byteLength) {
      throw new TokenGlossaryError('The token glossary is truncated.');
    }
    const length = byteLength / type.BYTES_PER_ELEMENT;
    const offset = bytes.byteOffset + at;
    views[name] =
      type === Int32Array
        ? new Int32Array(bytes.buffer, offset, length)
        : type === Uint16Array
          ? new Uint16Array(bytes.buffer, offset, length)
          : new Uint8Array(bytes.buffer, offset, length);
    at += align4(byteLength);
  });
  const jsonLength = header[HEADER_INTS - 1]!;
  if (jsonLength < 0 || at + align4(jsonLength) !== bytes.byteLength) {
    throw new TokenGlossaryError('The token glossary is truncated.');
  }
  if (checksum(bytes) !== header[2]) throw new TokenGlossaryError('The token glossary is damaged (checksum).');
  let strings: Strings;
  try {
    strings = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + jsonLength))) as Strings;
  } catch {
    throw new TokenGlossaryError('The token glossary is damaged (strings).');
  }

  const int = (name: ArrayName) => views[name] as Int32Array;
  const u16 = (name: ArrayName) => views[name] as Uint16Array;
  const g: TokenGlossary = {
    version: strings.version,
    termIds: new StringList(strings.termIds, int('termIdStart')),
    highlightByDefault: views.highlightByDefault as Uint8Array,
    ambiguous: new Map(strings.ambiguous),
    tokens: {
      keys: u16('tokenKeys'),
      keyStart: int('tokenKeyStart'),
      table: int('tokenTable'),
      firstTokens: strings.firstTokens,
      maxKeyLength: strings.maxKeyLength,
    },
    trie: {
      childStart: int('childStart'),
      nodeToken: int('nodeToken'),
      patternStart: int('patternStart'),
      patternTerm: int('patternTerm'),
      patternExact: int('patternExact'),
      exactStart: int('exactStart'),
      exactChars: u16('exactChars'),
    },
  };
  const { tokens, trie } = g;
  const nodes = trie.nodeToken.length;
  const consistent =
    typeof strings.termIds === 'string' &&
    g.termIds.length > 0 &&
    g.termIds.start[g.termIds.length] === strings.termIds.length &&
    g.highlightByDefault.length === g.termIds.length &&
    trie.childStart.length === nodes + 1 &&
    trie.childStart[0] === 1 &&
    trie.childStart[nodes] === nodes &&
    (nodes === 0 || trie.childStart[1] === tokens.firstTokens + 1) &&
    trie.patternStart.length === nodes + 1 &&
    trie.patternTerm.length === trie.patternExact.length &&
    trie.patternStart[nodes] === trie.patternTerm.length &&
    tokens.table.length > 0 &&
    (tokens.table.length & (tokens.table.length - 1)) === 0 &&
    tokens.firstTokens < tokens.keyStart.length;
  if (!consistent) throw new TokenGlossaryError('The token glossary is damaged (layout).');
  useFoldTables({ foldPairs: int('foldPairs'), classRuns: int('classRuns') });
  return g;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** A 32-bit checksum of everything after the header's first three ints (the checksum itself included as 0). */
function checksum(bytes: Uint8Array): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let h = 0x811c9dc5 | 0;
  for (let k = 3; k < words.length; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
  return h;
}
