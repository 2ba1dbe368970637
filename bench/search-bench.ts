/**
 * Search benchmark: how soon the popup can answer (Chromium, from opening popup.html), and one
 * keystroke's search with the bundled glossary plus notes, and with 1 000 and 10 000 generated
 * entries (future imported glossaries) — ours (exact/prefix index, then Fuse for the fuzzy rest)
 * beside plain Fuse.js over the same fields, in the same run. Prints tables; asserts nothing.
 *
 *   npx tsx bench/search-bench.ts      (the popup part needs `npm run build`)
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { launch } from './chromium';
import { SEARCH_READY_MARK } from './extension-names';
import { median } from './median';
import type { Glossary, GlossaryEntry } from '../core/glossary-schema';
import { GlossarySearch } from '../core/search';
import { foldText } from '../core/text-fold';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const QUERIES = [
  'e',
  'et',
  'eti',
  'etias',
  'noordzee',
  'cfsp',
  'art 350',
  'pentalaterall',
  'politieverdrag',
  'samenwerking',
];

function generated(n: number): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (let i = 0; i < n; i++) {
    const base = glossary.entries[i % glossary.entries.length]!;
    out.push({
      ...base,
      id: `${base.id}-${i}`,
      name: {
        nl: `${base.name.nl} ${i}`,
        en: `${base.name.en} ${i}`,
        fr: `${base.name.fr} ${i}`,
        de: `${base.name.de} ${i}`,
      },
      aliases: base.aliases.map((a) => ({ ...a, text: `${a.text} ${i}` })),
      inflections: [],
      legalRef: undefined,
    });
  }
  return out;
}

function time(fn: () => void, runs = 5): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const rows: string[][] = [];
for (const [label, entries] of [
  [`bundled (${glossary.entries.length}) + notes`, glossary.entries],
  ['1 000 entries', generated(1_000)],
  ['10 000 entries', generated(10_000)],
] as const) {
  const notes = new Map(
    entries.slice(0, 50).map((e) => [e.id, `Notitie over ${e.name.nl}: nog uitzoeken voor het overleg.`]),
  );
  let ours!: GlossarySearch;
  const buildOurs = time(() => (ours = new GlossarySearch(entries, { lang: 'nl', notes })), 1);
  const docs = entries.map((e) => ({
    name: [e.name.nl, e.name.en, ...e.abbreviations].map(foldText),
    alias: e.aliases.map((a) => foldText(a.text)),
    short: [foldText(e.short.nl)],
    note: [foldText(notes.get(e.id) ?? '')],
  }));
  const options = {
    keys: ['name', 'alias', 'note', 'short'],
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.34,
  };
  let fuse!: Fuse<(typeof docs)[number]>;
  const buildFuse = time(() => (fuse = new Fuse(docs, options, Fuse.createIndex(options.keys, docs))), 1);
  const oursMs = median(QUERIES.map((q) => time(() => ours.search(q))));
  const worst = Math.max(...QUERIES.map((q) => time(() => ours.search(q))));
  const fuseMs = median(QUERIES.map((q) => time(() => fuse.search(foldText(q), { limit: 20 }))));
  rows.push([
    label,
    buildOurs.toFixed(0),
    oursMs.toFixed(2),
    worst.toFixed(2),
    buildFuse.toFixed(0),
    fuseMs.toFixed(2),
  ]);
}
const head = [
  'glossary',
  'index build ms',
  'keystroke ms (median)',
  'keystroke ms (worst query)',
  'plain Fuse build ms',
  'plain Fuse keystroke ms',
];
console.log('\nSearch, one keystroke (Node; queries: ' + QUERIES.join(', ') + ')');
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// The popup: from opening popup.html until a query can be answered.
const browser = await launch({ extension: true });
const { context } = browser;
const id = browser.extensionId!;
try {
  const ready: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SEARCH_READY_MARK);
    ready.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, SEARCH_READY_MARK));
    await page.close();
  }
  console.log('\nPopup, Chromium: opening → first query answerable');
  console.log(
    `| first open ms | median of next 4 ms |\n|---|---|\n| ${ready[0]!.toFixed(0)} | ${median(ready.slice(1)).toFixed(0)} |`,
  );
} finally {
  await browser.close();
}
