/**
 * Compiles glossary terms into the TokenGlossary that token-matcher.ts runs: every alias of every
 * term, whatever the reader's switches (they apply at match time), cut into tokens by the same
 * tokenizer the text goes through.
 *
 * Built in a few linear passes over typed arrays, allocating little (the background compiles
 * hundreds of thousands of forms, and a busy machine pays most for allocation): tokens are interned
 * in a growing hash table, the trie is built level by level already numbered breadth-first.
 */
import { BLOCKED_TERM_ID, type MatchTerm } from './term-automaton-build';
import { TOKEN_SPACE, TextTokens, tokenExact, tokenize } from './text-tokens';
import { ambiguousClaims } from './token-ambiguous';
import { IntList, hashTable } from './token-tables';
import { StringList, keyHash, type TokenDictionary, type TokenGlossary, type TokenTrie } from './token-matcher';

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
    for (let p = 0; p < length; p++) this.keys[this.keyEnd + p] = keys[from + p]!;
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
      const from = oldStart[t]!;
      const to = keyStart[id]!;
      for (let p = 0; p < length; p++) keys[to + p] = this.keys[from + p]!;
      keyStart[id + 1] = keyStart[id]! + length;
      hashes[id] = this.hashes.data[t]!;
      if (length > maxKeyLength) maxKeyLength = length;
    }
    let size = 2;
    while (size < count * 2) size *= 2;
    return { keys, keyStart, table: hashTable(hashes, count, size), firstTokens, maxKeyLength };
  }
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
  /** Per alias of a term (not "not this" phrases), in input order: its alias index, or -1 when it is blank. */
  claims: Int32Array;
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
  const claims = new IntList();
  let exactLength = 0;
  start.push(0);
  function addAlias(termIndex: number, text: string, caseSensitive: boolean): void {
    tokenize(text, scratch);
    let from = 0;
    let to = scratch.count;
    while (from < to && scratch.kind[from] === TOKEN_SPACE) from++;
    while (to > from && scratch.kind[to - 1] === TOKEN_SPACE) to--;
    if (termIndex !== blocked) claims.push(from === to ? -1 : term.length);
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
  }

  for (let k = 0; k < terms.length; k++) {
    for (const alias of terms[k]!.aliases) addAlias(k, alias.text, alias.caseSensitive);
  }
  for (const t of terms) for (const phrase of t.notThis ?? []) addAlias(blocked, phrase, false);
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
    claims: claims.toArray(),
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

/**
 * Builds the trie level by level, already numbered breadth-first: the aliases still going deeper are
 * kept in the order of the node they have reached, and at each level every group of aliases at one
 * node is sorted by its next token, which gives that node's children in token order. No alias is
 * compared with another; the groups are small but for the most common words.
 */
function buildTrie(aliases: Aliases, firstTokens: number): { trie: TokenTrie; terminal: Int32Array } {
  const { start, tokens, count } = aliases;
  const capacity = tokens.length + 1; // at most one node per alias token, and the root
  const childStart = new Int32Array(capacity + 1);
  const nodeToken = new Int32Array(capacity);
  const terminal = new Int32Array(count);
  const reached = new Int32Array(count);

  // Depth 1: the root's child on first token t is node t + 1. Order the aliases by it (counting sort).
  nodeToken[0] = -1;
  for (let t = 0; t < firstTokens; t++) nodeToken[t + 1] = t;
  childStart[0] = 1;
  let nodeCount = firstTokens + 1;
  const bucket = new Int32Array(firstTokens + 1);
  for (let a = 0; a < count; a++) bucket[tokens[start[a]!]! + 1]!++;
  for (let t = 0; t < firstTokens; t++) bucket[t + 1]! += bucket[t]!;
  let active = new Int32Array(count);
  let next = new Int32Array(count);
  for (let a = 0; a < count; a++) next[bucket[tokens[start[a]!]!]!++] = a;
  let activeCount = 0;
  for (let k = 0; k < count; k++) {
    const a = next[k]!;
    reached[a] = tokens[start[a]!]! + 1;
    if (start[a + 1]! - start[a]! === 1) terminal[a] = reached[a]!;
    else active[activeCount++] = a;
  }

  const sorter = new GroupSorter();
  const tokenAt = new Int32Array(count); // per alias, its token at the depth being built
  let levelStart = 1;
  let levelEnd = nodeCount;
  for (let depth = 1; levelStart < levelEnd; depth++) {
    let node = levelStart; // the next node of this level whose children are not placed yet
    let nextCount = 0;
    for (let k = 0; k < activeCount; k++) tokenAt[active[k]!] = tokens[start[active[k]!]! + depth]!;
    for (let i = 0; i < activeCount;) {
      const parent = reached[active[i]!]!;
      let j = i + 1;
      while (j < activeCount && reached[active[j]!] === parent) j++;
      while (node <= parent) childStart[node++] = nodeCount; // nodes without children, then this one
      if (j - i > 1) sorter.sort(active, i, j, tokenAt);
      let previous = -1;
      for (let k = i; k < j; k++) {
        const a = active[k]!;
        const token = tokenAt[a]!;
        if (token !== previous) {
          nodeToken[nodeCount++] = token;
          previous = token;
        }
        reached[a] = nodeCount - 1;
        if (start[a + 1]! - start[a]! === depth + 1) terminal[a] = nodeCount - 1;
        else next[nextCount++] = a;
      }
      i = j;
    }
    while (node < levelEnd) childStart[node++] = nodeCount;
    [active, next] = [next, active];
    activeCount = nextCount;
    levelStart = levelEnd;
    levelEnd = nodeCount;
  }
  childStart[nodeCount] = nodeCount;

  // Patterns per node: case-sensitive ones first, then the others, each in alias order.
  const patternStart = new Int32Array(nodeCount + 1);
  for (let a = 0; a < count; a++) patternStart[terminal[a]! + 1]!++;
  for (let s = 0; s < nodeCount; s++) patternStart[s + 1]! += patternStart[s]!;
  const patternTerm = new Int32Array(count);
  const patternExact = new Int32Array(count);
  const placed = new Int32Array(nodeCount);
  for (const caseSensitive of [true, false]) {
    for (let a = 0; a < count; a++) {
      if (aliases.exact[a]! >= 0 !== caseSensitive) continue;
      const node = terminal[a]!;
      const p = patternStart[node]! + placed[node]!++;
      patternTerm[p] = aliases.term[a]!;
      patternExact[p] = aliases.exact[a]!;
    }
  }
  const trie = {
    childStart: childStart.slice(0, nodeCount + 1),
    nodeToken: nodeToken.slice(0, nodeCount),
    patternStart,
    patternTerm,
    patternExact,
    exactStart: aliases.exactStart,
    exactChars: aliases.exactChars,
  };
  return { trie, terminal };
}

