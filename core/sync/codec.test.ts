import { describe, expect, it } from 'vitest';
import { prng } from '@/test/prng';
import { carry, Device } from '@/test/sync-devices';
import {
  budgetBeside,
  chunkKey,
  decodeSyncArea,
  encodeDoc,
  itemBytes,
  manifestKey,
  planItems,
  planWrite,
  SYNC_QUOTA,
  WriteRate,
  type SyncDoc,
  type SyncItems,
} from '.';

const T0 = 1_800_000_000_000;

/** Text that does not compress: letters drawn at random. */
function noise(length: number, seed: number): string {
  const random = prng(seed);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(97 + Math.floor(random() * 26));
  return text;
}

const doc = (over: Partial<SyncDoc> = {}): SyncDoc => ({
  v: 1,
  device: 'deva',
  at: T0,
  notes: [],
  tombstones: [],
  known: [],
  glossaries: [],
  settings: {},
  myTerms: [],
  ...over,
});

const note = (termId: string, text: string, updatedAt = T0) => ({
  note: { termId, text, createdAt: T0, updatedAt, revision: 1 },
  clock: { deva: 1 },
});

describe('encoding a document into sync items', () => {
  it('refuses a device id that is not one, rather than loop (a key longer than an item left no room)', async () => {
    await expect(encodeDoc(doc({ device: 'x'.repeat(9_000) }))).rejects.toThrow(/device id/);
  });

  it('cuts a long document into chunks that each fit an item, key included, and reads it back', async () => {
    const long = doc({
      notes: [note('etias', noise(10_000, 1)), note('gbvb', noise(10_000, 2)), note('nsec', noise(10_000, 3))],
    });
    const items = await encodeDoc(long);
    const chunks = Object.keys(items).filter((k) => k !== manifestKey('deva'));
    expect(chunks.length).toBeGreaterThan(2);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(8_192);
    expect(itemBytes(chunkKey('deva', 0), items[chunkKey('deva', 0)])).toBe(8_192);
    const decoded = await decodeSyncArea(items, 'devb');
    expect(decoded.problems).toEqual([]);
    expect(decoded.docs).toEqual([long]);
  });

  it('compresses: a long ordinary note takes a fraction of its length', async () => {
    const text = 'De Commissie stelt voor de regels voor grensoverschrijdende gegevensuitwisseling te herzien. '.repeat(
      90,
    );
    const items = await encodeDoc(doc({ notes: [note('etias', text)] }));
    const bytes = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(bytes).toBeLessThan(text.length / 10);
  });
});

describe('reading other devices’ items', () => {
  it('skips, with a reason each, an item that is not ours, a damaged document and one half arrived', async () => {
    const good = await encodeDoc(doc({ device: 'devb', notes: [note('etias', 'Fine.')] }));
    const damaged = await encodeDoc(doc({ device: 'devc', notes: [note('gbvb', noise(12_000, 3))] }));
    damaged[chunkKey('devc', 1)] = 'AAAA';
    const half = await encodeDoc(doc({ device: 'devd', notes: [note('gbvb', noise(12_000, 4))] }));
    delete half[chunkKey('devd', 1)];
    const garbled = { [manifestKey('deve')]: { v: 1, device: 'deve', at: 0, chunks: 1, length: 4, sum: '3b1e4a0c' } };
    garbled[chunkKey('deve', 0) as keyof typeof garbled] = '////' as never;
    const area: SyncItems = { ...good, ...damaged, ...half, ...garbled, 'someone-else': { x: 1 } };
    const decoded = await decodeSyncArea(area, 'deva');
    expect(decoded.docs.map((d) => d.device)).toEqual(['devb']);
    const reasons = decoded.problems.map((p) => `${p.device ?? p.key}: ${p.reason}`);
    expect(reasons).toEqual([
      'someone-else: not an item of this extension’s sync format',
      'devc: its chunks do not match its manifest (still arriving, or damaged)',
      'devd: chunk 1 of 2 is missing',
      expect.stringMatching(/^deve: its chunks do not match|^deve: its data cannot be unpacked/),
    ]);
  });

  it('reads the valid notes of a document and names the invalid one', async () => {
    const items = await encodeDoc(
      doc({
        device: 'devb',
        notes: [note('etias', 'Fine.'), note('Not An Id', 'Bad key.'), note('gbvb', 'Also fine.')],
        settings: { dwellMs: { value: 99_999, at: 5 }, highlightMode: { value: 'first', at: 5 } },
      }),
    );
    const decoded = await decodeSyncArea(items, 'deva');
    expect(decoded.docs[0]!.notes.map((n) => n.note.termId)).toEqual(['etias', 'gbvb']);
    expect(decoded.docs[0]!.settings).toEqual({ highlightMode: { value: 'first', at: 5 } });
    expect(decoded.problems.map((p) => p.reason)).toEqual([
      'setting dwellMs skipped: (value): Too big: expected number to be <=5000',
      'notes[1] skipped: note.termId: term ids are kebab-case or glossary:entry',
    ]);
  });

  it('says it cannot read a device on a newer format, reads the rest, and never throws', async () => {
    const newer = await encodeDoc(doc({ device: 'devb', notes: [note('etias', 'From the future.')] }));
    newer[manifestKey('devb')] = { ...(newer[manifestKey('devb')] as object), v: 2 };
    const current = await encodeDoc(doc({ device: 'devc', notes: [note('gbvb', 'Today.')] }));
    const decoded = await decodeSyncArea({ ...newer, ...current }, 'deva');
    expect(decoded.docs.map((d) => d.device)).toEqual(['devc']);
    expect(decoded.problems).toHaveLength(1);
    expect(decoded.problems[0]!.device).toBe('devb');
    expect(decoded.problems[0]!.reason).toContain('sync format 2');
  });

  it('drops a section it does not know (room for later ones, as the reader’s own terms were)', async () => {
    const withMore = { ...doc({ device: 'devb', notes: [note('etias', 'Fine.')] }), later: [{ term: 'x' }] };
    const decoded = await decodeSyncArea(await encodeDoc(withMore), 'deva');
    expect(decoded.problems).toEqual([]);
    expect(decoded.docs[0]).not.toHaveProperty('later');
    expect(decoded.docs[0]!.notes).toHaveLength(1);
  });
});

