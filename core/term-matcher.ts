/**
 * Finds glossary terms in text: compiled once, one pass per text, cost nearly independent of
 * the number of terms (bench/matcher-node.ts prints the numbers).
 *
 * - Text is read as match units (text-fold.ts): folded UTF-16 symbols, a whitespace run as one
 *   symbol, soft hyphens and Latin combining marks absorbed. Offsets are those of the original.
 * - One Aho–Corasick automaton over folded symbols. Case-sensitive aliases share it and are
 *   compared with the original text only when the automaton reports them.
 * - A reserved BOUNDARY symbol is fed before every unit that follows a non-word unit (and at the
 *   start), and every pattern begins with it (and has one inside wherever its own text has a
 *   non-word unit). So matches can only start at word edges, and inside a word the automaton
 *   rests in its root instead of chasing prefixes ("eu" in "neutraal"). The end edge is checked
 *   when the next unit turns out not to be a word unit.
 * - Typed arrays: a 4-int record per state (single edge inline, else an edge list, or a dense
 *   row over the pattern alphabet with fail links resolved for wide states), fail and output
 *   links. A hash of (state, symbol) measured slower here than these records.
 * - Leftmost-longest without overlaps: candidates wait in a short pending list until no future
 *   match can start at or before them (known from the depth of the current state).
 */
import {
  BOUNDARY_SYMBOL,
  CLASS_HIGH_SURROGATE,
  CLASS_IGNORABLE,
  CLASS_LATIN_MARK,
  CLASS_LOW_SURROGATE,
  CLASS_SPACE,
  CLASS_WORD,
  SPACE_SYMBOL,
  getFoldTables,
  isWordCodePoint,
  segmentAlias,
  type MatchUnit,
} from './text-fold';

export interface MatchAlias {
  text: string;
  caseSensitive: boolean;
}
export interface MatchTerm {
  id: string;
  highlight: boolean;
  aliases: MatchAlias[];
}
/** UTF-16 offsets into the original text, end exclusive. */
export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}
export interface MatcherOptions {
  /** Terms with highlight:false that the user switched on. */
  enabledIds?: ReadonlySet<string>;
  /** Terms the user marked "I know this term": never matched. */
  disabledIds?: ReadonlySet<string>;
}
export interface TermMatcher {
  find(text: string): TermMatch[];
}

/** One alias of an active term, segmented; shared with the reference matcher. */
export interface CompiledAlias {
  termId: string;
  caseSensitive: boolean;
  units: MatchUnit[];
}

/**
 * The aliases that take part in matching, in priority order: terms in input order, aliases in
 * their order. Skips disabled terms, terms with highlight:false that are not enabled, and
 * aliases that are empty after trimming whitespace.
 */
export function activeAliases(terms: readonly MatchTerm[], options: MatcherOptions = {}): CompiledAlias[] {
  const result: CompiledAlias[] = [];
  for (const term of terms) {
    if (options.disabledIds?.has(term.id)) continue;
    if (!term.highlight && !options.enabledIds?.has(term.id)) continue;
    for (const alias of term.aliases) {
      const units = segmentAlias(alias.text);
      if (units.length > 0) result.push({ termId: term.id, caseSensitive: alias.caseSensitive, units });
    }
  }
  return result;
}

const ROOT = 0;
const NO_STATE = -1;
// States with more edges than this get a dense row over the alphabet instead of a list.
const LIST_MAX = 6;
// States this deep (in symbols, BOUNDARY included) or less are numbered breadth-first.
const SHALLOW_DEPTH = 4;
// Fields of one state's record in Automaton.states.
const STATE_FIELDS = 4;
/** The symbol of the state's only edge, or NO_EDGE, EDGE_LIST, DENSE_ROW. */
const STATE_KIND = 0;
/** Target of the only edge; offset in `edges` for EDGE_LIST; offset in `dense` for DENSE_ROW. */
const STATE_NEXT = 1;
const STATE_FAIL = 2;
/** This state if it ends patterns, else the nearest fail-ancestor that does, else NO_STATE. */
const STATE_OUTPUT = 3;
const NO_EDGE = -1;
/** `edges[at]` = count, then (symbol, target) pairs. */
const EDGE_LIST = -2;
/** `dense[at + alphabet[symbol]]` = the next state, fail links already followed. */
const DENSE_ROW = -3;

