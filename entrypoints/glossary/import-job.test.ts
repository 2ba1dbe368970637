import { describe, expect, it } from 'vitest';
import { listGlossaries, openDatabase } from '@/db';
import type { FromWorker, ToWorker } from '@/ui-data/import-protocol';
import { parseGlossaryFile } from './import-api';
import { createImportJobs } from './import-job';

let n = 0;
const freshDb = () => openDatabase(`import-job-test-${n++}`);

const csv = (rows: number, header = 'id,en,nl,definition_en') =>
  [
    header,
    ...Array.from({ length: rows }, (_, i) => `${i + 1},term ${i + 1},term ${i + 1} nl,Definition ${i + 1}`),
  ].join('\n');

function worker(db = freshDb(), parse = parseGlossaryFile) {
  const posted: FromWorker[] = [];
  const jobs = createImportJobs({ db, parse, post: (m) => posted.push(m) });
  return { db, posted, handle: (m: ToWorker) => jobs.handle(m) };
}

const last = (posted: FromWorker[]) => posted.at(-1)!;

describe('the import worker', () => {
  it('previews the first entries and writes nothing', async () => {
    const { db, posted, handle } = worker();
    await handle({ type: 'preview', job: 1, file: new File([csv(50)], 'energy.csv') });
    const preview = last(posted);
    expect(preview).toMatchObject({ type: 'preview', job: 1, count: 20, languages: ['en', 'nl'] });
    expect(preview.type === 'preview' && preview.info).toMatchObject({ id: 'energy', fileName: 'energy.csv' });
    expect(preview.type === 'preview' && preview.entries[0]?.terms.map((t) => t.text)).toEqual(['term 1', 'term 1 nl']);
    expect(await db.generations.count()).toBe(0);
    expect(await db.concepts.count()).toBe(0);
  });

  it('gives the header’s cells when a CSV’s columns are not recognised', async () => {
    const { posted, handle } = worker();
    await handle({
      type: 'preview',
      job: 1,
      file: new File(['Kolom A,Kolom B,Kolom C\n1,ETIAS,reisvergunning\n'], 'x.csv'),
    });
    expect(last(posted)).toMatchObject({
      type: 'failed',
      failure: { code: 'csv-columns', columns: ['Kolom A', 'Kolom B', 'Kolom C'], line: 1 },
    });
  });

  it('imports the whole file, in batches, and makes it visible at the end', async () => {
    const { db, posted, handle } = worker();
    const file = new File([csv(1_234)], 'energy.csv');
    await handle({
      type: 'import',
      job: 2,
      file,
      glossaryId: 'energy',
      format: 'csv',
      choices: { languages: ['nl'] },
    });
    expect(last(posted)).toMatchObject({ type: 'done', job: 2, count: 1_234, languages: ['nl'] });
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ bytesRead: file.size, entries: 1_234 });
    const [row] = await listGlossaries(db);
    expect(row).toMatchObject({ id: 'energy', entryCount: 1_234, languages: ['nl'], format: 'csv', enabled: true });
    expect(row!.bytes).toBeGreaterThan(0);
    expect(await db.concepts.count()).toBe(1_234);
  });

  it('on an error half-way, posts where it is and leaves nothing', async () => {
    const { db, posted, handle } = worker();
    const text = `${csv(900)}\n7,again,weer,Twice`;
    await handle({
      type: 'import',
      job: 3,
      file: new File([text], 'energy.csv'),
      glossaryId: 'energy',
      format: 'csv',
      choices: {},
    });
    expect(last(posted)).toMatchObject({ type: 'failed', failure: { code: 'duplicate-id', line: 902 } });
    expect(await listGlossaries(db)).toEqual([]);
    expect(await db.concepts.count()).toBe(0);
    expect(await db.generations.count()).toBe(0);
  });

  it('on cancel, stops and leaves nothing', async () => {
    const { db, posted, handle } = worker();
    const running = handle({
      type: 'import',
      job: 4,
      file: new File([csv(5_000)], 'energy.csv'),
      glossaryId: 'energy',
      format: 'csv',
      choices: {},
    });
    // Cancel once the first batch is written.
    while (!posted.some((m) => m.type === 'progress' && m.entries > 0)) await new Promise((r) => setTimeout(r, 1));
    await handle({ type: 'cancel', job: 4 });
    await running;
    expect(last(posted)).toEqual({ type: 'cancelled', job: 4 });
    expect(await listGlossaries(db)).toEqual([]);
    expect(await db.concepts.count()).toBe(0);
  });

  it('refuses an import that keeps no entry', async () => {
    const { db, posted, handle } = worker();
    await handle({
      type: 'import',
      job: 5,
      file: new File([csv(10)], 'energy.csv'),
      glossaryId: 'energy',
      format: 'csv',
      choices: { languages: ['fr'] },
    });
    expect(last(posted)).toMatchObject({ type: 'failed', failure: { code: 'no-entries' } });
    expect(await listGlossaries(db)).toEqual([]);
  });

  it('imported again, updates the glossary in place', async () => {
    const { db, posted, handle } = worker();
    const run = (job: number, rows: number) =>
      handle({
        type: 'import',
        job,
        file: new File([csv(rows)], 'energy.csv'),
        glossaryId: 'energy',
        format: 'csv',
        choices: {},
      });
    await run(6, 10);
    await run(7, 12);
    expect(last(posted)).toMatchObject({ type: 'done', count: 12 });
    expect((await listGlossaries(db)).map((g) => [g.id, g.entryCount])).toEqual([['energy', 12]]);
  });
});