describe('quota planning', () => {
  it('keeps the newest notes that fit and names the others, which stay on this device', async () => {
    // 40 notes of 4 000 incompressible letters: about 160 KB of base64, more than the 100 KB quota.
    const notes = Array.from({ length: 40 }, (_, i) => note(`term-${i}`, noise(4_000, i), T0 + i)).reverse();
    const plan = await planItems(doc({ notes }), budgetBeside({ bytes: 0, items: 0 }));
    expect(plan.fits).toBe(true);
    expect(plan.size.bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(plan.localOnly.length).toBeGreaterThan(5);
    // The newest first: those left out are the oldest.
    expect(plan.localOnly).toEqual(notes.slice(40 - plan.localOnly.length).map((n) => n.note.termId));
    const decoded = await decodeSyncArea(plan.items, 'devb');
    expect(decoded.docs[0]!.notes.map((n) => n.note.termId)).toEqual(
      notes.slice(0, 40 - plan.localOnly.length).map((n) => n.note.termId),
    );
    // One more note would not have fitted.
    const oneMore = await planItems(
      doc({ notes: notes.slice(0, 41 - plan.localOnly.length) }),
      budgetBeside({ bytes: 0, items: 0 }),
    );
    expect(oneMore.localOnly).toHaveLength(1);
  });

  it('shares the quota with the other devices’ items', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    for (let i = 0; i < 12; i++) a.write(`a-${i}`, noise(4_000, 100 + i), T0 + i);
    for (let i = 0; i < 12; i++) b.write(`b-${i}`, noise(4_000, 200 + i), T0 + i);
    const merged = await carry(a, b, T0 + 100);
    expect(merged.notes.put).toHaveLength(12);
    const plan = await b.push(T0 + 200);
    // B now holds 24 notes (~75 KB as base64) and A's items take ~38 KB: some of B's stay local,
    // which they would not if B were alone.
    const alone = await new Device('devb').push(T0);
    expect(alone.localOnly).toEqual([]);
    expect(plan.localOnly.length).toBeGreaterThan(0);
    expect(plan.localOnly).toContain('a-0');
    let total = 0;
    for (const [key, value] of Object.entries(b.area)) total += itemBytes(key, value);
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
  });

  it('writes only the items that changed, and removes the chunks no longer used', () => {
    const before = { 'gs.deva': { n: 1 }, 'gs.deva.0': 'aaa', 'gs.deva.1': 'bbb' };
    const after = { 'gs.deva': { n: 2 }, 'gs.deva.0': 'aaa' };
    expect(planWrite(before, after)).toEqual({ set: { 'gs.deva': { n: 2 } }, remove: ['gs.deva.1'] });
  });

  it('spaces writes within the per-minute and per-hour rates', () => {
    const rate = new WriteRate(3, 5);
    for (const t of [0, 1_000, 2_000]) rate.record(t);
    expect(rate.delay(2_500)).toBe(57_500);
    expect(rate.delay(60_000)).toBe(0);
    for (const t of [60_000, 61_000]) rate.record(t);
    expect(rate.delay(62_000)).toBe(3_600_000 - 62_000);
  });
});
