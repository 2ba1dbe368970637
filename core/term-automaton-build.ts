/**
 * Compiles segmented aliases into the TermAutomaton (term-automaton.ts) that term-matcher.ts runs.
 * Every pattern begins with the reserved BOUNDARY symbol and has one inside wherever its own text
 * has a non-word unit, as the runner feeds them from text. The trie is built from the patterns'
 * symbol strings in sorted order, then renumbered for locality (see buildTermAutomaton).
 */
import {
  CHECK_CASE,
  DENSE_ROW,
  EDGE_LIST,
  NO_EDGE,
  NO_STATE,
  ROOT,
  STATE_FAIL,
  STATE_FIELDS,
  STATE_KIND,
  STATE_NEXT,
  STATE_OUTPUT,
  transition,
  type CompiledPattern,
  type TermAutomaton,
} from './term-automaton';
import { BOUNDARY_SYMBOL, segmentAlias, stringOfUnits, type MatchUnit } from './text-fold';

/** A glossary term as the matcher takes it: its id, whether it is highlighted by default, its surface forms. */
export interface MatchAlias {
  text: string;
  caseSensitive: boolean;
}
export interface MatchTerm {
  id: string;
  highlight: boolean;
  aliases: MatchAlias[];
  /**
   * Longer phrases that contain one of the aliases but name something else ("Comité van Ministers
   * van de Raad van Europa"): matched like case-insensitive aliases, leftmost-longest, and where one
   * wins nothing is highlighted. They block whatever the reader's switches are.
   */
  notThis?: readonly string[];
}
/** The term id of "not this" phrases: a match of it covers its text and shows nothing. Never an entry's id. */
export const BLOCKED_TERM_ID = '';
export interface MatcherOptions {
  /** Terms with highlight:false that the user switched on. */
  enabledIds?: ReadonlySet<string>;
  /** Terms the user marked "I know this term": never matched. */
  disabledIds?: ReadonlySet<string>;
}
/**
 * The aliases that take part in matching, in priority order: terms in input order, aliases in
 * their order, then every term's "not this" phrases (as BLOCKED_TERM_ID, whatever the switches).
 * Skips disabled terms, terms with highlight:false that are not enabled, and aliases that are empty
 * after trimming whitespace.
 */
export function activeAliases(terms: readonly MatchTerm[], options: MatcherOptions = {}): CompiledAlias[] {
  const result: CompiledAlias[] = [];
  const add = (termId: string, text: string, caseSensitive: boolean) => {
    const units = segmentAlias(text);
    if (units.length > 0) result.push({ termId, caseSensitive, units });
  };
  for (const term of terms) {
    if (options.disabledIds?.has(term.id)) continue;
    if (!term.highlight && !options.enabledIds?.has(term.id)) continue;
    for (const alias of term.aliases) add(term.id, alias.text, alias.caseSensitive);
  }
  for (const term of terms) for (const phrase of term.notThis ?? []) add(BLOCKED_TERM_ID, phrase, false);
  return result;
}

/** One alias of an active term, segmented; shared with the reference matcher. */
export interface CompiledAlias {
  termId: string;
  caseSensitive: boolean;
  units: MatchUnit[];
}

// States with more edges than this get a dense row over the alphabet instead of a list.
const LIST_MAX = 6;
// States this deep (in symbols, BOUNDARY included) or less are numbered breadth-first.
const SHALLOW_DEPTH = 4;

/** The symbols fed for an alias (with BOUNDARY where the text would get one) and, per symbol, the units so far. */
function aliasSymbols(alias: CompiledAlias): { symbols: string; unitsSoFar: number[] } {
  const codes: number[] = [];
  const unitsSoFar: number[] = [];
  alias.units.forEach((unit, k) => {
    // BOUNDARY before the first unit and after every non-word unit, as fed from the text.
    if (k === 0 || !alias.units[k - 1]?.word) {
      codes.push(BOUNDARY_SYMBOL);
      unitsSoFar.push(k);
    }
    for (let j = 0; j < unit.key.length; j++) {
      codes.push(unit.key.charCodeAt(j));
      unitsSoFar.push(k + 1);
    }
  });
  // One flat string (not a chain of concatenations): sorting compares these many times.
  return { symbols: stringOfUnits(codes), unitsSoFar };
}

