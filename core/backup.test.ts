import { describe, expect, it } from 'vitest';
import {
  BackupError,
  backupChunks,
  backupSchema,
  parseBackup,
  summarizeBackup,
  type Backup,
  type BackupGlossarySource,
} from './backup';
import { sampleBackup } from '@/test/sample-backup';
import type { ImportedEntry } from './imported-schema';

const letterTermIds = new Set(['etias', 'nsec']);

const entry = (id: string, text = `term ${id}`): ImportedEntry => ({
  id,
  terms: [{ lang: 'en', text }],
  definitions: [{ lang: 'en', text: `Definition of ${text}` }],
  subjectFields: ['energy'],
});

/** Entries in chunks, as the database hands them out. */
function* inChunks(entries: ImportedEntry[], size: number): Generator<ImportedEntry[]> {
  for (let i = 0; i < entries.length; i += size) yield entries.slice(i, i + size);
}

async function text(head: Omit<Backup, 'glossaryFiles'>, files: BackupGlossarySource[] | null): Promise<string> {
  let out = '';
  for await (const piece of backupChunks(head, files)) out += piece;
  return out;
}

const energy = () => [entry('1', 'Energy Union'), entry('2', 'grid code'), entry('7', 'interconnector')];
const withEntries = () =>
  text(sampleBackup(), [{ id: 'iate-energy', title: 'IATE energy', entries: inChunks(energy(), 2) }]);

/** The problems a file is refused with (fails the test when it is accepted). */
async function refused(raw: string): Promise<string[]> {
  try {
    await parseBackup(raw, { letterTermIds });
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    expect((e as Error).message).toMatch(/^The backup was not restored; nothing changed\./);
    return (e as BackupError).problems;
  }
  throw new Error('the file was accepted');
}

/** The file as JSON, its glossary files there (tests that edit them write files with them). */
type Json = Backup & { glossaryFiles: NonNullable<Backup['glossaryFiles']> };

/** The file changed by `change`; values of the wrong type are set `as never`. */
function edited(change: (json: Json) => void, raw: string): string {
  const json = JSON.parse(raw) as Json;
  change(json);
  return JSON.stringify(json);
}

