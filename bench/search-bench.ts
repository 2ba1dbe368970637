/**
 * Search benchmark: how soon the popup can answer (Chromium, from opening popup.html), and one
 * keystroke's search with the bundled glossary plus notes, and with 1 000 and 10 000 generated
 * entries (future imported glossaries) — ours (exact/prefix index, then Fuse for the fuzzy rest)
 * beside plain Fuse.js over the same fields, in the same run. Prints tables; asserts nothing.
 *
 *   npx tsx bench/search-bench.ts [--node-only | --popup-only] [--sessions=N] [--against=DIR]
 *   (the popup part needs `npm run build` and starts Chromium; --node-only leaves it out)
 *
 * Two sets of queries: the keystrokes below as typed whole, and readers' queries (words out of
 * order, typos, legal references, names only an explanation mentions) typed letter by letter,
 * every prefix a keystroke. Each query's time is the median of 5 runs; the table gives the median
 * over the queries and the slowest query.
 *
 * The popup part starts a fresh browser N times (default 3), opens the popup 5 times in each and
 * prints medians: the first open of a session (nothing cached, code not compiled yet) and the next 4.
 * --against=DIR measures another build too (say, the previous commit's .output/chrome-mv3, copied),
 * session by session in turn, so both see the same machine.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import path from 'node:path';
import { extensionDir, launch } from './chromium';
import { SEARCH_READY_MARK, SEARCH_READY_NOTES_MARK } from './extension-names';
import { median } from './median';
import type { Glossary, GlossaryEntry } from '../core/glossary-schema';
import { buildSearchIndex, GlossarySearch, type SearchIndexData } from '../core/search';
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
// Readers' queries (as in core/search-queries.test.ts), each typed one letter at a time.
const TYPED = [
  'verdrag politie',
  'zaken binnenlandse justitie',
  'pentalatreal',
  'verdrag politei',
  'TFUE art 350',
  'Brundtland',
  'wind zeeland',
  'Intérieur Relations Royaume',
];
const KEYSTROKES = [...new Set(TYPED.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((p) => p.trim())))];

if (process.argv.includes('--help')) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

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

const popupOnly = process.argv.includes('--popup-only');
const nodeOnly = process.argv.includes('--node-only');
const sessions = Number(process.argv.find((a) => a.startsWith('--sessions='))?.split('=')[1] ?? 3);

const rows: string[][] = [];
for (const [label, entries] of popupOnly
  ? []
  : ([
      [`bundled (${glossary.entries.length}) + notes`, glossary.entries],
      ['1 000 entries', generated(1_000)],
      ['10 000 entries', generated(10_000)],
    ] as const)) {
  const notes = new Map(
    entries.slice(0, 50).map((e) => [e.id, `Notitie over ${e.name.nl}: nog uitzoeken voor het overleg.`]),
  );
  let ours!: GlossarySearch;
  const buildOurs = time(() => (ours = new GlossarySearch(entries, { lang: 'nl', notes })), 1);
  // What a page pays when the build made the index (the bundled glossary): parse its JSON, add notes.
  const indexJson = JSON.stringify(buildSearchIndex(entries, 'nl'));
  let loaded!: GlossarySearch;
  const loadOurs = time(
    () => (loaded = new GlossarySearch(JSON.parse(indexJson) as SearchIndexData, { lang: 'nl', notes })),
    1,
  );
  // The first typo after loading also builds the trigram indexes of the index's words.
  const firstTypo = time(() => loaded.search('pentalatreal'), 1);
  // Plain Fuse over the fields ours searches: names in every language, expansions, aliases, the
  // reader's explanations and notes.
  const docs = entries.map((e) => ({
    name: [...Object.values(e.name), ...e.abbreviations, ...Object.values(e.expansion ?? {})].map(foldText),
    alias: e.aliases.map((a) => foldText(a.text)),
    short: [foldText(e.short.nl)],
    long: [foldText(e.long.nl)],
    note: [foldText(notes.get(e.id) ?? '')],
  }));
  const options = {
    keys: ['name', 'alias', 'note', 'short', 'long'],
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.34,
  };
  let fuse!: Fuse<(typeof docs)[number]>;
  const buildFuse = time(() => (fuse = new Fuse(docs, options, Fuse.createIndex(options.keys, docs))), 1);
  for (const [set, queries] of [
    ['keystrokes', QUERIES],
    ['readers, typed', KEYSTROKES],
  ] as const) {
    const ours_ = queries.map((q) => time(() => ours.search(q)));
    // Plain Fuse over 10 000 long explanations takes seconds a query: the keystrokes only, once each.
    const fuseRuns = entries.length > 1_000 ? (queries === QUERIES ? 1 : 0) : 5;
    const fuse_ = fuseRuns ? queries.map((q) => time(() => fuse.search(foldText(q), { limit: 20 }), fuseRuns)) : [];
    rows.push([
      label,
      `${set} (${queries.length})`,
      buildOurs.toFixed(0),
      loadOurs.toFixed(0),
      firstTypo.toFixed(1),
      median(ours_).toFixed(2),
      Math.max(...ours_).toFixed(2),
      buildFuse.toFixed(0),
      fuse_.length ? median(fuse_).toFixed(2) : '—',
    ]);
  }
}
if (!popupOnly) {
  const head = [
    'glossary',
    'queries',
    'index build ms',
    'index load ms (built ahead)',
    'first typo after load ms',
    'keystroke ms (median)',
    'keystroke ms (worst query)',
    'plain Fuse build ms',
    'plain Fuse keystroke ms',
  ];
  console.log(`\nSearch, one keystroke (Node; keystrokes: ${QUERIES.join(', ')}; readers: ${TYPED.join(', ')})`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

// The popup: from opening popup.html until a query can be answered, and until notes are searched too.
// The marks are awaited with a PerformanceObserver in one evaluate: polling with waitForFunction
// would inject the driver's script (~35 ms of main thread) into the popup while it starts.
// --against=DIR: another build (e.g. of the previous commit) in alternate sessions of the same run.
const against = process.argv.find((a) => a.startsWith('--against='))?.split('=')[1];
const builds = nodeOnly ? [] : [extensionDir(), ...(against ? [path.resolve(against)] : [])];
const marks = [SEARCH_READY_MARK, SEARCH_READY_NOTES_MARK];
const results = builds.map(() => ({ first: [[], []] as number[][], later: [[], []] as number[][] }));
for (let s = 0; s < sessions; s++) {
  for (const [b, dir] of builds.entries()) {
    const browser = await launch({ extension: true, extensionDir: dir });
    try {
      for (let i = 0; i < 5; i++) {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/popup.html`, { waitUntil: 'commit' });
        const times = await page.evaluate(
          (names) =>
            new Promise<(number | null)[]>((resolve) => {
              const get = () => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null);
              // A build without the notes mark (older) gets a second after the first one.
              const check = () => {
                const t = get();
                if (t[0] !== null) setTimeout(() => resolve(get()), 1000);
                if (t.every((x) => x !== null)) resolve(t);
                return t[0] !== null;
              };
              if (!check())
                new PerformanceObserver((_list, observer) => check() && observer.disconnect()).observe({
                  type: 'mark',
                });
            }),
          marks,
        );
        times.forEach((t, m) => (i === 0 ? results[b]!.first : results[b]!.later)[m]!.push(t ?? NaN));
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
}
if (builds.length) {
  console.log(
    `\nPopup, Chromium: opening → first query answerable (${sessions} fresh browsers per build, 5 opens each)`,
  );
  console.log('| build | search covers | first open ms (median) | next 4 opens ms (median) |\n|---|---|---|---|');
}
const ms = (values: number[]) => (values.some(Number.isNaN) ? '—' : median(values).toFixed(0));
builds.forEach((dir, b) =>
  ['the glossary', 'the glossary and notes'].forEach((label, m) =>
    console.log(
      `| ${b === 0 ? 'this build' : (against ?? dir)} | ${label} | ${ms(results[b]!.first[m]!)} | ${ms(results[b]!.later[m]!)} |`,
    ),
  ),
);
