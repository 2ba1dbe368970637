/**
 * Fuzz: mutated files the reader imports — notes exports, backups, glossary files (TBX, CSV, JSON) —
 * through the real parsers and the real writes, on a database (fake-indexeddb). Each is imported
 * cleanly or refused with an error that says what and where; a refused file changes nothing in the
 * database (compared table by table), nothing throws a raw exception, nothing hangs.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGlossaryJson } from '@/core/import';
import type { ImportedEntry } from '@/core/imported-schema';
import {
  beginImport,
  checkBackup,
  collectBackup,
  collectGarbage,
  commitImport,
  deleteGlossary,
  ensureLetterRow,
  markKnown,
  openDatabase,
  restoreBackup,
  saveNote,
  seedGlossary,
  writeImportBatch,
  type GlossaryDatabase,
} from '@/db';
import { createHandlers } from '@/entrypoints/background/handlers';
import { parseGlossaryFile } from '@/entrypoints/glossary/import-api';
import { createImportJobs } from '@/entrypoints/glossary/import-job';
import { sampleGlossary } from '@/test/sample-glossary';
import type { FromWorker } from '@/ui-data/import-protocol';
import { FILE_RUNS, fcOptions, fileLike, isClearMessage, report, Tally, TIME_LIMIT } from './fuzz';

const tallies: Tally[] = [];
afterAll(() => report(tallies));

const GLOSSARY = sampleGlossary('1.0.0', ['etias', 'nsec', 'gbvb']);

const entry = (id: string, text: string): ImportedEntry => ({
  id,
  terms: [
    { lang: 'en', text },
    { lang: 'nl', text: `${text} (nl)` },
  ],
  definitions: [{ lang: 'en', text: `What ${text} means.` }],
  subjectFields: [],
});

/**
 * What the reader has, table by table: what "nothing changed" is compared against. Rows under a
 * generation no glossary points at are left out: they are invisible, and the clean-up that a refused
 * import runs may collect those an earlier import left (that is not a write of the refused file).
 */
async function snapshot(db: GlossaryDatabase): Promise<unknown> {
  const rows = await db.transaction('r', db.tables, () =>
    Promise.all(db.tables.map(async (t) => [t.name, (await t.toArray()) as unknown[]] as const)),
  );
  const all = Object.fromEntries(rows);
  const live = new Set((all.glossaries as { generation: string }[]).map((g) => g.generation));
  const visible = (row: unknown) => {
    const generation = (row as { generation?: unknown }).generation;
    return typeof generation !== 'string' || live.has(generation);
  };
  for (const name of ['concepts', 'wordIndex']) all[name] = all[name]!.filter(visible);
  // A refused import leaves no generation that is still writing or visible.
  all.generations = all.generations!.filter((g) => (g as { state: string }).state !== 'stale');
  return all;
}

async function populated(name: string): Promise<GlossaryDatabase> {
  const db = openDatabase(name);
  await seedGlossary(db, GLOSSARY);
  await ensureLetterRow(db, GLOSSARY, 1);
  await saveNote(db, { termId: 'etias', text: 'Mine, before', baseRevision: 0, baseText: '' }, 5);
  await markKnown(db, 'nsec', true);
  const generation = await beginImport(db, 'energy', 2);
  await writeImportBatch(db, generation, [entry('1', 'grid'), entry('2', 'feed-in tariff')], 2);
  await commitImport(
    db,
    generation,
    { id: 'energy', title: 'Energy', format: 'csv' },
    { languages: ['en', 'nl'], entryCount: 2, bytes: 9 },
    2,
  );
  return db;
}

/** Refused: an Error with a clear message, and the database as it was. */
async function expectRefusedCleanly(db: GlossaryDatabase, before: unknown, message: string): Promise<void> {
  expect(isClearMessage(message), message).toBe(true);
  expect(await snapshot(db)).toEqual(before);
}

