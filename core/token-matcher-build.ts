/**
 * Compiles glossary terms into the TokenGlossary that token-matcher.ts runs: every alias of every
 * term, whatever the reader's switches (they apply at match time), cut into tokens by the same
 * tokenizer the text goes through.
 *
 * Built in a few linear passes over typed arrays, plus one sort of the aliases' token sequences:
 * tokens are interned in a growing hash table, the trie is built from the sorted sequences (each
 * only extends the previous one's path) and then numbered breadth-first.
 */
import { claimsOf } from './alias-claims';
import { BLOCKED_TERM_ID, type MatchTerm } from './term-automaton-build';
import {
  TOKEN_SPACE,
  TextTokens,
  keyHash,
  tokenExact,
  tokenize,
  type TokenDictionary,
  type TokenGlossary,
  type TokenTrie,
} from './token-matcher';
import { stringOfUnits } from './text-fold';

/** A list of int32 that grows by doubling. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Interns token keys: key → id in order of first sight, in a hash table that grows as it fills. */
class DictionaryBuilder {
  private keys: Uint16Array = new Uint16Array(1 << 16);
  private keyEnd = 0;
  readonly keyStart = new IntList();
  readonly hashes = new IntList();
  private table: Int32Array = new Int32Array(1 << 12);
  count = 0;

  constructor() {
    this.keyStart.push(0);
  }

