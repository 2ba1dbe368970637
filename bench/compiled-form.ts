/**
 * The compiled glossary's binary form (core/compiled-glossary.ts) at 100, 10 000 and 100 000
 * synthetic terms: its size, what a frame pays to load it (base64 from storage → bytes → views)
 * beside what a frame paid before (compiling the automaton), and the memory one loaded copy holds
 * (its buffer, the alphabet table, and the JS heap it adds after GC).
 * Prints medians; asserts nothing. Memory needs `--expose-gc` (npm run bench passes it).
 *
 *   node --expose-gc --import tsx bench/compiled-form.ts
 */
import { base64ToBytes, bytesToBase64 } from '../core/base64';
import { compileGlossary, decodeCompiledGlossary, encodeCompiledGlossary } from '../core/compiled-glossary';
import { matcherFor } from '../core/term-matcher';
import { median } from './median';
import { makeGlossary, makeText } from './synthetic-glossary';

const SIZES = [100, 10_000, 100_000];
const RUNS = 5;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(2);

/** JS heap in use after a full GC. (Freed ArrayBuffers leave `arrayBuffers` late: typed arrays are counted by size.) */
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const all = makeGlossary(Math.max(...SIZES));
const text = makeText(all.slice(0, 100), 200_000);
console.log(
  `\nCompiled glossary form (Node ${process.version}, median of ${RUNS}; memory ${gc ? 'after GC' : 'n/a: run with --expose-gc'})\n`,
);
console.log(
  '| terms | binary MB | base64 MB (in storage) | compile ms (before: per frame) | load ms per frame (base64 → matcher) | load / compile | memory per frame MB | matches equal |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
for (const size of SIZES) {
  const terms = all.slice(0, size);
  const compileMs: number[] = [];
  let compiled = compileGlossary('bench', terms);
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    compiled = compileGlossary('bench', terms);
    compileMs.push(performance.now() - t0);
  }
  const bytes = encodeCompiledGlossary(compiled);
  const base64 = bytesToBase64(bytes);
  const loadMs: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    matcherFor(decodeCompiledGlossary(base64ToBytes(base64)));
    loadMs.push(performance.now() - t0);
  }
  const before = heapUsed();
  const loaded = decodeCompiledGlossary(base64ToBytes(base64));
  const matcher = matcherFor(loaded);
  // The one buffer the views share, the alphabet table built at load, and the JS objects (ids, patterns).
  const memory = bytes.byteLength + loaded.automaton.alphabet.byteLength + (heapUsed() - before);
  const equal = JSON.stringify(matcher.find(text)) === JSON.stringify(matcherFor(compiled).find(text)) ? 'yes' : 'NO';
  const c = median(compileMs);
  const l = median(loadMs);
  console.log(
    `| ${size.toLocaleString('en')} | ${mb(bytes.length)} | ${mb(base64.length)} | ${c.toFixed(1)} | ${l.toFixed(2)} | ${(l / c).toFixed(3)} | ${gc ? mb(memory) : 'n/a'} | ${equal} |`,
  );
}