/** Aho–Corasick automaton in typed arrays; see buildAutomaton for the numbering of states. */
interface Automaton {
  /** State reached from the root on BOUNDARY, or ROOT when there are no patterns. */
  afterBoundary: number;
  /** Offset of afterBoundary's dense row: it is visited at every word start. */
  wordStartRow: number;
  /** Symbol → column of dense rows; 0 for symbols in no alias (they lead back to the root). */
  alphabet: Int32Array;
  alphabetSize: number;
  /** STATE_FIELDS int32 per state. */
  states: Int32Array;
  edges: Int32Array;
  dense: Int32Array;
  /** Next fail-ancestor that ends patterns, or NO_STATE. */
  outputNext: Int32Array;
  /** Units (not symbols) from the first unit of the state's prefix to its end. */
  unitDepth: Int32Array;
  /** Patterns ending at a state: patternIds[patternStart[s] .. patternStart[s+1]). */
  patternStart: Int32Array;
  patternIds: Int32Array;
  maxUnits: number;
}

interface Pattern {
  termIndex: number;
  caseSensitive: boolean;
  /** Per unit, the exact text to compare for case-sensitive patterns. */
  exact: string[];
}

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
  let symbols = '';
  for (let k = 0; k < codes.length; k += 0x1000) symbols += String.fromCharCode(...codes.slice(k, k + 0x1000));
  return { symbols, unitsSoFar };
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