/** Sorts runs of an int array by a key per element; small runs by insertion, big ones as packed numbers. */
class GroupSorter {
  private packed = new Float64Array(1024);
  private copy = new Int32Array(1024);

  /** Sorts items[from … to) by keyOf[item]. */
  sort(items: Int32Array, from: number, to: number, keyOf: Int32Array): void {
    const n = to - from;
    if (n <= 16) {
      for (let k = from + 1; k < to; k++) {
        const item = items[k]!;
        const key = keyOf[item]!;
        let p = k - 1;
        while (p >= from && keyOf[items[p]!]! > key) {
          items[p + 1] = items[p]!;
          p--;
        }
        items[p + 1] = item;
      }
      return;
    }
    if (n >= 4194304) {
      // Too many to pack with their positions (millions of aliases after one prefix): plain sort.
      const sorted = Array.from(items.subarray(from, to)).sort((x, y) => keyOf[x]! - keyOf[y]!);
      items.set(sorted, from);
      return;
    }
    if (this.packed.length < n) {
      this.packed = new Float64Array(n * 2);
      this.copy = new Int32Array(n * 2);
    }
    // key · 2^22 + position: exact in a double for keys below 2^31 and runs below 2^22.
    const packed = this.packed.subarray(0, n);
    for (let k = 0; k < n; k++) {
      this.copy[k] = items[from + k]!;
      packed[k] = keyOf[items[from + k]!]! * 4194304 + k;
    }
    packed.sort();
    for (let k = 0; k < n; k++) items[from + k] = this.copy[packed[k]! % 4194304]!;
  }
}

/** Compiles every alias of every term; the reader's switches are applied when matching (tokenMatcherFor). */
export function compileTokenGlossary(version: string, terms: readonly MatchTerm[]): TokenGlossary {
  const blocked = terms.length;
  const dictionary = new DictionaryBuilder();
  const aliases = readAliases(terms, blocked, dictionary);
  const { newId, firstTokens } = firstTokensFirst(aliases, dictionary.count);
  const tokens = dictionary.finish(newId, firstTokens);
  const { trie, terminal } = buildTrie(aliases, firstTokens);
  const ids = new Array<string>(terms.length + 1);
  const highlightByDefault = new Uint8Array(terms.length + 1);
  for (let k = 0; k < terms.length; k++) {
    ids[k] = terms[k]!.id;
    highlightByDefault[k] = terms[k]!.highlight ? 1 : 0;
  }
  ids[blocked] = BLOCKED_TERM_ID;
  highlightByDefault[blocked] = 1;
  const termIds = StringList.of(ids);
  const ambiguous = ambiguousClaims(terms, aliases.claims, terminal, trie.nodeToken.length);
  return { version, termIds, highlightByDefault, ambiguous, tokens, trie };
}
