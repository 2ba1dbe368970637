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
import {
  beginImport,
  commitImport,
  deleteMyTerm,
  openDatabase,
  saveMyTerm,
  setGlossaryEnabled,
  setGlossaryOrder,
  writeImportBatch,
} from '@/db';
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
    const remote = new RemoteMatcher(() => Promise.resolve(set));
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
  it('with my terms: adding one recompiles my terms alone, and their matches join the big set’s', async () => {
    const db = await withImport([concept('1', 'Energy Union'), concept('2', 'smart grid', 'smart grids')]);
    const before = await buildEnabledSet(db, letter, bundled, 100);
    const term = await saveMyTerm(db, { name: 'Carbon Border Adjustment Mechanism', abbreviation: 'CBAM', lang: 'en' });
    await saveMyTerm(db, { name: 'smart grids', lang: 'en' });
    const set = await buildEnabledSet(db, letter, bundled, 100);
    // The imports' set is the kept one (the same version, read back), only the small one is new.
    expect(set.compiled?.version).toBe(before.compiled?.version);
    expect((await db.blobs.get('enabledSet'))?.version).toBe(before.compiled?.version);
    expect(set.version).not.toBe(before.version);
    expect(set.stored).toMatchObject({ route: 'background', version: set.version });

    const remote = new RemoteMatcher(() => Promise.resolve(set));
    const request = { version: set.version, texts: ['CBAM and smart grids'], enabledIds: [], knownIds: [] };
    const mineKey = (name: string) => expect.stringMatching(new RegExp(`^my-terms:${name}`)) as unknown as string;
    // The same words in both: the import is first in the reader's order, my term is named beside it.
    expect(await remote.match(request)).toEqual({
      stale: false,
      matches: [
        [
          { start: 0, end: 4, termId: `my-terms:${term.id}` },
          { start: 9, end: 20, termId: 'iate-energy:2', others: [mineKey('smart-grids')] },
        ],
      ],
    });
    // My terms first in the list: theirs wins (the big set is not recompiled for an order).
    await setGlossaryOrder(db, ['my-terms', 'letter', 'iate-energy']);
    const reordered = await buildEnabledSet(db, letter, bundled, 100);
    expect(reordered.compiled?.version).toBe(before.compiled?.version);
    const answer = await new RemoteMatcher(() => Promise.resolve(reordered)).match({
      ...request,
      version: reordered.version,
    });
    expect(answer).toMatchObject({ matches: [[{}, { termId: mineKey('smart-grids'), others: ['iate-energy:2'] }]] });

    await deleteMyTerm(db, term.id);
    const after = await new RemoteMatcher(() => buildEnabledSet(db, letter, bundled, 100)).match({
      ...request,
      version: (await buildEnabledSet(db, letter, bundled, 100)).version,
    });
    expect(after).toMatchObject({ matches: [[{ start: 9, end: 20 }]] });
  });

  it('judges a big import as one glossary, not each chunk of entries the database gives on its own', async () => {
    // 6 000 entries, read back in chunks of 5 000. The glossary writes its phrases in lower case, as
    // IATE does ("energy union"), so a capital first letter marks a name ("Air quality", say a
    // programme's): matched, though made of common words. The last 1 000 entries alone write phrases capitalised;
    // judged on their own, they made it a generic phrase, left out.
    const lower = Array.from({ length: 5_000 }, (_, i) =>
      concept(`a${String(i).padStart(4, '0')}`, `zorbic phase ${i}`),
    );
    const upper = Array.from({ length: 999 }, (_, i) => concept(`b${String(i).padStart(4, '0')}`, `Zorbic Phase ${i}`));
    const db = await withImport([...lower, ...upper, concept('c', 'Air quality')]);
    const set = await buildEnabledSet(db, letter, bundled, 100);
    const remote = new RemoteMatcher(() => Promise.resolve(set));
    const request = { version: set.version, texts: ['Air quality is measured.'], enabledIds: [], knownIds: [] };
    expect(await remote.match(request)).toEqual({
      stale: false,
      matches: [[{ start: 0, end: 11, termId: 'iate-energy:c' }]],
    });
  });

  it('small enough for frames, holds my terms with the rest', async () => {
    const db = openDatabase(`enabled-set-${n++}`);
    await saveMyTerm(db, { name: 'Pentalateraal Energieforum', abbreviation: 'PENTA', lang: 'nl' });
    const set = await buildEnabledSet(db, letter, bundled);
    expect(set.stored.route).not.toBe('background');
    expect(localMatches(set.stored, 'Het Pentalateraal Energieforum (PENTA) en ETIAS')).toEqual([
      expect.stringMatching(/^my-terms:/),
      expect.stringMatching(/^my-terms:/),
      'etias',
    ]);
    await setGlossaryEnabled(db, 'my-terms', false);
    expect((await buildEnabledSet(db, letter, bundled)).stored).toBe(bundled);
  });
});