describe('fuzz: files', () => {
  let db: GlossaryDatabase;
  beforeAll(async () => {
    db = await populated('fuzz-files');
  });

  const notes = new Tally('notes exports');
  tallies.push(notes);
  it(
    `notes exports: ${FILE_RUNS} mutated files, imported whole or refused with nothing written`,
    async () => {
      const handlers = createHandlers(db, GLOSSARY);
      const valid = {
        format: 'benelux-glossary-notes',
        version: 2,
        exportedAt: '2026-12-01T10:00:00.000Z',
        notes: [
          { termId: 'etias', text: 'Newer text', createdAt: 1, updatedAt: 9e12, revision: 3 },
          { termId: 'gbvb', text: 'Another', createdAt: 1, updatedAt: 2, revision: 1, termName: 'GBVB' },
          { termId: 'energy:1', text: 'On an imported entry', createdAt: 1, updatedAt: 2, revision: 1 },
        ],
      };
      await fc.assert(
        fc.asyncProperty(fileLike(JSON.stringify(valid, null, 2), valid), async (json) => {
          const before = await snapshot(db);
          try {
            await handlers.importNotes({ json }, {});
            notes.accept();
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            await expectRefusedCleanly(db, before, (error as Error).message);
            notes.reject();
          }
        }),
        fcOptions(FILE_RUNS),
      );
    },
    TIME_LIMIT,
  );

  const backups = new Tally('backups');
  tallies.push(backups);
  it(
    `backups: ${FILE_RUNS} mutated files, restored whole or refused with nothing written`,
    async () => {
      let text = '';
      const chunks = await collectBackup(db, {
        settings: { highlightMode: 'first' },
        extensionVersion: '0.1.0',
        includeGlossaries: true,
        now: 10,
      });
      for await (const piece of chunks) text += piece;
      await fc.assert(
        fc.asyncProperty(fileLike(text, JSON.parse(text)), async (file) => {
          const before = await snapshot(db);
          try {
            await restoreBackup(db, await checkBackup(db, file), { now: 20 });
            backups.accept();
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            await expectRefusedCleanly(db, before, (error as Error).message);
            backups.reject();
          }
        }),
        fcOptions(FILE_RUNS),
      );
    },
    TIME_LIMIT,
  );

  const fixture = (name: string) =>
    readFileSync(new URL(`../../core/import/fixtures/${name}`, import.meta.url), 'utf8');
  const json = exportGlossaryJson({ id: 'fuzz-json', title: 'Fuzz' }, [entry('a', 'grid'), entry('b', 'tariff')]);
  const glossaryFiles: [string, string, unknown?][] = [
    ['iate.tbx', fixture('iate-v3.tbx')],
    ['martif.tbx', fixture('martif.tbx')],
    ['sheets.csv', fixture('sheets.csv')],
    ['excel.csv', fixture('excel.csv')],
    ['fuzz.json', json, JSON.parse(json)],
  ];

  const glossaries = new Tally('glossary files (TBX, CSV, JSON)');
  tallies.push(glossaries);
  it(
    `glossary files: ${FILE_RUNS} mutated TBX, CSV and JSON files, previewed and imported or refused with nothing written`,
    async () => {
      let job = 0;
      const posted: FromWorker[] = [];
      const jobs = createImportJobs({ db, parse: parseGlossaryFile, post: (m) => posted.push(m) });
      const last = () => posted.at(-1)!;
      const files = fc
        .constantFrom(...glossaryFiles)
        .chain(([name, text, value]) => fileLike(text, value).map((mutated) => new File([mutated], name)));
      await fc.assert(
        fc.asyncProperty(files, async (file) => {
          const before = await snapshot(db);
          await jobs.handle({ type: 'preview', job: ++job, file });
          let answer = last();
          if (answer.type === 'preview') {
            const { info } = answer;
            await jobs.handle({
              type: 'import',
              job: ++job,
              file,
              glossaryId: info.id,
              format: info.format,
              choices: {},
            });
            answer = last();
          }
          if (answer.type === 'done') {
            expect((await db.glossaries.get(answer.info.id))?.entryCount).toBe(answer.count);
            // Taken out again (but the one the database started with), so the database stays small.
            if (answer.info.id !== 'energy') await deleteGlossary(db, answer.info.id).then(() => collectGarbage(db));
            glossaries.accept();
            return;
          }
          expect(answer.type).toBe('failed');
          await expectRefusedCleanly(db, before, answer.type === 'failed' ? answer.failure.message : '');
          glossaries.reject();
        }),
        fcOptions(FILE_RUNS),
      );
    },
    TIME_LIMIT,
  );
});
