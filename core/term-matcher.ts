/**
 * Finds glossary terms in text: compiled once, one pass per text, cost nearly independent of
 * the number of terms (bench/matcher-node.ts prints the numbers).
 *
 * - Text is read as match units (text-fold.ts): folded UTF-16 symbols, a whitespace run as one
 *   symbol, soft hyphens and Latin combining marks absorbed. Offsets are those of the original.
 * - One Aho–Corasick automaton over folded symbols (term-automaton.ts, built by
 *   term-automaton-build.ts). Case-sensitive aliases share it and are compared with the original
 *   text only when the automaton reports them.
 * - A reserved BOUNDARY symbol is fed before every unit that follows a non-word unit (and at the
 *   start), and every pattern begins with it (and has one inside wherever its own text has a
 *   non-word unit). So matches can only start at word edges, and inside a word the automaton
 *   rests in its root instead of chasing prefixes ("eu" in "neutraal"). The end edge is checked
 *   when the next unit turns out not to be a word unit.
 * - Leftmost-longest without overlaps: candidates wait in a short pending list until no future
 *   match can start at or before them (known from the depth of the current state).
 */
import {
  CHECK_CASE,
  DENSE_ROW,
  NO_STATE,
  ROOT,
  STATE_FIELDS,
  STATE_KIND,
  STATE_NEXT,
  STATE_OUTPUT,
  transition,
  type CompiledPattern,
  type TermAutomaton,
} from './term-automaton';
import { compileGlossary, type CompiledGlossary } from './compiled-glossary';
import type { CompiledAlias, MatchAlias, MatchTerm, MatcherOptions } from './term-automaton-build';
import {
  BOUNDARY_SYMBOL,
  CLASS_HIGH_SURROGATE,
  CLASS_IGNORABLE,
  CLASS_LATIN_MARK,
  CLASS_LOW_SURROGATE,
  CLASS_SPACE,
  CLASS_WORD,
  SOFT_HYPHEN,
  SPACE_SYMBOL,
  getFoldTables,
  isLatinBase,
  isWordCodePoint,
} from './text-fold';

export type { CompiledAlias, MatchAlias, MatchTerm, MatcherOptions };
import { BLOCKED_TERM_ID } from './term-automaton-build';
export { activeAliases, BLOCKED_TERM_ID } from './term-automaton-build';

/** UTF-16 offsets into the original text, end exclusive. */
export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}
export interface TermMatcher {
  find(text: string): TermMatch[];
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
  settle(earliest: number, termIds: readonly string[], blocked: number, matches: TermMatch[]): void {
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
      // A "not this" phrase takes its text, so no shorter alias inside it is highlighted.
      if (term[best] !== blocked) matches.push({ start: bestStart, end: this.lastEnd, termId: termIds[term[best]!]! });
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

/** Runs a TermAutomaton over text; holds only scratch space of its own, reused across find() calls. */
class AhoCorasickMatcher implements TermMatcher {
  /** Start offsets of the latest units, enough for the longest pattern (a power of two). */
  private readonly unitRing: Int32Array;
  private readonly ringMask: number;
  private readonly pending = new Pending();
  /** The term index of "not this" phrases (-1 when the glossary has none). */
  private readonly blocked: number;

  /**
   * @param active per term index, 1 when the reader's switches let it match; a match of an inactive
   * term is never a candidate, exactly as if its aliases had not been compiled.
   */
  constructor(
    private readonly automaton: TermAutomaton,
    private readonly active: Uint8Array,
  ) {
    let size = 1;
    while (size <= automaton.maxUnits + 1) size *= 2;
    this.unitRing = new Int32Array(size);
    this.ringMask = size - 1;
    this.blocked = automaton.termIds.indexOf(BLOCKED_TERM_ID);
  }

  find(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const a = this.automaton;
    if (a.afterBoundary === ROOT) return matches;
    const { fold, classes } = getFoldTables();
    const { afterBoundary, wordStartRow, alphabet, dense, states, outputNext, unitDepth, stateTerm, termIds } = a;
    const pending = this.pending;
    const active = this.active;
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
          if (term === CHECK_CASE || active[term] === 0) term = this.verifiedTerm(text, out, firstUnit, units, start);
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
          const latinBase = isLatinBase(symbol);
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
        if (earliest > pending.min) pending.settle(earliest, termIds, this.blocked, matches);
      }
    }
    pending.settle(Infinity, termIds, this.blocked, matches);
    return matches;
  }

  /** The term of the first pattern of an active term at `state` that holds here (case checked), or -1. */
  private verifiedTerm(text: string, state: number, firstUnit: number, units: number, end: number): number {
    const { patternStart, patternIds, patterns } = this.automaton;
    const to = patternStart[state + 1]!;
    for (let k = patternStart[state]!; k < to; k++) {
      const pattern = patterns[patternIds[k]!]!;
      if (this.active[pattern.termIndex] === 0) continue;
      if (!pattern.caseSensitive || this.exactlyEqual(text, pattern, firstUnit, units, end)) {
        return pattern.termIndex;
      }
    }
    return -1;
  }

  private exactlyEqual(text: string, pattern: CompiledPattern, firstUnit: number, units: number, end: number): boolean {
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
        if (code === SOFT_HYPHEN) continue;
        if (e >= expected.length || expected.charCodeAt(e) !== code) return false;
        e++;
      }
      if (e !== expected.length) return false;
    }
    return true;
  }
}

/**
 * A matcher over a compiled glossary with the reader's switches applied: terms in `disabledIds` never
 * match, terms not highlighted by default match only when in `enabledIds`. Costs one pass over the
 * terms, never a compile.
 */
export function matcherFor(compiled: CompiledGlossary, options: MatcherOptions = {}): TermMatcher {
  const { termIds } = compiled.automaton;
  const active = new Uint8Array(termIds.length);
  for (let k = 0; k < termIds.length; k++) {
    const id = termIds[k]!;
    active[k] =
      id === BLOCKED_TERM_ID ||
      ((compiled.highlightByDefault[k] || options.enabledIds?.has(id)) && !options.disabledIds?.has(id))
        ? 1
        : 0;
  }
  return new AhoCorasickMatcher(compiled.automaton, active);
}

/** Compiles `terms` and applies the reader's switches: for tests and one-off texts; pages load a compiled glossary. */
export function compileMatcher(terms: readonly MatchTerm[], options?: MatcherOptions): TermMatcher {
  return matcherFor(compileGlossary('', terms), options);
}
