/**
 * The popup's search over a big imported glossary, in Node: a generated IATE-shaped TBX (scripts/make-tbx.ts,
 * nl/en/fr/de) parsed once, its word index built as an import builds it (core/word-index.ts); then queries typed
 * letter by letter, each keystroke answered as the popup does — the word index's candidates (≤ 200, from the
 * query's first word) ranked by core/imported-search.ts — beside the baseline a popup without the index would need:
 * Fuse.js over every entry's terms. Prints a table; asserts nothing. (Reading the candidates' rows from IndexedDB
 * happens in the popup's worker and is in bench/import-scale.ts.)
 *
 *   npx tsx bench/imported-rank.ts [--concepts 100000]
 */
import { openAsBlob } from 'node:fs';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { parseGlossaryFile } from '../core/import/index';
import type { ImportedEntry } from '../core/imported-schema';
import { rankImported, type ImportedCandidate } from '../core/imported-search';
import { searchKey } from '../core/search-index';
import { foldText } from '../core/text-fold';
import { bucketOf, bucketRange, collectIds, entryWords, WordIndexBuilder, type WordBucket } from '../core/word-index';
import { writeTbxFile } from '../scripts/make-tbx';
import { median } from './median';

const { values } = parseArgs({ options: { concepts: { type: 'string', default: '100000' } } });
const concepts = Number(values.concepts);
const file = `/tmp/bench-import-${concepts}.tbx`;
await writeTbxFile(file, { concepts, langs: ['nl', 'en', 'fr', 'de'], title: 'Bench slice' }).catch(() => undefined);

const entries: ImportedEntry[] = [];
await parseGlossaryFile((await openAsBlob(file)).stream(), { fileName: 'bench.tbx' }, (batch) => {
  entries.push(...batch);
});
const byId = new Map(entries.map((e) => [e.id, e]));
const builder = new WordIndexBuilder();
let started = performance.now();
for (const entry of entries) builder.add(entry.id, entryWords(entry));
const buckets = new Map<string, WordBucket>();
const sorted = builder.buckets();
for (const bucket of sorted) buckets.set(bucket.bucket, bucket);
const indexMs = performance.now() - started;

/** What the popup's worker reads: the ids of one bucket (or a run of them), then their rows. */
function candidates(word: string, limit = 200): ImportedCandidate[] {
  const ids = new Set<string>();
  const { from, to } = bucketRange(word);
  if (from === to) {
    const bucket = buckets.get(bucketOf(word));
    if (bucket) collectIds(bucket, word, ids, limit);
  } else {
    for (const bucket of sorted) {
      if (bucket.bucket < from || bucket.bucket > to) continue;
      if (collectIds(bucket, word, ids, limit)) break;
    }
  }
  return [...ids].map((id) => ({
    key: `bench:${id}`,
    glossary: { id: 'bench', title: 'Bench' },
    entry: byId.get(id)!,
  }));
}

// Words of the generated terms (the generator's syllables), typed letter by letter as readers type.
const QUERIES = ['verdraag', 'markt', 'cooperation', 'politique', 'zusammen', 'governance treaty', 'marché régional'];
const keystrokes = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((p) => p.trim().length >= 2));

function typeAll(answer: (query: string) => unknown): number[] {
  const times: number[] = [];
  for (const query of keystrokes) {
    const t = performance.now();
    answer(query);
    times.push(performance.now() - t);
  }
  return times;
}

// Ours: as useImportedSearch does — a new candidate read only when the last one cannot cover the query.
let read: { word: string; list: ImportedCandidate[] } | null = null;
const ours = (query: string) => {
  const word = searchKey(query).split(' ')[0] ?? '';
  const covers = read && word.startsWith(read.word) && (read.word === word || read.list.length < 200);
  if (!covers) read = { word, list: candidates(word) };
  return rankImported(read!.list, query, { lang: 'nl', limit: 20 });
};
const oursCold = typeAll(ours);
read = null;
const oursWarm = typeAll(ours);

started = performance.now();
const docs = entries.map((e) => ({ terms: e.terms.map((t) => foldText(t.text)) }));
const fuse = new Fuse(docs, { keys: ['terms'], threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 });
const fuseBuildMs = performance.now() - started;
const baseline = typeAll((query) => fuse.search(foldText(query), { limit: 20 }));

const row = (name: string, times: number[]) =>
  `| ${name} | ${median(times).toFixed(2)} | ${Math.max(...times).toFixed(2)} |`;
console.log(
  `\nImported search, ${entries.length} entries, ${builder.size} words in ${sorted.length} buckets ` +
    `(index built in ${indexMs.toFixed(0)} ms; Fuse's in ${fuseBuildMs.toFixed(0)} ms); ` +
    `${keystrokes.length} keystrokes of ${QUERIES.length} queries\n`,
);
console.log('| per keystroke | median ms | worst ms |');
console.log('|---|---|---|');
console.log(row('ours: word-index candidates + rankImported, first pass', oursCold));
console.log(row('ours: the same keystrokes again', oursWarm));
console.log(row('baseline: Fuse.js over every entry', baseline));
const slowest = oursWarm
  .map((ms, i) => [ms, keystrokes[i]!] as const)
  .sort((a, b) => b[0] - a[0])
  .slice(0, 5);
console.log(`\nSlowest keystrokes (second pass): ${slowest.map(([ms, q]) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`);