describe('the backup file', () => {
  it('reads back what it wrote, with and without the glossaries’ entries', async () => {
    const head = sampleBackup();
    expect(await parseBackup(await text(head, null), { letterTermIds })).toEqual(head);
    const progress: [number, number][] = [];
    const back = await parseBackup(await withEntries(), {
      letterTermIds,
      chunk: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(back).toEqual({
      ...head,
      glossaryFiles: [
        {
          format: 'benelux-glossary',
          version: 1,
          glossary: { id: 'iate-energy', title: 'IATE energy' },
          entries: energy(),
        },
      ],
    });
    expect(backupSchema.safeParse(back).success).toBe(true);
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(summarizeBackup(back)).toEqual({
      notes: 2,
      known: 1,
      glossaries: 1,
      entries: 3,
      listedOnly: [],
      settings: 4,
    });
    expect(summarizeBackup(head as Backup).listedOnly).toEqual(['iate-energy']);
  });

  it('writes each glossary as a file of the JSON glossary format, one entry a line', async () => {
    const raw = await withEntries();
    const json = JSON.parse(raw) as Backup;
    expect(json.glossaryFiles?.[0]).toMatchObject({ format: 'benelux-glossary', version: 1 });
    expect(raw.split('\n').filter((line) => line.startsWith('{"id":'))).toHaveLength(3);
  });

  it('refuses a file that is not JSON, or cut short', async () => {
    const raw = await withEntries();
    expect(await refused(raw.slice(0, raw.length / 2))).toEqual([
      expect.stringMatching(/^the file is not valid JSON \(is it cut short\?\): /),
    ]);
    expect(await refused('')).toEqual([expect.stringMatching(/not valid JSON/)]);
  });

  it('refuses another format, or another version, and names which', async () => {
    const raw = await text(sampleBackup(), null);
    expect(await refused(edited((j) => (j.format = 'something-else' as never), raw))).toEqual([
      'format: this is not a Benelux Glossary backup (its "format" is "something-else", not "benelux-glossary-backup")',
    ]);
    expect(await refused(JSON.stringify(sampleBackup().notes))).toEqual([
      expect.stringMatching(/notes export, not a backup/),
    ]);
    expect(await refused(edited((j) => (j.version = 2 as never), raw))).toEqual([
      expect.stringMatching(/^version: this backup is version 2, made by a newer Benelux Glossary/),
    ]);
    expect(await refused(edited((j) => (j.version = '1' as never), raw))).toEqual([
      expect.stringMatching(/^version: "1" is not a backup version/),
    ]);
  });

  it('refuses a bad note, a note on an unknown term, a bad setting, a stray field, and names where', async () => {
    const raw = await text(sampleBackup(), null);
    expect(await refused(edited((j) => (j.notes.notes[1]!.text = 'x'.repeat(10_001)), raw))).toEqual([
      'notes.notes[1].text: a note holds at most 10000 characters',
    ]);
    expect(await refused(edited((j) => (j.notes.notes[0]!.termId = 'no-such-term'), raw))).toEqual([
      'notes.notes[0].termId: no glossary term "no-such-term"',
    ]);
    expect(await refused(edited((j) => (j.settings.dwellMs = 99_999), raw))).toEqual([
      expect.stringMatching(/^settings\.dwellMs: /),
    ]);
    expect(await refused(edited((j) => (j.settings.highlightMode = 'some' as never), raw))).toEqual([
      expect.stringMatching(/^settings\.highlightMode: /),
    ]);
    // benchTimings is not the reader's: a backup never carries it.
    expect(await refused(edited((j) => ((j.settings as Record<string, unknown>).benchTimings = true), raw))).toEqual([
      expect.stringMatching(/^settings: .*benchTimings/),
    ]);
    expect(await refused(edited((j) => (j.known[0]!.termId = 'Not An Id'), raw))).toEqual([
      expect.stringMatching(/^known\[0\]\.termId: /),
    ]);
  });

  it('refuses an id twice: a glossary, a known term, a glossary file, an entry', async () => {
    const raw = await withEntries();
    expect(await refused(edited((j) => (j.glossaries[1]!.id = 'iate-energy'), raw))).toEqual([
      'glossaries[1].id: "iate-energy" appears twice',
      'glossaries[1].format: "bundled" for the glossary "iate-energy"',
    ]);
    expect(await refused(edited((j) => void j.known.push(j.known[0]!), raw))).toEqual([
      'known[1].termId: "nsec" appears twice',
    ]);
    expect(await refused(edited((j) => void j.glossaryFiles.push(j.glossaryFiles[0]!), raw))).toEqual([
      'glossaryFiles[1].glossary.id: "iate-energy" appears twice',
    ]);
    expect(await refused(edited((j) => (j.glossaryFiles[0]!.entries[2]!.id = '1'), raw))).toEqual([
      'glossary "iate-energy": entry 1 appears twice: glossaryFiles[0].entries[0] and glossaryFiles[0].entries[2].',
    ]);
  });

  it('refuses a bad entry, naming it, and a glossary file for a glossary not in the list', async () => {
    const raw = await withEntries();
    expect(await refused(edited((j) => (j.glossaryFiles[0]!.entries[1]!.terms[0]!.lang = 'English'), raw))).toEqual([
      expect.stringMatching(
        /^glossary "iate-energy": glossaryFiles\[0\]\.entries\[1\]\.terms\[0\]\.lang \(entry 2\): /,
      ),
    ]);
    expect(await refused(edited((j) => (j.glossaryFiles[0]!.glossary.id = 'other'), raw))).toEqual([
      'glossaryFiles[0].glossary.id: "other" is not in "glossaries"',
    ]);
  });
});
