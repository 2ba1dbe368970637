import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { decodeSyncArea, encodeDoc, type SyncDoc, type SyncItems } from '@/core/sync';
import { myTermEntry } from '@/core/my-terms';
import { getImportedEntry, importedCandidates, myTerms, openDatabase, saveMyTerm, saveNote } from '@/db';
import { dwellMs, syncEnabled } from '@/settings';
import { syncDevice, syncStatus } from '@/settings/sync-status';
import { createSync, type SyncArea } from './sync';

let n = 0;
const T0 = Date.now() - 60_000;

/** storage.sync as a plain object, counting writes. */
function fakeArea(): SyncArea & { items: SyncItems; writes: number } {
  const area = {
    items: {} as SyncItems,
    writes: 0,
    get: () => Promise.resolve(structuredClone(area.items)),
    set: (items: SyncItems) => {
      area.writes++;
      Object.assign(area.items, structuredClone(items));
      return Promise.resolve();
    },
    remove: (keys: string[]) => {
      area.writes++;
      for (const key of keys) delete area.items[key];
      return Promise.resolve();
    },
  };
  return area;
}

const otherDevice = (over: Partial<SyncDoc> = {}): SyncDoc => ({
  v: 1,
  device: 'other1',
  at: T0,
  notes: [
    {
      note: { termId: 'nsec', text: 'From the other browser.', createdAt: T0, updatedAt: T0, revision: 3 },
      clock: { other1: 2 },
    },
  ],
  tombstones: [],
  known: [{ id: 'etias', at: T0 }],
  glossaries: [],
  settings: { dwellMs: { value: 900, at: T0 } },
  ...over,
});

describe('the background sync round', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does nothing while sync is off', async () => {
    const area = fakeArea();
    const db = openDatabase(`sync-test-${n++}`);
    await createSync({
      db,
      area,
      notesChanged: () => undefined,
      knownChanged: async () => {},
      glossariesChanged: async () => {},
    }).run();
    expect(area.items).toEqual({});
  });

  it("merges another device's notes, known terms and settings into this one, and writes its own items once", async () => {
    const area = fakeArea();
    Object.assign(area.items, await encodeDoc(otherDevice()));
    const db = openDatabase(`sync-test-${n++}`);
    await saveNote(db, { termId: 'etias', text: 'Mine.', baseRevision: 0, baseText: '' });
    await syncEnabled.setValue(true);
    let notified = 0;
    const known: string[][] = [];
    const sync = createSync({
      db,
      area,
      notesChanged: () => notified++,
      knownChanged: (ids) => {
        known.push(ids);
        return Promise.resolve();
      },
      glossariesChanged: async () => {},
    });
    await sync.run();
    expect((await db.notes.get('nsec'))?.text).toBe('From the other browser.');
    expect(notified).toBe(1);
    expect(known).toEqual([['etias']]);
    expect(await dwellMs.getValue()).toBe(900);
    const device = await syncDevice.getValue();
    const ours = await decodeSyncArea(area.items, 'other1');
    expect(ours.docs.map((d) => [d.device, d.notes.map((x) => x.note.termId).sort()])).toEqual([
      [device, ['etias', 'nsec']],
    ]);
    expect((await syncStatus.getValue()).localOnly).toEqual([]);
    // Nothing changed since: a second round writes nothing (storage.sync's write rates).
    const writes = area.writes;
    await sync.run();
    expect(area.writes).toBe(writes);
    // Switched off: this device's items leave the sync area; the other device's stay, and the notes here.
    await sync.stop();
    expect(Object.keys(area.items).every((key) => key.startsWith('gs.other1'))).toBe(true);
    expect((await db.notes.get('etias'))?.text).toBe('Mine.');
  });

  it('names what it cannot read in the status, and still syncs the rest', async () => {
    const area = fakeArea();
    const newer = await encodeDoc(otherDevice({ device: 'other2' }));
    newer['gs.other2'] = { ...(newer['gs.other2'] as object), v: 9 };
    Object.assign(area.items, newer, await encodeDoc(otherDevice()));
    const db = openDatabase(`sync-test-${n++}`);
    await syncEnabled.setValue(true);
    await createSync({
      db,
      area,
      notesChanged: () => undefined,
      knownChanged: async () => {},
      glossariesChanged: async () => {},
    }).run();
    expect((await db.notes.get('nsec'))?.text).toBe('From the other browser.');
    const status = await syncStatus.getValue();
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0]).toMatch(/^other2: written in sync format 9/);
  });

  it("writes another device's own terms into this one's, word index and all, and removes one deleted there", async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('My terms');
    const nswa = myTermEntry({ name: 'North Sea Wind Alliance', abbreviation: 'NSWA', lang: 'en' });
    const area = fakeArea();
    const db = openDatabase(`sync-test-${n++}`);
    const grid = await saveMyTerm(db, { name: 'Grid code', lang: 'en' });
    await syncEnabled.setValue(true);
    let recompiled = 0;
    const sync = createSync({
      db,
      area,
      notesChanged: () => undefined,
      knownChanged: async () => {},
      glossariesChanged: () => Promise.resolve(void recompiled++),
    });
    // The other device added NSWA, and deleted "Grid code" after this one last changed it.
    const later = Date.now() + 60_000;
    Object.assign(
      area.items,
      await encodeDoc(
        otherDevice({
          myTerms: [
            { id: nswa.id, at: T0, entry: nswa },
            { id: grid.id, at: later },
          ],
        }),
      ),
    );
    await sync.run();
    expect((await myTerms(db)).map((e) => e.id)).toEqual([nswa.id]);
    expect((await getImportedEntry(db, `my-terms:${nswa.id}`))?.entry).toEqual(nswa);
    expect((await importedCandidates(db, 'nswa')).map((c) => c.key)).toEqual([`my-terms:${nswa.id}`]);
    expect(await importedCandidates(db, 'grid')).toEqual([]);
    expect(recompiled).toBe(1);
    // This device passes on what it now holds: NSWA, and the deletion.
    const ours = await decodeSyncArea(area.items, 'other1');
    expect(ours.docs[0]?.myTerms?.map((m) => [m.id, !!m.entry]).sort()).toEqual(
      [
        [grid.id, false],
        [nswa.id, true],
      ].sort(),
    );
  });
});