  intern(keys: Uint16Array, from: number, to: number): number {
    const hash = keyHash(keys, from, to);
    const length = to - from;
    const mask = this.table.length - 1;
    let slot = hash & mask;
    const starts = this.keyStart.data;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      const at = starts[id]!;
      if (starts[id + 1]! - at === length) {
        let p = 0;
        while (p < length && this.keys[at + p] === keys[from + p]) p++;
        if (p === length) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (this.keyEnd + length > this.keys.length) {
      const grown = new Uint16Array(Math.max(this.keys.length * 2, this.keyEnd + length));
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys.set(keys.subarray(from, to), this.keyEnd);
    this.keyEnd += length;
    this.keyStart.push(this.keyEnd);
    this.hashes.push(hash);
    this.table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.table = hashTable(this.hashes.data, this.count, this.table.length * 2);
    return id;
  }

  /** The final dictionary with token `t` renumbered `newId[t]`. */
  finish(newId: Int32Array, firstTokens: number): TokenDictionary {
    const count = this.count;
    const oldStart = this.keyStart.data;
    const lengthOf = (t: number) => oldStart[t + 1]! - oldStart[t]!;
    const byNew = new Int32Array(count);
    for (let t = 0; t < count; t++) byNew[newId[t]!] = t;
    const keyStart = new Int32Array(count + 1);
    const keys = new Uint16Array(this.keyEnd);
    const hashes = new Int32Array(count);
    let maxKeyLength = 0;
    for (let id = 0; id < count; id++) {
      const t = byNew[id]!;
      const length = lengthOf(t);
      keys.set(this.keys.subarray(oldStart[t], oldStart[t]! + length), keyStart[id]);
      keyStart[id + 1] = keyStart[id]! + length;
      hashes[id] = this.hashes.data[t]!;
      if (length > maxKeyLength) maxKeyLength = length;
    }
    let size = 2;
    while (size < count * 2) size *= 2;
    return { keys, keyStart, table: hashTable(hashes, count, size), firstTokens, maxKeyLength };
  }
}

/** An open-addressing table of ids 0 … count-1 (stored as id + 1) placed by their hashes. */
function hashTable(hashes: Int32Array, count: number, size: number): Int32Array {
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < count; id++) {
    let slot = hashes[id]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }
  return table;
}

/** The aliases as token-id sequences, in priority order (activeAliases order, every term taking part). */
interface Aliases {
  count: number;
  /** Tokens of alias a: tokens[start[a] … start[a+1]). */
  start: Int32Array;
  tokens: Int32Array;
  term: Int32Array;
  /** -1, or the index of its first token's exact text (case-sensitive aliases). */
  exact: Int32Array;
  exactStart: Int32Array;
  exactChars: Uint16Array;
}

/**
 * Reads every alias like activeAliases (term-automaton-build.ts) with all terms switched on: terms in
 * input order, aliases in their order, then every term's "not this" phrases; whitespace at the ends
 * dropped, empty aliases skipped. Term index k is the k-th term, `blocked` the "not this" index.
 */
function readAliases(terms: readonly MatchTerm[], blocked: number, dictionary: DictionaryBuilder): Aliases {
  const scratch = new TextTokens();
  const start = new IntList();
  const tokens = new IntList(1 << 16);
  const term = new IntList();
  const exact = new IntList();
  const exactStart = new IntList();
  const exactParts: string[] = [];
  let exactLength = 0;
  start.push(0);
  const add = (termIndex: number, text: string, caseSensitive: boolean) => {
    tokenize(text, scratch);
    let from = 0;
    let to = scratch.count;
    while (from < to && scratch.kind[from] === TOKEN_SPACE) from++;
    while (to > from && scratch.kind[to - 1] === TOKEN_SPACE) to--;
    if (from === to) return;
    const { keys, keyStart } = scratch;
    for (let t = from; t < to; t++) tokens.push(dictionary.intern(keys, keyStart[t]!, keyStart[t + 1]!));
    start.push(tokens.length);
    term.push(termIndex);
    if (!caseSensitive) {
      exact.push(-1);
      return;
    }
    exact.push(exactStart.length);
    for (let t = from; t < to; t++) {
      const part = tokenExact(text, scratch.start[t]!, scratch.start[t + 1]!);
      exactStart.push(exactLength);
      exactParts.push(part);
      exactLength += part.length;
    }
  };
  terms.forEach((t, k) => {
    for (const alias of t.aliases) add(k, alias.text, alias.caseSensitive);
  });
  for (const t of terms) for (const phrase of t.notThis ?? []) add(blocked, phrase, false);
  exactStart.push(exactLength);
  const chars = exactParts.join('');
  const exactChars = new Uint16Array(chars.length);
  for (let i = 0; i < chars.length; i++) exactChars[i] = chars.charCodeAt(i);
  return {
    count: term.length,
    start: start.toArray(),
    tokens: tokens.toArray(),
    term: term.toArray(),
    exact: exact.toArray(),
    exactStart: exactStart.toArray(),
    exactChars,
  };
}

/**
 * Renumbers tokens so that those that begin an alias come first (0 … firstTokens-1): the root's
 * children are then exactly nodes 1 … firstTokens, found without a search.
 */
function firstTokensFirst(aliases: Aliases, tokenCount: number): { newId: Int32Array; firstTokens: number } {
  const isFirst = new Uint8Array(tokenCount);
  for (let a = 0; a < aliases.count; a++) isFirst[aliases.tokens[aliases.start[a]!]!] = 1;
  const newId = new Int32Array(tokenCount);
  let next = 0;
  for (let t = 0; t < tokenCount; t++) if (isFirst[t]) newId[t] = next++;
  const firstTokens = next;
  for (let t = 0; t < tokenCount; t++) if (!isFirst[t]) newId[t] = next++;
  const { tokens } = aliases;
  for (let k = 0; k < tokens.length; k++) tokens[k] = newId[tokens[k]!]!;
  return { newId, firstTokens };
}

/** Alias indexes sorted by their token sequences (a prefix before its extensions), ties in alias order. */
function sortedAliases(aliases: Aliases): Int32Array {
  const { start, tokens } = aliases;
  // One string per alias, two UTF-16 units per token id, then the alias index: a comparator-free
  // sort of strings is several times faster than sorting indexes with a comparator.
  const keys = new Array<string>(aliases.count);
  const codes: number[] = [];
  for (let a = 0; a < aliases.count; a++) {
    codes.length = 0;
    for (let k = start[a]!; k < start[a + 1]!; k++) {
      const token = tokens[k]!;
      codes.push(token >>> 16, token & 0xffff);
    }
    codes.push(a >>> 16, a & 0xffff);
    keys[a] = stringOfUnits(codes);
  }
  keys.sort();
  return Int32Array.from(keys, (key) => (key.charCodeAt(key.length - 2) << 16) | key.charCodeAt(key.length - 1));
}

/** Builds the trie over the aliases' token sequences and places each alias at its last node. */
function buildTrie(aliases: Aliases): TokenTrie {
  const { start, tokens } = aliases;
  const order = sortedAliases(aliases);

  // 1. A trie in preorder: every sequence extends the path of the one sorted before it. Keys that
  // share a prefix are adjacent in sorted order, so a node left behind is never needed again.
  const capacity = tokens.length + 1;
  const parent = new Int32Array(capacity);
  const token = new Int32Array(capacity).fill(-1);
  const childCount = new Int32Array(capacity);
  const terminal = new Int32Array(aliases.count);
  const path = new IntList();
  path.push(0);
  let count = 1;
  let previous = -1;
  for (const a of order) {
    const from = start[a]!;
    const length = start[a + 1]! - from;
    let common = 0;
    if (previous >= 0) {
      const prevFrom = start[previous]!;
      const limit = Math.min(length, start[previous + 1]! - prevFrom);
      while (common < limit && tokens[prevFrom + common] === tokens[from + common]) common++;
    }
    let node = path.data[common]!;
    for (let d = common; d < length; d++) {
      const next = count++;
      parent[next] = node;
      token[next] = tokens[from + d]!;
      childCount[node]!++;
      path.length = d + 1;
      path.push(next);
      node = next;
    }
    path.length = length + 1;
    terminal[a] = node;
    previous = a;
  }

  // 2. Children lists in preorder numbering; nodes were created in sorted order, so siblings come
  // in token order.
  const firstChild = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) firstChild[s + 1] = firstChild[s]! + childCount[s]!;
  const children = new Int32Array(Math.max(0, count - 1));
  const filled = new Int32Array(count);
  for (let t = 1; t < count; t++) {
    const p = parent[t]!;
    children[firstChild[p]! + filled[p]!++] = t;
  }

