/**
 * The compiled form of a glossary for the term matcher: an Aho–Corasick automaton over folded
 * symbols plus the table of patterns its states end, all in plain typed arrays and arrays.
 * term-automaton-build.ts produces it from aliases; term-matcher.ts runs it over text. It holds
 * data only (no closures, no references back to the builder).
 *
 * - Every state has a 4-int record in `states` (STATE_FIELDS): its only edge inline, or an edge
 *   list in `edges`, or a dense row over the pattern alphabet in `dense` with fail links already
 *   resolved (for wide states); then its fail link and output link. A hash of (state, symbol)
 *   measured slower here than these records.
 * - States are numbered breadth-first near the root, then subtree by subtree (see the builder).
 */
import { BOUNDARY_SYMBOL } from './text-fold';

export const ROOT = 0;
export const NO_STATE = -1;

/** Int32 fields of one state's record in `TermAutomaton.states`. */
export const STATE_FIELDS = 4;
/** The symbol of the state's only edge, or NO_EDGE, EDGE_LIST, DENSE_ROW. */
export const STATE_KIND = 0;
/** Target of the only edge; offset in `edges` for EDGE_LIST; offset in `dense` for DENSE_ROW. */
export const STATE_NEXT = 1;
export const STATE_FAIL = 2;
/** This state if it ends patterns, else the nearest fail-ancestor that does, else NO_STATE. */
export const STATE_OUTPUT = 3;

/** STATE_KIND of a state without edges. */
export const NO_EDGE = -1;
/** STATE_KIND of a state whose edges are listed: `edges[at]` = count, then (symbol, target) pairs. */
export const EDGE_LIST = -2;
/** STATE_KIND of a state with a dense row: `dense[at + alphabet[symbol]]` = the next state, fail links followed. */
export const DENSE_ROW = -3;

/** `stateTerm` of a state whose first pattern is case-sensitive: the text must be compared. */
export const CHECK_CASE = -1;

/** One alias as the runner checks it once the automaton reports it. */
export interface CompiledPattern {
  /** Index into `TermAutomaton.termIds`. */
  termIndex: number;
  caseSensitive: boolean;
  /** Per unit, the exact text to compare for case-sensitive patterns (empty otherwise). */
  exact: string[];
}

export interface TermAutomaton {
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
  /**
   * Indexes into `patterns`. At one state all patterns cover the same text and the first that
   * holds wins, so case-sensitive ones come first, then the terms' input order.
   */
  patternIds: Int32Array;
  /** The most units any pattern spans. */
  maxUnits: number;
  patterns: CompiledPattern[];
  /** Per state with patterns: the term index when its first pattern needs no case check, else CHECK_CASE. */
  stateTerm: Int32Array;
  /** Term ids, in the order of their first pattern. */
  termIds: string[];
}

/** Goto with fail links (the ROOT has no edge but BOUNDARY). */
export function transition(a: TermAutomaton, from: number, symbol: number): number {
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
