/**
 * The token matcher (core/token-matcher.ts) beside the character automaton (core/compiled-glossary.ts +
 * term-matcher.ts) on big synthetic glossaries, as the background uses them: build once, keep the
 * bytes (IndexedDB), decode them after a restart, make a matcher for the reader's switches, match
 * 32 000-character chunks of a 1 MB text. Prints one table; asserts nothing but that both find the
 * same matches where both run.
 *
 * Build times are wall clock and CPU time of this process (the machine is shared: wall time varies
 * with load, CPU time less). Memory needs `--expose-gc`: JS heap growth after GC plus the array
 * buffers the decoded form holds (the bytes read from storage included).
 *
 *   node --expose-gc --import tsx bench/token-matcher.ts             # token: 100k + 400k forms, characters: 100k
 *   node --expose-gc --import tsx bench/token-matcher.ts --old-400k  # also characters at 400k (a minute or more)
 */
import { loadavg } from 'node:os';
import { compileGlossary, decodeCompiledGlossary, encodeCompiledGlossary } from '../core/compiled-glossary';
import {
  matcherFor,
  type MatchTerm,
  type MatcherOptions,
  type TermMatch,
  type TermMatcher,
} from '../core/term-matcher';
import { getFoldTables } from '../core/text-fold';
import { decodeTokenGlossary, encodeTokenGlossary } from '../core/token-glossary-codec';
import { tokenMatcherFor } from '../core/token-matcher';
import { compileTokenGlossary } from '../core/token-matcher-build';
import { median } from './median';
import { makeGlossary, makeText } from './synthetic-glossary';

const FORMS = [100_000, 400_000];
const TEXT_CHARS = 1_000_000;
const CHUNK = 32_000;
const FIND_RUNS = 5;
const withOld400k = process.argv.includes('--old-400k');
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

interface Contender {
  name: string;
  compile: (terms: readonly MatchTerm[]) => unknown;
  encode: (compiled: never) => Uint8Array;
  decode: (bytes: Uint8Array) => unknown;
  matcher: (decoded: never, options: MatcherOptions) => TermMatcher;
}
const TOKEN: Contender = {
  name: 'token trie',
  compile: (terms) => compileTokenGlossary('bench', terms),
  encode: encodeTokenGlossary,
  decode: decodeTokenGlossary,
  matcher: tokenMatcherFor,
};
const CHARACTERS: Contender = {
  name: 'character automaton',
  compile: (terms) => compileGlossary('bench', terms),
  encode: encodeCompiledGlossary,
  decode: decodeCompiledGlossary,
  matcher: matcherFor,
};

function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

function memory(): { heap: number; buffers: number } {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, buffers: arrayBuffers };
}

getFoldTables();
// One glossary; each size is a prefix of it holding that many surface forms.
const all = makeGlossary(Math.ceil((Math.max(...FORMS) / 1.25) * 1.02));
const prefixWithForms = (forms: number): MatchTerm[] => {
  let count = 0;
  let terms = 0;
  while (terms < all.length && count < forms) count += all[terms++]!.aliases.length;
  return all.slice(0, terms);
};
const text = makeText(prefixWithForms(Math.max(...FORMS)), TEXT_CHARS);
const chunks: string[] = [];
for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));

interface Row {
  name: string;
  forms: number;
  terms: number;
  buildMs: number;
  buildCpuMs: number;
  encodeMs: number;
  bytes: number;
  decodeMs: number;
  heap: number;
  buffers: number;
  matcherMs: number;
  findMsPerMb: number;
  chunkMsMax: number;
  matches: TermMatch[][];
}

function measure(contender: Contender, forms: number): Row {
  const terms = prefixWithForms(forms);
  // The reader's switches: some terms known, a few hidden ones switched on.
  const options: MatcherOptions = {
    disabledIds: new Set(terms.filter((_, k) => k % 50 === 7).map((t) => t.id)),
    enabledIds: new Set(terms.filter((_, k) => k % 500 === 3).map((t) => t.id)),
  };
  const build = timed(() => contender.compile(terms));
  const encoded = timed(() => contender.encode(build.value as never));
  build.value = null;
  // What IndexedDB hands back after a restart: a fresh copy of the bytes.
  const stored = encoded.value.slice();
  encoded.value = new Uint8Array(0);
  const before = memory();
  const decoded = timed(() => contender.decode(stored));
  const after = memory();
  const made = timed(() => contender.matcher(decoded.value as never, options));
  const matcher = made.value;
  let matches: TermMatch[][] = chunks.map((chunk) => matcher.find(chunk)); // warm up
  const runs: number[] = [];
  let chunkMsMax = 0;
  for (let run = 0; run < FIND_RUNS; run++) {
    const t0 = performance.now();
    matches = chunks.map((chunk) => {
      const c0 = performance.now();
      const found = matcher.find(chunk);
      chunkMsMax = Math.max(chunkMsMax, performance.now() - c0);
      return found;
    });
    runs.push(((performance.now() - t0) * 1_000_000) / text.length);
  }
  return {
    name: contender.name,
    forms,
    terms: terms.length,
    buildMs: build.ms,
    buildCpuMs: build.cpuMs,
    encodeMs: encoded.ms,
    bytes: stored.byteLength,
    decodeMs: decoded.ms,
    heap: after.heap - before.heap,
    buffers: after.buffers - before.buffers + stored.byteLength,
    matcherMs: made.ms,
    findMsPerMb: median(runs),
    chunkMsMax,
    matches,
  };
}

const [load1] = loadavg();
console.log(
  `\nToken trie vs character automaton (Node ${process.version}; load average ${load1?.toFixed(1)} on a shared machine; ` +
    `text ${text.length} chars in ${chunks.length} chunks of ${CHUNK}; memory ${gc ? 'after GC' : 'n/a: run with --expose-gc'})\n`,
);
const rows: Row[] = [];
for (const forms of FORMS) {
  rows.push(measure(TOKEN, forms));
  if (forms <= 100_000 || withOld400k) rows.push(measure(CHARACTERS, forms));
}
console.log(
  '| matcher | forms | terms | build s (wall / CPU) | encode ms | encoded MB | decode ms | memory after decode MB (JS heap + buffers) | matcherFor ms | find ms per MB (median) | slowest 32k chunk ms | matches |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const memoryCell = gc ? `${mb(r.heap + r.buffers)} (${mb(r.heap)} + ${mb(r.buffers)})` : 'n/a';
  console.log(
    `| ${r.name} | ${r.forms.toLocaleString('en')} | ${r.terms.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(2)} / ${(r.buildCpuMs / 1000).toFixed(2)} | ${r.encodeMs.toFixed(0)} | ${mb(r.bytes)} | ${r.decodeMs.toFixed(1)} | ${memoryCell} | ${r.matcherMs.toFixed(1)} | ${r.findMsPerMb.toFixed(1)} | ${r.chunkMsMax.toFixed(1)} | ${r.matches.reduce((n, m) => n + m.length, 0)} |`,
  );
}
console.log('');
for (const forms of FORMS) {
  const [token, characters] = [TOKEN, CHARACTERS].map((c) => rows.find((r) => r.name === c.name && r.forms === forms));
  if (!token || !characters) continue;
  const same = JSON.stringify(token.matches) === JSON.stringify(characters.matches);
  console.log(`${forms.toLocaleString('en')} forms: same matches in every chunk: ${same ? 'yes' : 'NO'}`);
}