interface Trie {
  count: number;
  parent: Int32Array;
  symbol: Int32Array;
  unitDepth: Int32Array;
  /** Children of s: children[childStart[s] .. childStart[s+1]), in symbol order. */
  childStart: Int32Array;
  children: Int32Array;
  /** Terminal state of each alias. */
  terminalOf: Int32Array;
  maxUnits: number;
}

function buildTrie(aliases: readonly CompiledAlias[]): Trie {
  const keyed = aliases.map((alias, index) => ({ index, ...aliasSymbols(alias) }));
  // Inserting keys in sorted order only ever extends the path of the previous key. Equal keys
  // are grouped first: a comparator-free sort of strings is several times faster.
  const byKey = new Map<string, typeof keyed>();
  for (const k of keyed) {
    const group = byKey.get(k.symbols);
    if (group) group.push(k);
    else byKey.set(k.symbols, [k]);
  }
  const capacity = 1 + keyed.reduce((n, k) => n + k.symbols.length, 0);
  const parent = new Int32Array(capacity);
  const symbol = new Int32Array(capacity);
  const unitDepth = new Int32Array(capacity);
  const childCount = new Int32Array(capacity + 1);
  const terminalOf = new Int32Array(aliases.length);
  const path: number[] = [ROOT];
  let count = 1;
  let previous = '';
  let maxUnits = 0;
  for (const key of [...byKey.keys()].sort()) {
    let common = 0;
    const limit = Math.min(previous.length, key.length);
    while (common < limit && previous.charCodeAt(common) === key.charCodeAt(common)) common++;
    const group = byKey.get(key) ?? [];
    const unitsSoFar = group[0]?.unitsSoFar ?? [];
    let state = path[common] ?? ROOT;
    for (let d = common; d < key.length; d++) {
      const next = count++;
      parent[next] = state;
      symbol[next] = key.charCodeAt(d);
      unitDepth[next] = unitsSoFar[d] ?? 0;
      childCount[state] = (childCount[state] ?? 0) + 1;
      path[d + 1] = next;
      state = next;
    }
    previous = key;
    maxUnits = Math.max(maxUnits, unitsSoFar[unitsSoFar.length - 1] ?? 0);
    for (const { index } of group) terminalOf[index] = state;
  }
  // Children lists; states were created in key order, so children come in symbol order.
  const childStart = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) childStart[s + 1] = (childStart[s] ?? 0) + (childCount[s] ?? 0);
  const children = new Int32Array(Math.max(0, count - 1));
  const filled = new Int32Array(count);
  for (let t = 1; t < count; t++) {
    const p = parent[t] ?? ROOT;
    children[(childStart[p] ?? 0) + (filled[p] ?? 0)] = t;
    filled[p] = (filled[p] ?? 0) + 1;
  }
  return { count, parent, symbol, unitDepth, childStart, children, terminalOf, maxUnits };
}

/**
 * The patterns in the order the runner tries them at one state, where all cover the same text
 * and the first that holds wins: case-sensitive ones first (an exact acronym beats a folded
 * word), then input order. Terms are numbered in the order of their first pattern.
 */
function orderPatterns(aliases: readonly CompiledAlias[]): {
  ordered: CompiledAlias[];
  patterns: CompiledPattern[];
  termIds: string[];
} {
  const ordered = [...aliases].sort((x, y) => Number(y.caseSensitive) - Number(x.caseSensitive));
  const termIndex = new Map<string, number>();
  const termIds: string[] = [];
  const patterns = ordered.map((alias) => {
    let index = termIndex.get(alias.termId);
    if (index === undefined) {
      index = termIds.length;
      termIndex.set(alias.termId, index);
      termIds.push(alias.termId);
    }
    return {
      termIndex: index,
      caseSensitive: alias.caseSensitive,
      exact: alias.caseSensitive ? alias.units.map((u) => u.exact) : [],
    };
  });
  return { ordered, patterns, termIds };
}

