/**
 * A term matcher for very big glossaries (hundreds of thousands of surface forms), run in the
 * background on text chunks that pages send. Same matches as term-matcher.ts (its spec is
 * term-matcher.reference.ts), but built over tokens instead of characters: the character automaton
 * grows to millions of states at that size and takes a minute to compile.
 *
 * Why tokens are enough: an alias may only start and end at word edges, so it always covers whole
 * tokens, where a token is a maximal run of word units (letters, marks, digits; text-fold.ts) or a
 * single non-word unit (a whitespace run, a punctuation mark, an emoji). Comparing the tokens' folded
 * keys is comparing the units' keys, and comparing their exact texts is comparing the units' exact
 * texts (a unit's text is its base character and the Latin marks after it, so joined texts split
 * back into units in only one way).
 *
 * - A token dictionary (folded key → token id) over the tokens that occur in aliases, as one
 *   open-addressing hash table over typed arrays: looking up a token of the text allocates nothing.
 * - A trie over token-id sequences, numbered breadth-first, so the children of a node are the
 *   consecutive nodes childStart[n] … childStart[n+1]-1, sorted by token (binary search). The tokens
 *   that begin an alias have ids 0 … firstTokens-1, so the root's child on token t is node t+1.
 * - Per node, the patterns (aliases) ending there in the order they are tried: case-sensitive first,
 *   then input order. Case-sensitive ones keep their exact text per token.
 * - find(): tokenize the text, look every token up, and at every token that may start a match (not
 *   right after a word token) walk the trie as far as the text goes, keeping the deepest node whose
 *   first active, case-matching pattern also ends at a word edge. Take it, continue after it.
 *
 * The reader's switches apply at run time, as in term-matcher.ts: term indexes are the input terms'
 * positions, so a term's switches cover exactly its own aliases.
 */
import type { AliasClaims } from './alias-claims';
import { BLOCKED_TERM_ID, type MatcherOptions } from './term-automaton-build';
import type { TermMatch, TermMatcher } from './term-matcher';
import { SOFT_HYPHEN, SPACE_SYMBOL } from './text-fold';
import { TextTokens, TOKEN_SPACE, TOKEN_WORD, tokenize } from './text-tokens';

/** Hash of a token key (FNV-1a over UTF-16 units, then mixed); part of the binary format. */
export function keyHash(keys: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let p = from; p < to; p++) h = Math.imul(h ^ keys[p]!, 0x01000193);
  return (h ^ (h >>> 15)) | 0;
}

/** Folded token key → token id. */
export interface TokenDictionary {
  /** Key of token t: keys[keyStart[t] … keyStart[t+1]). */
  keys: Uint16Array;
  keyStart: Int32Array;
  /** Open addressing, linear probing, power-of-two size: token id + 1, or 0 for an empty slot. */
  table: Int32Array;
  /** Tokens 0 … firstTokens-1 begin at least one alias; the root's child on token t is node t+1. */
  firstTokens: number;
  /** Longest key, in UTF-16 units: longer tokens of the text need no look-up. */
  maxKeyLength: number;
}

/** The token id of keys[from … to), or -1 when no alias has that token. */
export function findToken(d: TokenDictionary, keys: Uint16Array, from: number, to: number): number {
  const length = to - from;
  if (length > d.maxKeyLength) return -1;
  const { table, keyStart } = d;
  const dictKeys = d.keys;
  const mask = table.length - 1;
  let slot = keyHash(keys, from, to) & mask;
  for (;;) {
    const entry = table[slot]!;
    if (entry === 0) return -1;
    const id = entry - 1;
    const at = keyStart[id]!;
    if (keyStart[id + 1]! - at === length) {
      let p = 0;
      while (p < length && dictKeys[at + p] === keys[from + p]) p++;
      if (p === length) return id;
    }
    slot = (slot + 1) & mask;
  }
}

