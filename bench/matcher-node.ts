/**
 * Term matcher benchmark: ~1 MB of Dutch/English-like text (seeded) with planted terms, glossaries
 * of 100, 1 000 and 10 000 synthetic terms, our matcher beside one big RegExp (flags 'gu',
 * Unicode lookarounds, case-folded text) measured in the same run. Prints medians; asserts
 * nothing.
 *
 *   npx tsx bench/matcher-node.ts
 */
import { compileMatcher, type MatchTerm } from '../core/term-matcher';
import { getFoldTables } from '../core/text-fold';
import { median } from './median';
import { makeGlossary, makeText } from './synthetic-glossary';

const TEXT_CHARS = 1_000_000;
const SIZES = [100, 1_000, 10_000];
const FIND_RUNS = 9;
const COMPILE_RUNS = 5;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileBaseline(terms: readonly MatchTerm[]): RegExp {
  const sources = terms
    .flatMap((t) => t.aliases.map((a) => a.text.toLowerCase()))
    .sort((x, y) => y.length - x.length)
    // Literal spaces: a `\s+` inside the alternatives makes V8 give up its alternation
    // optimisations (seen here: 10 000 terms went from ~0.1 s to over 60 s per MB).
    .map((a) => escapeRegExp(a.replace(/\s+/g, ' ')));
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
  re.test('warm up'); // V8 compiles a RegExp on first use
  re.lastIndex = 0;
  return re;
}

function baselineFind(re: RegExp, text: string): number {
  // Case-folded, and every whitespace unit made a plain space (same length).
  const folded = text.toLowerCase().replace(/\s/g, ' ');
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(folded) !== null) count++;
  return count;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const result = fn();
  return [performance.now() - t0, result];
}

const t0 = performance.now();
getFoldTables();
const tableMs = performance.now() - t0;

const glossary = makeGlossary(Math.max(...SIZES));
const text = makeText(glossary, TEXT_CHARS);
const perMb = 1_000_000 / text.length;

console.log(`text: ${text.length} UTF-16 units; fold tables built once in ${tableMs.toFixed(1)} ms`);
console.log(
  `median of ${FIND_RUNS} find runs and ${COMPILE_RUNS} compiles, all rows measured in alternation (Node ${process.version})\n`,
);
console.log('| terms | aliases | matcher | compile ms | find ms per MB | matches |');
console.log('|---:|---:|---|---:|---:|---:|');

interface Contender {
  name: string;
  compile: (terms: readonly MatchTerm[]) => () => number;
}
const contenders: Contender[] = [
  {
    name: 'term-matcher (AC)',
    compile: (terms) => {
      const m = compileMatcher(terms);
      return () => m.find(text).length;
    },
  },
  {
    name: 'RegExp gu baseline',
    compile: (terms) => {
      const re = compileBaseline(terms);
      return () => baselineFind(re, text);
    },
  },
];
// Every (size, contender) pair, measured in rounds that visit all of them, so that a busy
// machine slows every row alike instead of one row.
const cells = SIZES.flatMap((size) =>
  contenders.map((contender) => ({
    size,
    contender,
    terms: glossary.slice(0, size),
    compileTimes: [] as number[],
    findTimes: [] as number[],
    find: (): number => 0,
    matches: 0,
  })),
);
for (let run = 0; run < COMPILE_RUNS; run++) {
  for (const cell of cells) {
    const [ms, find] = time(() => cell.contender.compile(cell.terms));
    cell.compileTimes.push(ms);
    cell.find = find;
  }
}
for (const cell of cells) cell.find(); // let the JIT settle first
for (let run = 0; run < FIND_RUNS; run++) {
  for (const cell of cells) {
    const [ms, count] = time(cell.find);
    cell.findTimes.push(ms * perMb);
    cell.matches = count;
  }
}
const findMedians = new Map<string, number[]>();
for (const cell of cells) {
  const aliases = cell.terms.reduce((n, t) => n + t.aliases.length, 0);
  const findMs = median(cell.findTimes);
  const name = cell.contender.name;
  findMedians.set(name, [...(findMedians.get(name) ?? []), findMs]);
  console.log(
    `| ${cell.size} | ${aliases} | ${name} | ${median(cell.compileTimes).toFixed(1)} | ${findMs.toFixed(1)} | ${cell.matches} |`,
  );
}

console.log('');
for (const [name, times] of findMedians) {
  const first = times[0] ?? NaN;
  const last = times[times.length - 1] ?? NaN;
  console.log(
    `${name}: find time with ${SIZES[SIZES.length - 1]} terms = ${(last / first).toFixed(2)} × the time with ${SIZES[0]}`,
  );
}
console.log(
  '\nThe baseline folds acronyms too (it cannot keep them case-sensitive in one case-folded pass) and matches ' +
    'only single whitespace characters, so its match counts differ.',
);