  // 3. Breadth-first numbering: the children of every node are then consecutive numbers.
  const queue = new Int32Array(count);
  const newId = new Int32Array(count);
  const childStart = new Int32Array(count + 1);
  let tail = 1;
  for (let head = 0; head < count; head++) {
    const s = queue[head]!;
    newId[s] = head;
    childStart[head] = tail;
    for (let k = firstChild[s]!; k < firstChild[s + 1]!; k++) queue[tail++] = children[k]!;
  }
  childStart[count] = count;
  const nodeToken = new Int32Array(count);
  for (let q = 0; q < count; q++) nodeToken[q] = token[queue[q]!]!;

  // 4. Patterns per node: case-sensitive ones first, then the others, each in alias order.
  const patternStart = new Int32Array(count + 1);
  for (let a = 0; a < aliases.count; a++) patternStart[newId[terminal[a]!]! + 1]!++;
  for (let s = 0; s < count; s++) patternStart[s + 1]! += patternStart[s]!;
  const patternTerm = new Int32Array(aliases.count);
  const patternExact = new Int32Array(aliases.count);
  const placed = new Int32Array(count);
  for (const caseSensitive of [true, false]) {
    for (let a = 0; a < aliases.count; a++) {
      if (aliases.exact[a]! >= 0 !== caseSensitive) continue;
      const node = newId[terminal[a]!]!;
      const p = patternStart[node]! + placed[node]!++;
      patternTerm[p] = aliases.term[a]!;
      patternExact[p] = aliases.exact[a]!;
    }
  }
  return {
    childStart,
    nodeToken,
    patternStart,
    patternTerm,
    patternExact,
    exactStart: aliases.exactStart,
    exactChars: aliases.exactChars,
  };
}

/** Compiles every alias of every term; the reader's switches are applied when matching (tokenMatcherFor). */
export function compileTokenGlossary(version: string, terms: readonly MatchTerm[]): TokenGlossary {
  const blocked = terms.length;
  const dictionary = new DictionaryBuilder();
  const aliases = readAliases(terms, blocked, dictionary);
  const { newId, firstTokens } = firstTokensFirst(aliases, dictionary.count);
  const tokens = dictionary.finish(newId, firstTokens);
  const trie = buildTrie(aliases);
  const termIds = terms.map((t) => t.id);
  termIds.push(BLOCKED_TERM_ID);
  const highlightByDefault = new Uint8Array(terms.length + 1);
  terms.forEach((t, k) => (highlightByDefault[k] = t.highlight ? 1 : 0));
  highlightByDefault[blocked] = 1;
  const ambiguous = new Map([...claimsOf(terms)].filter(([, ids]) => ids.length > 1));
  return { version, termIds, highlightByDefault, ambiguous, tokens, trie };
}