/** The trie over token-id sequences, breadth-first, root 0. */
export interface TokenTrie {
  /** Children of node n: nodes childStart[n] … childStart[n+1]-1, in token order. Length: nodes + 1. */
  childStart: Int32Array;
  /** Token of the edge into each node (root: -1). */
  nodeToken: Int32Array;
  /** Patterns ending at node n: patternStart[n] … patternStart[n+1]-1, in the order they are tried. */
  patternStart: Int32Array;
  /** Per pattern: its term index (into TokenGlossary.termIds). */
  patternTerm: Int32Array;
  /** Per pattern: -1, or for a case-sensitive one the index in exactStart of its first token's text. */
  patternExact: Int32Array;
  /**
   * Exact text of token k of such a pattern (k below its node's depth): exactChars[exactStart[e+k] …
   * exactStart[e+k+1]). Case-sensitive patterns' tokens follow one another; the last entry is the end.
   */
  exactStart: Int32Array;
  exactChars: Uint16Array;
}

/**
 * Strings kept as one joined string and offsets: hundreds of thousands of term ids as separate
 * strings cost ~0.5 s to parse from JSON and several times their size in heap.
 */
export class StringList {
  constructor(
    /** The strings one after the other. */
    readonly joined: string,
    /** String k is joined.slice(start[k], start[k + 1]). */
    readonly start: Int32Array,
  ) {}

  static of(strings: readonly string[]): StringList {
    const start = new Int32Array(strings.length + 1);
    for (let k = 0; k < strings.length; k++) start[k + 1] = start[k]! + strings[k]!.length;
    return new StringList(strings.join(''), start);
  }

  get length(): number {
    return this.start.length - 1;
  }

  at(index: number): string {
    return this.joined.slice(this.start[index], this.start[index + 1]);
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }

  /** Open addressing over the strings' indexes (index + 1; 0 is empty), built on first use. */
  private table: Int32Array | undefined;

  /** Every index whose string is `value`, in order. */
  indexesOf(value: string): number[] {
    const table = (this.table ??= this.buildTable());
    const mask = table.length - 1;
    const found: number[] = [];
    for (let slot = stringHash(value, 0, value.length) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const index = table[slot]! - 1;
      const from = this.start[index]!;
      if (this.start[index + 1]! - from === value.length && this.joined.startsWith(value, from)) found.push(index);
    }
    return found.sort((x, y) => x - y);
  }

  private buildTable(): Int32Array {
    let size = 2;
    while (size < this.length * 1.5) size *= 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < this.length; k++) {
      let slot = stringHash(this.joined, this.start[k]!, this.start[k + 1]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    return table;
  }
}

function stringHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) | 0;
}

export interface TokenGlossary {
  /** The glossary version it was compiled from. */
  version: string;
  /**
   * Per term index, the term's id: index k < terms.length is the k-th input term, and the last
   * index is BLOCKED_TERM_ID ("not this" phrases).
   */
  termIds: StringList;
  /** Per term index: 1 when it is highlighted unless the reader says otherwise ("not this": always 1). */
  highlightByDefault: Uint8Array;
  /** Folded surface form → the ids of the terms that claim it, only where more than one does (ambiguous). */
  ambiguous: AliasClaims;
  tokens: TokenDictionary;
  trie: TokenTrie;
}

/** Runs a TokenGlossary over text; holds only scratch space of its own, reused across find() calls. */
class TokenTrieMatcher implements TermMatcher {
  private readonly text = new TextTokens();
  private ids = new Int32Array(64);
  /** The id of the whitespace token, which every whitespace run of the text is (-1 when no alias has one). */
  private readonly spaceId: number;

  /** @param active per term index, 1 when the reader's switches let it match. */
  constructor(
    private readonly glossary: TokenGlossary,
    private readonly active: Uint8Array,
  ) {
    this.spaceId = findToken(glossary.tokens, Uint16Array.of(SPACE_SYMBOL), 0, 1);
  }

