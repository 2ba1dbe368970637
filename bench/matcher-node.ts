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
import { prng } from '../test/prng';
import { median } from './median';

const TEXT_CHARS = 1_000_000;
const SIZES = [100, 1_000, 10_000];
const FIND_RUNS = 9;
const COMPILE_RUNS = 5;

const random = prng(20230701);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const COMMON = (
  'de het een en van in op te dat die voor met is zijn niet aan er om ook als bij door over naar ' +
  'the of and to in is that for on with as by this are be from at an which it not or ' +
  'samenwerking grensoverschrijdende voorzitterschap regering ministers landen beleid raad ' +
  'cooperation presidency government ministers countries policy council agreement treaty ' +
  'energie klimaat veiligheid mobiliteit digitale economie interne markt justitie politie ' +
  'energy climate security mobility digital economy internal market justice police ' +
  'café coördinatie financiën reünie België élan naïef überhaupt zeeën ideeën géén'
).split(' ');
const SYLLABLES =
  'be ne lux raad ver drag werk ing over heid zaak lijk ter cor pro gram ma ti ca sie uni on eur op a'.split(' ');
const LETTERS = [...'ABCDEFGHIJKLMNOPRSTUVWZ'];

function pseudoWord(): string {
  let word = '';
  const n = 2 + Math.floor(random() * 3);
  for (let k = 0; k < n; k++) word += pick(SYLLABLES);
  return word;
}

function word(): string {
  return random() < 0.7 ? pick(COMMON) : pseudoWord();
}

function acronym(): string {
  let text = '';
  const n = 2 + Math.floor(random() * 5);
  for (let k = 0; k < n; k++) text += pick(LETTERS);
  return text;
}

function makeGlossary(count: number): MatchTerm[] {
  const terms: MatchTerm[] = [];
  for (let k = 0; k < count; k++) {
    if (random() < 0.15) {
      terms.push({ id: `t${k}`, highlight: true, aliases: [{ text: acronym(), caseSensitive: true }] });
      continue;
    }
    const words: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let w = 0; w < n; w++) words.push(w === 0 ? pseudoWord() : word());
    const phrase = words.join(' ');
    const aliases = [{ text: phrase, caseSensitive: false }];
    if (random() < 0.3) aliases.push({ text: `${phrase}s`, caseSensitive: false });
    terms.push({ id: `t${k}`, highlight: true, aliases });
  }
  return terms;
}

function makeText(glossary: readonly MatchTerm[]): string {
  const parts: string[] = [];
  let length = 0;
  let sentenceStart = true;
  while (length < TEXT_CHARS) {
    let piece: string;
    const r = random();
    if (r < 0.03) {
      // Planted term: mostly from the first 100, so every glossary size finds some.
      const term = glossary[random() < 0.5 ? Math.floor(random() * 100) : Math.floor(random() * glossary.length)];
      piece = term?.aliases[0]?.text ?? word();
    } else {
      piece = word();
    }
    if (sentenceStart) piece = piece.charAt(0).toUpperCase() + piece.slice(1);
    sentenceStart = false;
    let sep = ' ';
    const s = random();
    if (s < 0.06) {
      sep = '. ';
      sentenceStart = true;
    } else if (s < 0.09) sep = ', ';
    else if (s < 0.1) sep = '\n';
    else if (s < 0.105) sep = '\u00a0';
    else if (s < 0.11) sep = '-';
    parts.push(piece, sep);
    length += piece.length + sep.length;
  }
  return parts.join('').slice(0, TEXT_CHARS);
}

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
const text = makeText(glossary);
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
