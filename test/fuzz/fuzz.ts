/**
 * Shared means of the fuzz tests (how to run and replay them: "Fuzz" in the README): fast-check
 * arbitraries that mutate a valid value or text, the seed and run count (FUZZ_SEED, FUZZ_RUNS), and a
 * tally of inputs tried, accepted and rejected that each suite prints.
 */
import fc from 'fast-check';

/** Runs per property: small in `npm test`, larger with `FUZZ_RUNS=… npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
/** Files per kind (notes exports, backups, glossary files): a third, as each goes through the database. */
export const FILE_RUNS = Number(process.env.FUZZ_FILE_RUNS ?? Math.ceil(RUNS / 3));
/** One seed for every property: a failure prints its seed and path, and `FUZZ_SEED=…` replays it. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** A property's time limit, growing with the run count (a file goes through the database in ~50 ms). */
export const TIME_LIMIT = Math.max(300_000, Math.max(RUNS, FILE_RUNS * 3) * 100);

/** A run that takes longer than this fails (a hang is a finding), with its seed and path. */
export const fcOptions = (runs = RUNS) => ({ seed: SEED, numRuns: runs, timeout: 5_000, endOnFailure: true });

/** Counts what a channel or file kind did with its inputs; printed so the README can quote them. */
export class Tally {
  tried = 0;
  accepted = 0;
  rejected = 0;
  /** Not for this receiver (another channel or another viewer's tab): left unanswered, as it must be. */
  ignored = 0;
  constructor(readonly what: string) {}
  accept() {
    this.tried++;
    this.accepted++;
  }
  reject() {
    this.tried++;
    this.rejected++;
  }
  ignore() {
    this.tried++;
    this.ignored++;
  }
  line() {
    const ignored = this.ignored ? `, ${this.ignored} ignored` : '';
    return `fuzz ${this.what}: ${this.tried} tried, ${this.accepted} accepted, ${this.rejected} rejected${ignored} (seed ${SEED})`;
  }
}

/** Prints every tally of a suite at its end (Vitest shows a test's console output). */
export function report(tallies: Tally[]): void {
  console.log(tallies.map((t) => t.line()).join('\n'));
}

/** Values that break careless code: wrong types, edges, huge and odd strings, prototype keys. */
const nasty = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    0,
    -1,
    -0,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    '\u0000',
    '\uFFFD',
    '\uD800',
    '<b>x</b>',
    'constructor',
    '__proto__',
    'x'.repeat(70_000),
    [],
    {},
    [[]],
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (value && typeof value === 'object' && out.length < 5_000) {
    for (const [k, v] of Object.entries(value)) paths(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Objects and arrays, indexed by their own keys (paths() only lists keys that are there). */
type Container = Record<string | number, unknown>;

function apply(base: unknown, op: { kind: number; pick: number; key: string; value: unknown }): unknown {
  // fc.constantFrom hands out the same {} and [] every time: a copy, or a mutation lands in every later
  // run (and later suites: a value made the root here was then grown by the next ops, run after run).
  op = { ...op, value: clone(op.value) };
  const all = paths(base);
  const path = all[op.pick % all.length]!;
  if (path.length === 0) return op.kind % 2 ? op.value : [base];
  const parent = path.slice(0, -1).reduce((o, k) => o[k] as Container, base as Container);
  const last = path.at(-1)!;
  const current = parent[last];
  switch (op.kind % 5) {
    case 0: // another value
      parent[last] = op.value;
      break;
    case 1: // the key gone
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 2: // a key or element more
      if (Array.isArray(parent)) parent.push(op.value);
      else
        Object.defineProperty(parent, op.key, {
          value: op.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      break;
    case 3: // the same value twice (an id twice, a longer list)
      if (Array.isArray(parent)) parent.push(clone(current));
      else parent[last] = [current, current];
      break;
    default: // the value as a string, or a string's text stretched
      parent[last] =
        typeof current === 'string'
          ? current + current.repeat(current.length > 100_000 ? 1 : op.pick % 300)
          : String(current);
  }
  return base;
}

const objectOp = fc.record({
  kind: fc.nat(),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'type', 'id'), fc.string({ maxLength: 8 })),
  value: nasty,
});

/** A valid value with one to four mutations (a field replaced, dropped, added, doubled, stretched). */
export function mutated<T>(valid: T): fc.Arbitrary<unknown> {
  return fc.array(objectOp, { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce(apply, clone(valid) as unknown));
}

/** A leaf of the same type, other content: odd text, big or negative numbers. */
const sameTypeAs = (current: unknown, seed: { text: string; int: number; flag: boolean }) =>
  typeof current === 'string'
    ? seed.text
    : typeof current === 'number'
      ? seed.int
      : typeof current === 'boolean'
        ? seed.flag
        : current;

const leafOp = fc.record({
  pick: fc.nat(),
  text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('', 'etias', 'x'.repeat(20_000))),
  int: fc.oneof(fc.integer(), fc.constantFrom(0, 1, 2 ** 53, 9e15)),
  flag: fc.boolean(),
});

/** A valid value with one to three leaves changed for others of their type: mostly still valid. */
export function tweaked<T>(valid: T): fc.Arbitrary<unknown> {
  return fc.array(leafOp, { minLength: 1, maxLength: 3 }).map((ops) =>
    ops.reduce(
      (base: unknown, op) => {
        const leaves = paths(base).filter((p) => p.length > 0);
        if (leaves.length === 0) return base;
        const path = leaves[op.pick % leaves.length]!;
        const parent = path.slice(0, -1).reduce((o, k) => o[k] as Container, base as Container);
        parent[path.at(-1)!] = sameTypeAs(parent[path.at(-1)!], op);
        return base;
      },
      clone(valid) as unknown,
    ),
  );
}

/** Either a mutation of one of `valids` (mostly) or a random value. */
export function messageLike(valids: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valids).chain((v) => mutated(v)) },
    { weight: 3, arbitrary: fc.constantFrom(...valids).chain((v) => tweaked(v)) },
    { weight: 1, arbitrary: fc.constantFrom(...valids) },
    { weight: 2, arbitrary: nasty },
  );
}