  find(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const g = this.glossary;
    const { firstTokens } = g.tokens;
    if (firstTokens === 0) return matches;
    const { childStart, nodeToken, patternStart } = g.trie;
    const tokens = this.text;
    tokenize(text, tokens);
    const { count, start, kind, keyStart, keys } = tokens;
    if (this.ids.length < count) this.ids = new Int32Array(tokens.start.length);
    const ids = this.ids;
    const spaceId = this.spaceId;
    for (let t = 0; t < count; t++) {
      ids[t] = kind[t] === TOKEN_SPACE ? spaceId : findToken(g.tokens, keys, keyStart[t]!, keyStart[t + 1]!);
    }

    let t = 0;
    while (t < count) {
      const first = ids[t]!;
      // A match starts at a token the dictionary knows as a first token, not right after a word.
      if (first < 0 || first >= firstTokens || (t > 0 && kind[t - 1] === TOKEN_WORD)) {
        t++;
        continue;
      }
      let node = first + 1;
      let j = t;
      let bestEnd = -1;
      let bestTerm = -1;
      for (;;) {
        // Patterns end here if the next token is not a word token (the end edge).
        if (patternStart[node]! < patternStart[node + 1]! && (j + 1 >= count || kind[j + 1] !== TOKEN_WORD)) {
          const term = this.firstFitting(text, node, t, j - t + 1);
          if (term >= 0) {
            bestEnd = j;
            bestTerm = term;
          }
        }
        if (++j >= count) break;
        const token = ids[j]!;
        if (token < 0) break;
        // Children are sorted by token: binary search.
        let lo = childStart[node]!;
        let hi = childStart[node + 1]! - 1;
        node = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const at = nodeToken[mid]!;
          if (at < token) lo = mid + 1;
          else if (at > token) hi = mid - 1;
          else {
            node = mid;
            break;
          }
        }
        if (node < 0) break;
      }
      if (bestEnd < 0) {
        t++;
        continue;
      }
      // A "not this" phrase takes its tokens and shows nothing.
      const termId = g.termIds.at(bestTerm);
      if (termId !== BLOCKED_TERM_ID) matches.push({ start: start[t]!, end: start[bestEnd + 1]!, termId });
      t = bestEnd + 1;
    }
    return matches;
  }

  /** The term of the first pattern at `node` that is active and, if case-sensitive, holds; or -1. */
  private firstFitting(text: string, node: number, firstToken: number, tokenCount: number): number {
    const { patternStart, patternTerm, patternExact } = this.glossary.trie;
    const to = patternStart[node + 1]!;
    for (let p = patternStart[node]!; p < to; p++) {
      const term = patternTerm[p]!;
      if (this.active[term] === 0) continue;
      const exact = patternExact[p]!;
      if (exact < 0 || this.exactlyEqual(text, exact, firstToken, tokenCount)) return term;
    }
    return -1;
  }

  /** Whether the text's tokens from `firstToken` on have the pattern's exact texts (whitespace aside). */
  private exactlyEqual(text: string, exact: number, firstToken: number, tokenCount: number): boolean {
    const { exactStart, exactChars } = this.glossary.trie;
    const { start, kind } = this.text;
    for (let k = 0; k < tokenCount; k++) {
      const t = firstToken + k;
      if (kind[t] === TOKEN_SPACE) continue; // any whitespace run matches
      const from = start[t]!;
      const to = start[t + 1]!;
      let e = exactStart[exact + k]!;
      const end = exactStart[exact + k + 1]!;
      // The first unit as it is, then the rest without soft hyphens (see tokenExact).
      if (e >= end || exactChars[e] !== text.charCodeAt(from)) return false;
      e++;
      for (let p = from + 1; p < to; p++) {
        const code = text.charCodeAt(p);
        if (code === SOFT_HYPHEN) continue;
        if (e >= end || exactChars[e] !== code) return false;
        e++;
      }
      if (e !== end) return false;
    }
    return true;
  }
}

/**
 * A matcher over a token glossary with the reader's switches applied: terms in `disabledIds` never
 * match, terms not highlighted by default match only when in `enabledIds`. Costs a look-up per
 * switched id (and, the first time, a table of the ids), never a compile.
 */
export function tokenMatcherFor(glossary: TokenGlossary, options: MatcherOptions = {}): TermMatcher {
  const { termIds, highlightByDefault } = glossary;
  const active = highlightByDefault.slice();
  const blocked = termIds.length - 1; // "not this" phrases block whatever the switches
  // Only the switched terms are looked up: slicing every id out of hundreds of thousands costs more.
  for (const id of options.enabledIds ?? []) for (const k of termIds.indexesOf(id)) if (k !== blocked) active[k] = 1;
  for (const id of options.disabledIds ?? []) for (const k of termIds.indexesOf(id)) if (k !== blocked) active[k] = 0;
  return new TokenTrieMatcher(glossary, active);
}

// ---------------------------------------------------------------------------------------------
// Binary form: typed arrays laid out in one buffer (read back as views, no copy), then JSON for the
// strings. The background keeps these bytes in IndexedDB and reads them back after a restart.
