/**
 * Import benchmark: a generated IATE-shaped TBX (scripts/make-tbx.ts, 100 000 concepts in nl, en, fr, de) parsed
 * in Node from a file stream, as the import worker reads a File: ours (parseGlossaryFile: decode, saxes, entries
 * fitted, validated and batched) beside two floors measured in the same run — decoding alone, and saxes alone with
 * no handlers. Prints a table; asserts nothing. The whole import's goal is 60 s with the database writes, so
 * parsing should stay well under 30 s.
 *
 *   npx tsx bench/import-parse.ts [--file /tmp/import-bench.tbx] [--concepts 100000]
 *
 * The file is generated once if it is missing.
 */
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { SaxesParser } from 'saxes';
import { decodeText } from '../core/import/decode';
import { parseGlossaryFile } from '../core/import/index';
import { writeTbxFile } from '../scripts/make-tbx';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '/tmp/import-bench.tbx' },
    concepts: { type: 'string', default: '100000' },
  },
});
const file = values.file;
if (!existsSync(file)) {
  console.log(`Generating ${file} (${values.concepts} concepts) …`);
  await writeTbxFile(file, { concepts: Number(values.concepts), langs: ['nl', 'en', 'fr', 'de'] });
}
const megabytes = statSync(file).size / 1e6;

/** A fresh File-like stream of the file, as `File.stream()` gives it in the worker. */
const stream = async () => (await openAsBlob(file)).stream();

type Timing = { seconds: number; cpu: number; entries: number };

/** Wall time and this process's CPU time: the machine may be shared, and CPU time is what the import costs. */
async function time(run: () => Promise<number>): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const entries = await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, entries };
}

const decodeOnly = await time(async () => {
  for await (const text of decodeText(await stream(), { xml: true })) void text;
  return 0;
});

const saxesOnly = await time(async () => {
  const parser = new SaxesParser({ position: true, xmlns: false });
  let elements = 0;
  parser.on('opentag', () => elements++);
  for await (const text of decodeText(await stream(), { xml: true })) parser.write(text);
  parser.close();
  return 0;
});

let batches = 0;
const parse = (onBatch: (batch: unknown[]) => void) =>
  time(async () => {
    batches = 0;
    const result = await parseGlossaryFile(await stream(), { fileName: 'import-bench.tbx' }, (batch) => {
      batches++;
      onBatch(batch);
    });
    return result.count;
  });
const ours = await parse(() => undefined);
// What the worker adds: each batch copied by postMessage (structuredClone is the same algorithm).
const oursPosted = await parse((batch) => structuredClone(batch));

const row = (name: string, r: Timing) =>
  `${name.padEnd(52)} ${r.seconds.toFixed(2).padStart(6)} s ${r.cpu.toFixed(2).padStart(6)} s ` +
  `${(megabytes / r.seconds).toFixed(1).padStart(6)} MB/s` +
  (r.entries
    ? ` ${Math.round(r.entries / r.seconds)
        .toLocaleString('en')
        .padStart(8)} entries/s`
    : '');

console.log(`\nImport parse: ${file}, ${megabytes.toFixed(1)} MB (load average ${loadavg()[0]!.toFixed(1)})\n`);
console.log(`${''.padEnd(52)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)}`);
console.log(row('decode only (floor)', decodeOnly));
console.log(row('decode + saxes, no handlers (floor)', saxesOnly));
console.log(row(`parseGlossaryFile (${ours.entries} entries, ${batches} batches)`, ours));
console.log(row('parseGlossaryFile + structuredClone of each batch', oursPosted));