/** Compiles the aliases (in priority order, see activeAliases) into the automaton the matcher runs. */
export function buildTermAutomaton(aliases: readonly CompiledAlias[]): TermAutomaton {
  const { ordered, patterns, termIds } = orderPatterns(aliases);
  const trie = buildTrie(ordered);
  const stateCount = trie.count;

  // Numbering: breadth-first down to SHALLOW_DEPTH, so the states visited at every word start
  // sit together in memory; below that each subtree in preorder, so walking one alias reads
  // neighbouring records. id[trie state] is the number, order[number] the trie state.
  const depth = new Int32Array(stateCount);
  const bfs = new Int32Array(stateCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = bfs[head] ?? ROOT;
    for (let k = trie.childStart[s] ?? 0; k < (trie.childStart[s + 1] ?? 0); k++) {
      const t = trie.children[k] ?? ROOT;
      depth[t] = (depth[s] ?? 0) + 1;
      bfs[tail++] = t;
    }
  }
  // The trie is in preorder: the subtree of t is the range [t, subtreeEnd[t]).
  const subtreeEnd = new Int32Array(stateCount);
  for (let t = stateCount - 1; t >= 0; t--) {
    const last = (trie.childStart[t + 1] ?? 0) - 1;
    subtreeEnd[t] = last >= (trie.childStart[t] ?? 0) ? (subtreeEnd[trie.children[last] ?? t] ?? t + 1) : t + 1;
  }
  const id = new Int32Array(stateCount);
  const order = new Int32Array(stateCount);
  let next = 0;
  for (const t of bfs) {
    if ((depth[t] ?? 0) > SHALLOW_DEPTH) continue;
    id[t] = next;
    order[next++] = t;
  }
  for (const t of bfs) {
    if (depth[t] !== SHALLOW_DEPTH + 1) continue;
    for (let u = t; u < (subtreeEnd[t] ?? t); u++) {
      id[u] = next;
      order[next++] = u;
    }
  }
  const { childStart, children } = trie;
  const firstChild = (state: number): number => childStart[order[state] ?? ROOT] ?? 0;
  const endChild = (state: number): number => childStart[(order[state] ?? ROOT) + 1] ?? 0;

  // Alphabet: column 0 for symbols in no alias.
  const alphabet = new Int32Array(0x10000);
  let alphabetSize = 1;
  for (let t = 1; t < stateCount; t++) {
    const symbol = trie.symbol[t] ?? 0;
    if (alphabet[symbol] === 0) alphabet[symbol] = alphabetSize++;
  }

  const states = new Int32Array(stateCount * STATE_FIELDS);
  let edgeSize = 0;
  let denseRows = 0;
  for (let state = 0; state < stateCount; state++) {
    const count = endChild(state) - firstChild(state);
    if (count > LIST_MAX || (state === 1 && count > 0)) denseRows++;
    else if (count > 1) edgeSize += 1 + 2 * count;
  }
  const edges = new Int32Array(edgeSize);
  const dense = new Int32Array(denseRows * alphabetSize);
  edgeSize = 0;
  denseRows = 0;
  for (let state = 0; state < stateCount; state++) {
    const record = state * STATE_FIELDS;
    const from = firstChild(state);
    const to = endChild(state);
    if (to - from > LIST_MAX || (state === 1 && to > from)) {
      // Filled below, once fail links are known.
      states[record + STATE_KIND] = DENSE_ROW;
      states[record + STATE_NEXT] = denseRows++ * alphabetSize;
    } else if (to - from > 1) {
      states[record + STATE_KIND] = EDGE_LIST;
      states[record + STATE_NEXT] = edgeSize;
      edges[edgeSize++] = to - from;
      for (let k = from; k < to; k++) {
        const child = children[k] ?? ROOT;
        edges[edgeSize++] = trie.symbol[child] ?? 0;
        edges[edgeSize++] = id[child] ?? ROOT;
      }
    } else if (to - from === 1) {
      const child = children[from] ?? ROOT;
      states[record + STATE_KIND] = trie.symbol[child] ?? 0;
      states[record + STATE_NEXT] = id[child] ?? ROOT;
    } else {
      states[record + STATE_KIND] = NO_EDGE;
    }
  }

  const patternStart = new Int32Array(stateCount + 1);
  for (const t of trie.terminalOf) {
    const state = id[t] ?? ROOT;
    patternStart[state + 1] = (patternStart[state + 1] ?? 0) + 1;
  }
  for (let s = 0; s < stateCount; s++) patternStart[s + 1] = (patternStart[s + 1] ?? 0) + (patternStart[s] ?? 0);
  const patternIds = new Int32Array(ordered.length);
  const filled = new Int32Array(stateCount);
  trie.terminalOf.forEach((t, index) => {
    const state = id[t] ?? ROOT;
    patternIds[(patternStart[state] ?? 0) + (filled[state] ?? 0)] = index;
    filled[state] = (filled[state] ?? 0) + 1;
  });
  const stateTerm = new Int32Array(stateCount).fill(CHECK_CASE);
  for (let s = 0; s < stateCount; s++) {
    const first = patterns[patternIds[patternStart[s] ?? 0] ?? 0];
    if ((patternStart[s + 1] ?? 0) > (patternStart[s] ?? 0) && first && !first.caseSensitive) {
      stateTerm[s] = first.termIndex;
    }
  }

  const unitDepth = new Int32Array(stateCount);
  for (let state = 0; state < stateCount; state++) unitDepth[state] = trie.unitDepth[order[state] ?? ROOT] ?? 0;

  const afterBoundary = stateCount > 1 ? 1 : ROOT; // the root's only child
  const automaton: TermAutomaton = {
    afterBoundary,
    wordStartRow: states[afterBoundary * STATE_FIELDS + STATE_NEXT] ?? 0,
    alphabet,
    alphabetSize,
    states,
    edges,
    dense,
    outputNext: new Int32Array(stateCount).fill(NO_STATE),
    unitDepth,
    patternStart,
    patternIds,
    maxUnits: trie.maxUnits,
    patterns,
    stateTerm,
    termIds,
  };

  // Fail and output links in breadth-first order; dense rows get every transition resolved,
  // which only needs states of smaller depth.
  const { outputNext } = automaton;
  states[ROOT * STATE_FIELDS + STATE_OUTPUT] = NO_STATE;
  const columnSymbol = new Int32Array(alphabetSize);
  for (let c = 0; c < alphabet.length; c++) {
    const column = alphabet[c] ?? 0;
    if (column !== 0) columnSymbol[column] = c;
  }
  for (const t of bfs) {
    const state = id[t] ?? ROOT;
    const record = state * STATE_FIELDS;
    const fail = states[record + STATE_FAIL] ?? ROOT;
    if (state !== ROOT) {
      const hasPatterns = (patternStart[state + 1] ?? 0) > (patternStart[state] ?? 0);
      const inherited = states[fail * STATE_FIELDS + STATE_OUTPUT] ?? NO_STATE;
      outputNext[state] = inherited;
      states[record + STATE_OUTPUT] = hasPatterns ? state : inherited;
    }
    const from = firstChild(state);
    const to = endChild(state);
    for (let k = from; k < to; k++) {
      const child = children[k] ?? ROOT;
      states[(id[child] ?? ROOT) * STATE_FIELDS + STATE_FAIL] =
        state === ROOT ? ROOT : transition(automaton, fail, trie.symbol[child] ?? 0);
    }
    if (states[record + STATE_KIND] === DENSE_ROW) {
      const row = states[record + STATE_NEXT] ?? 0;
      for (let column = 1; column < alphabetSize; column++) {
        dense[row + column] = transition(automaton, fail, columnSymbol[column] ?? 0);
      }
      for (let k = from; k < to; k++) {
        const child = children[k] ?? ROOT;
        dense[row + (alphabet[trie.symbol[child] ?? 0] ?? 0)] = id[child] ?? ROOT;
      }
    }
  }
  return automaton;
}