function buildAutomaton(aliases: readonly CompiledAlias[]): Automaton {
  const trie = buildTrie(aliases);
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
  const patternIds = new Int32Array(aliases.length);
  const filled = new Int32Array(stateCount);
  trie.terminalOf.forEach((t, index) => {
    const state = id[t] ?? ROOT;
    patternIds[(patternStart[state] ?? 0) + (filled[state] ?? 0)] = index;
    filled[state] = (filled[state] ?? 0) + 1;
  });

  const unitDepth = new Int32Array(stateCount);
  for (let state = 0; state < stateCount; state++) unitDepth[state] = trie.unitDepth[order[state] ?? ROOT] ?? 0;

  const afterBoundary = stateCount > 1 ? 1 : ROOT; // the root's only child
  const automaton: Automaton = {
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
  };

  // Fail and output links in breadth-first order; dense rows get every transition resolved,
  // which only needs states of smaller depth.
  const { outputNext } = automaton;
  states[ROOT * STATE_FIELDS + STATE_OUTPUT] = NO_STATE;
  const columnSymbol = new Int32Array(alphabetSize);
  for (let c = 0; c < 0x10000; c++) {
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

/** Goto with fail links (the ROOT has no edge but BOUNDARY). */
function transition(a: Automaton, from: number, symbol: number): number {
  const { states, edges } = a;
  const column = a.alphabet[symbol]!;
  if (column === 0) return ROOT; // in no alias
  let s = from;
  for (;;) {
    if (s === ROOT) return symbol === BOUNDARY_SYMBOL ? a.afterBoundary : ROOT;
    const record = s * STATE_FIELDS;
    const kind = states[record + STATE_KIND]!;
    if (kind === symbol) return states[record + STATE_NEXT]!;
    if (kind === DENSE_ROW) return a.dense[states[record + STATE_NEXT]! + column]!;
    if (kind === EDGE_LIST) {
      const at = states[record + STATE_NEXT]!;
      const end = at + 1 + 2 * edges[at]!;
      for (let k = at + 1; k < end; k += 2) {
        if (edges[k] === symbol) return edges[k + 1]!;
      }
    }
    s = states[record + STATE_FAIL]!;
  }
}

/**
 * Candidate matches that a longer or more leftward match may still beat. Usually holds one or
 * two; reused across find() calls.
 */
class Pending {
  private start: Int32Array = new Int32Array(16);
  private end: Int32Array = new Int32Array(16);
  private term: Int32Array = new Int32Array(16);
  private count = 0;
  /** Smallest start among the candidates (Infinity when there are none). */
  min = Infinity;
  /** End of the last emitted match: candidates starting before it are dropped. */
  lastEnd = 0;

  reset(): void {
    this.count = 0;
    this.min = Infinity;
    this.lastEnd = 0;
  }

  add(start: number, end: number, term: number): void {
    if (this.count === this.start.length) {
      const grow = (from: Int32Array): Int32Array => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.term = grow(this.term);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.term[this.count] = term;
    this.count++;
    if (start < this.min) this.min = start;
  }

  /**
   * Emits, leftmost first and longest at a start, the candidates that start before `earliest`
   * (no future match can start there), and drops candidates that overlap an emitted match.
   */
  settle(earliest: number, termIds: readonly string[], matches: TermMatch[]): void {
    const { start, end, term } = this;
    for (;;) {
      let best = -1;
      let bestStart = Infinity;
      for (let k = 0; k < this.count; k++) {
        const s = start[k]!;
        if (s < this.lastEnd) continue;
        if (s < bestStart || (s === bestStart && end[k]! > end[best]!)) {
          best = k;
          bestStart = s;
        }
      }
      if (best < 0 || bestStart >= earliest) break;
      this.lastEnd = end[best]!;
      matches.push({ start: bestStart, end: this.lastEnd, termId: termIds[term[best]!]! });
    }
    let kept = 0;
    let min = Infinity;
    for (let k = 0; k < this.count; k++) {
      const s = start[k]!;
      if (s < this.lastEnd) continue;
      start[kept] = s;
      end[kept] = end[k]!;
      term[kept] = term[k]!;
      kept++;
      if (s < min) min = s;
    }
    this.count = kept;
    this.min = min;
  }
}

const VERIFY = -1;

class AhoCorasickMatcher implements TermMatcher {
  private readonly a: Automaton;
  private readonly patterns: Pattern[];
  private readonly termIds: string[];
  /** Per state with patterns: the term when its first pattern needs no check, else VERIFY. */
  private readonly stateTerm: Int32Array;
  private readonly unitRing: Int32Array;
  private readonly ringMask: number;
  private readonly pending = new Pending();

  constructor(aliases: readonly CompiledAlias[]) {
    // At one state all patterns cover the same text and the first that verifies wins:
    // case-sensitive ones first (an exact acronym beats a folded word), then input order.
    const ordered = [...aliases].sort((x, y) => Number(y.caseSensitive) - Number(x.caseSensitive));
    const termIndex = new Map<string, number>();
    this.termIds = [];
    this.patterns = ordered.map((alias) => {
      let index = termIndex.get(alias.termId);
      if (index === undefined) {
        index = this.termIds.length;
        termIndex.set(alias.termId, index);
        this.termIds.push(alias.termId);
      }
      return {
        termIndex: index,
        caseSensitive: alias.caseSensitive,
        exact: alias.caseSensitive ? alias.units.map((u) => u.exact) : [],
      };
    });
    this.a = buildAutomaton(ordered);
    const { patternStart, patternIds } = this.a;
    this.stateTerm = new Int32Array(patternStart.length - 1).fill(VERIFY);
    for (let s = 0; s < this.stateTerm.length; s++) {
      const first = this.patterns[patternIds[patternStart[s] ?? 0] ?? 0];
      if ((patternStart[s + 1] ?? 0) > (patternStart[s] ?? 0) && first && !first.caseSensitive) {
        this.stateTerm[s] = first.termIndex;
      }
    }
    let size = 1;
    while (size <= this.a.maxUnits + 1) size *= 2;
    this.unitRing = new Int32Array(size);
    this.ringMask = size - 1;
  }

  find(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const a = this.a;
    if (a.afterBoundary === ROOT) return matches;
    const { fold, classes } = getFoldTables();
    const { afterBoundary, wordStartRow, alphabet, dense, states, outputNext, unitDepth } = a;
    const { stateTerm, termIds, pending } = this;
    const ring = this.unitRing;
    const mask = this.ringMask;
    const n = text.length;
    pending.reset();

    let state = ROOT;
    let prevWord = false;
    let unit = -1;
    let i = 0;
    for (;;) {
      // Read the next unit's first character and whether the unit is a word unit.
      const start = i;
      const atEnd = i >= n;
      const code = atEnd ? 0 : text.charCodeAt(i++);
      const cls = classes[code]!;
      let word = (cls & CLASS_WORD) !== 0;
      if (cls & CLASS_HIGH_SURROGATE && i < n && classes[text.charCodeAt(i)]! & CLASS_LOW_SURROGATE) {
        word = isWordCodePoint(((code - 0xd800) << 10) + (text.charCodeAt(i) - 0xdc00) + 0x10000);
      }

      // Aliases can only end before a non-word unit (or the end of the text): collect those
      // that end at the previous unit now, rather than checking after every unit.
      let out = word ? NO_STATE : states[state * STATE_FIELDS + STATE_OUTPUT]!;
      while (out !== NO_STATE) {
        const units = unitDepth[out]!;
        const firstUnit = unit - units + 1;
        const matchStart = ring[firstUnit & mask]!;
        if (matchStart >= pending.lastEnd) {
          let term = stateTerm[out]!;
          if (term === VERIFY) term = this.verifiedTerm(text, out, firstUnit, units, start);
          if (term >= 0) pending.add(matchStart, start, term);
        }
        out = outputNext[out]!;
      }
      if (atEnd) break;

      if (!prevWord) state = state === ROOT ? afterBoundary : transition(a, state, BOUNDARY_SYMBOL);
      prevWord = word;
      if (cls & (CLASS_SPACE | CLASS_HIGH_SURROGATE)) {
        if (cls & CLASS_SPACE) {
          while (i < n && classes[text.charCodeAt(i)]! & CLASS_SPACE) i++;
          if (state !== ROOT) state = transition(a, state, SPACE_SYMBOL);
        } else {
          state = transition(a, state, code);
          if (i < n && classes[text.charCodeAt(i)]! & CLASS_LOW_SURROGATE) {
            state = transition(a, state, text.charCodeAt(i++));
          }
          while (i < n && classes[text.charCodeAt(i)]! & CLASS_IGNORABLE) i++;
        }
      } else {
        const symbol = fold[code]!;
        // The common steps inline: nothing to do at the root inside a word, the dense row at
        // a word start, the single edge of most states.
        if (state === afterBoundary) state = dense[wordStartRow + alphabet[symbol]!]!;
        else if (state !== ROOT) {
          const record = state * STATE_FIELDS;
          const kind = states[record + STATE_KIND]!;
          if (kind === symbol) state = states[record + STATE_NEXT]!;
          else if (kind === DENSE_ROW) state = dense[states[record + STATE_NEXT]! + alphabet[symbol]!]!;
          else state = transition(a, state, symbol);
        }
        if (i < n && classes[text.charCodeAt(i)]! & (CLASS_IGNORABLE | CLASS_LATIN_MARK)) {
          const latinBase = symbol >= 0x61 && symbol <= 0x7a;
          while (i < n) {
            const nextCls = classes[text.charCodeAt(i)]!;
            if (nextCls & CLASS_IGNORABLE || (latinBase && nextCls & CLASS_LATIN_MARK)) i++;
            else break;
          }
        }
      }
      unit++;
      ring[unit & mask] = start;

      if (pending.min !== Infinity) {
        // No future match can start before the first unit of the current state's prefix.
        const depth = unitDepth[state]!;
        const earliest = depth === 0 ? i : ring[(unit - depth + 1) & mask]!;
        if (earliest > pending.min) pending.settle(earliest, termIds, matches);
      }
    }
    pending.settle(Infinity, termIds, matches);
    return matches;
  }

  /** The term of the first pattern at `state` that holds here (case checked), or -1. */
  private verifiedTerm(text: string, state: number, firstUnit: number, units: number, end: number): number {
    const { patternStart, patternIds } = this.a;
    const to = patternStart[state + 1]!;
    for (let k = patternStart[state]!; k < to; k++) {
      const pattern = this.patterns[patternIds[k]!]!;
      if (!pattern.caseSensitive || this.exactlyEqual(text, pattern, firstUnit, units, end)) {
        return pattern.termIndex;
      }
    }
    return -1;
  }

  private exactlyEqual(text: string, pattern: Pattern, firstUnit: number, units: number, end: number): boolean {
    const ring = this.unitRing;
    const mask = this.ringMask;
    for (let k = 0; k < units; k++) {
      const expected = pattern.exact[k]!;
      if (expected === ' ') continue; // any whitespace run matches
      const from = ring[(firstUnit + k) & mask]!;
      const to = k + 1 < units ? ring[(firstUnit + k + 1) & mask]! : end;
      let e = 0;
      for (let p = from; p < to; p++) {
        const code = text.charCodeAt(p);
        if (code === 0xad) continue; // soft hyphen: invisible
        if (e >= expected.length || expected.charCodeAt(e) !== code) return false;
        e++;
      }
      if (e !== expected.length) return false;
    }
    return true;
  }
}

/** Compiles the active aliases of `terms` into a matcher; compile once, call find() per text. */
export function compileMatcher(terms: readonly MatchTerm[], options?: MatcherOptions): TermMatcher {
  return new AhoCorasickMatcher(activeAliases(terms, options));
}
