import { describe, expect, it } from 'vitest';
import {
  compileGlossary,
  encodeCompiledGlossary,
  loadCompiledGlossary,
  storeCompiledGlossary,
} from '@/core/compiled-glossary';
import type { ImportedEntry } from '@/core/imported-schema';
import { buildTermIndex } from '@/core/term-index';
import { matcherFor } from '@/core/term-matcher';
import { beginImport, commitImport, openDatabase, setGlossaryEnabled, writeImportBatch } from '@/db';
import { sampleGlossary } from '@/test/sample-glossary';
import { buildEnabledSet } from './enabled-set';
import { RemoteMatcher } from './remote-matcher';

let n = 0;
const letter = sampleGlossary('2.0.0', ['etias', 'nsec']);
const bundled = storeCompiledGlossary(
  encodeCompiledGlossary(compileGlossary(letter.version, buildTermIndex(letter.entries))),
  letter.version,
);
const concept = (id: string, ...texts: string[]): ImportedEntry => ({
  id,
  terms: texts.map((text) => ({ lang: 'en', text })),
  definitions: [],
  subjectFields: [],
});

async function withImport(entries: ImportedEntry[], id = 'iate-energy') {
  const db = openDatabase(`enabled-set-${n++}`);
  const generation = await beginImport(db, id);
  await writeImportBatch(db, generation, entries);
  await commitImport(db, generation, { id, title: id, format: 'tbx' }, { languages: ['en'], entryCount: 1, bytes: 1 });
  return db;
}

const localMatches = (stored: Parameters<typeof loadCompiledGlossary>[0], text: string) =>
  matcherFor(loadCompiledGlossary(stored)!)
    .find(text)
    .map((m) => m.termId);

describe('the enabled glossaries, compiled into one matcher', () => {
  it('is the build’s own compiled letter while nothing else is on', async () => {
    const db = openDatabase(`enabled-set-${n++}`);
    const set = await buildEnabledSet(db, letter, bundled);
    expect(set.stored).toBe(bundled);
  });

  it('holds the letter and an import; the longest match wins, then the earlier glossary', async () => {
    const db = await withImport([concept('1', 'Energy Union'), concept('2', 'ETIAS'), concept('3', 'ETIAS fees')]);
    const set = await buildEnabledSet(db, letter, bundled);
    expect(set.version).not.toBe(letter.version);
    expect(localMatches(set.stored, 'The Energy Union and ETIAS; ETIAS fees.')).toEqual([
      'iate-energy:1',
      'etias',
      'iate-energy:3',
    ]);
    // Switched off: gone from the set; the letter off too: nothing left to match.
    await setGlossaryEnabled(db, 'iate-energy', false);
    expect((await buildEnabledSet(db, letter, bundled)).stored).toBe(bundled);
    await setGlossaryEnabled(db, 'letter', false);
    expect(localMatches((await buildEnabledSet(db, letter, bundled)).stored, 'ETIAS and the Energy Union')).toEqual([]);
  });

  it('compiles once per change: a second start reads the kept bytes', async () => {
    const db = await withImport([concept('1', 'Energy Union')]);
    const first = await buildEnabledSet(db, letter, bundled);
    let writes = 0;
    db.blobs.hook('creating', () => void writes++);
    db.blobs.hook('updating', () => void writes++);
    const second = await buildEnabledSet(db, letter, bundled);
    expect(second.stored).toEqual(first.stored);
    expect(writes).toBe(0);
  });

  it('too big to copy into every frame, is matched in the background by version', async () => {
    const db = await withImport([concept('1', 'Energy Union'), concept('2', 'smart grid', 'smart grids')]);
    const set = await buildEnabledSet(db, letter, bundled, 100);
    expect(set.stored).toMatchObject({ base64: '', route: 'background', version: set.version });
    expect(loadCompiledGlossary(set.stored)).toBeNull();
    const remote = new RemoteMatcher(() => Promise.resolve(set.compiled));
    const request = {
      version: set.version,
      texts: ['Smart grids for the Energy Union', 'ETIAS'],
      enabledIds: [],
      knownIds: [],
    };
    const answer = await remote.match(request);
    expect(answer).toEqual({
      stale: false,
      matches: [
        [
          { start: 0, end: 11, termId: 'iate-energy:2' },
          { start: 20, end: 32, termId: 'iate-energy:1' },
        ],
        [{ start: 0, end: 5, termId: 'etias' }],
      ],
    });
    // The reader's known terms are not matched; a frame on an older set is told so.
    expect(await remote.match({ ...request, knownIds: ['etias'] })).toMatchObject({ matches: [[{}, {}], []] });
    expect(await remote.match({ ...request, version: 'set-old' })).toEqual({ stale: true });
  });
});