/** Pieces that matter to the parsers: quotes, separators, markup, escapes, odd code points. */
const splices = fc.oneof(
  fc.constantFrom(
    '"',
    ',',
    ';',
    '\t',
    '\n',
    '\r\n',
    '{',
    '}',
    '[',
    ']',
    '<',
    '>',
    '/>',
    '</',
    '&',
    '&amp;',
    '&#0;',
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    '&a;',
    '\u0000',
    '\uFEFF',
    '\uFFFD',
    '\uD800',
    'null',
    '"id":',
    '"termId":"etias"',
    '1e999',
    '-0',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const textOp = fc.record({ kind: fc.nat(), at: fc.nat(), len: fc.nat({ max: 200 }), piece: splices });

function applyText(text: string, op: { kind: number; at: number; len: number; piece: string }): string {
  const at = text.length === 0 ? 0 : op.at % (text.length + 1);
  switch (op.kind % 5) {
    case 0:
      return text.slice(0, at) + op.piece + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + op.len);
    case 2:
      return text.slice(0, at); // cut short
    case 3:
      return text.slice(0, at) + text.slice(at, at + op.len).repeat(2) + text.slice(at);
    default:
      return text.slice(0, at) + op.piece + text.slice(at + Math.min(op.len, 4));
  }
}

/** A valid text with one to six edits (inserted pieces, cuts, duplicated runs, truncation). */
export function mutatedText(valid: string): fc.Arbitrary<string> {
  return fc.array(textOp, { minLength: 1, maxLength: 6 }).map((ops) => ops.reduce(applyText, valid));
}

/** Either an edited text, a text from a structurally mutated value (when given), or random text. */
export function fileLike(validText: string, validValue?: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedText(validText) },
    ...(validValue === undefined
      ? []
      : [
          { weight: 4, arbitrary: mutated(validValue).map((v) => JSON.stringify(v) ?? 'undefined') },
          { weight: 3, arbitrary: tweaked(validValue).map((v) => JSON.stringify(v)) },
        ]),
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/** What an error says must say what and where, not only a type name ("TypeError: x is undefined"). */
export function isClearMessage(message: string): boolean {
  return message.length > 10 && !/^(TypeError|RangeError|ReferenceError|SyntaxError)\b/.test(message);
}
