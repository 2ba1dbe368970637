import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import * as repo from '@/db';
import { entryPosition, readMoreEntries, type EntriesRead } from './imported-entries';

let n = 0;
const entry = (id: string, text: string): ImportedEntry => ({
  id,
  terms: [{ lang: 'en', text }],
  definitions: [],
  subjectFields: [],
});

/** A database holding glossary "g" of `entries`. */
async function glossaryOf(entries: ImportedEntry[]) {
  const db = repo.openDatabase(`imported-entries-test-${n++}`);
  const generation = await repo.beginImport(db, 'g', 1);
  await repo.writeImportBatch(db, generation, entries, 1);
  await repo.commitImport(
    db,
    generation,
    { id: 'g', title: 'G', format: 'json' },
    { languages: ['en'], entryCount: entries.length, bytes: 1 },
    1,
  );
  return { db, repo };
}

/** Reads as the list does when it is scrolled to `wanted` rows, read by read. */
async function readTo(page: Awaited<ReturnType<typeof glossaryOf>>, word: string, wanted: number) {
  const read: EntriesRead = { entries: [], complete: false, wanted };
  let reads = 0;
  while (!read.complete && read.entries.length < read.wanted) {
    Object.assign(read, await readMoreEntries(page, 'g', word, read));
    reads++;
  }
  return { ...read, reads };
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => `e${String(i).padStart(5, '0')}`);

describe('readMoreEntries', () => {
  it('reads the unfiltered list in id order, a page after the last, to its end', async () => {
    const page = await glossaryOf(ids(450).map((id) => entry(id, `term ${id}`)));
    const first = await readTo(page, '', 10);
    expect(first.entries.length).toBeGreaterThanOrEqual(10);
    expect(first.entries.map((e) => e.id)).toEqual(ids(first.entries.length));
    expect(first.complete).toBe(false);
    const all = await readTo(page, '', 10_000);
    expect(all.entries.map((e) => e.id)).toEqual(ids(450));
    expect(all.complete).toBe(true);
  });

  it('reads far ahead in a few big reads (a jump to the bottom)', async () => {
    const page = await glossaryOf(ids(12_000).map((id) => entry(id, `t${id}`)));
    const all = await readTo(page, '', 12_000);
    expect(all.entries).toHaveLength(12_000);
    expect(all.reads).toBeLessThanOrEqual(4);
  });

  it('finds every match of a word past the first read, each once', async () => {
    // Matches sorted by word are not in id order: an id cursor would skip some.
    const entries = ids(500).map((id, i) => entry(id, `${i % 2 ? 'energy' : 'other'} ${String(999 - i)} word`));
    entries.push(entry('z-first', 'energy aaa'));
    const page = await glossaryOf(entries);
    const found = await readTo(page, 'Énerg', 10_000);
    expect(found.complete).toBe(true);
    expect(new Set(found.entries.map((e) => e.id)).size).toBe(251);
    expect(found.entries).toHaveLength(251);
  });
});

describe('entryPosition', () => {
  it('gives an entry its row in the unfiltered list, and null for one not there', async () => {
    const page = await glossaryOf(['b', 'a', 'd', 'c'].map((id) => entry(id, `term ${id}`)));
    expect(await entryPosition(page, 'g', 'c')).toEqual({ index: 2, entry: entry('c', 'term c') });
    expect(await entryPosition(page, 'g', 'x')).toBeNull();
    expect(await entryPosition(page, 'other', 'a')).toBeNull();
  });
});
