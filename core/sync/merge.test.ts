import { describe, expect, it } from 'vitest';
import { carry, DAY, Device, MARKER } from '@/test/sync-devices';

const T0 = 1_800_000_000_000;

describe('sync between simulated devices', () => {
  it('carries a new note, then an edit, from one device to another', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Start eind 2026?', T0);
    await carry(a, b, T0 + 1);
    expect(b.text('etias')).toBe('Start eind 2026?');
    a.write('etias', 'Start eind 2026? Uitgesteld.', T0 + 2);
    const merged = await carry(a, b, T0 + 3);
    expect(b.text('etias')).toBe('Start eind 2026? Uitgesteld.');
    expect(merged.report.conflicts).toEqual([]);
    // And back: B holds A's state, so A changes nothing.
    const back = await carry(b, a, T0 + 4);
    expect(back.notes.put).toEqual([]);
    expect(a.text('etias')).toBe('Start eind 2026? Uitgesteld.');
  });

  it('merges additions made on two devices apart from the text both had', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Base.', T0);
    await carry(a, b, T0 + 1);
    a.write('etias', 'Base. From A.', T0 + 10);
    b.write('etias', 'Base. From B.', T0 + 20);
    await carry(a, b, T0 + 30);
    await carry(b, a, T0 + 40);
    // The common base is kept once; both additions follow it, the same on both devices.
    expect(b.text('etias')).toBe('Base. From B. From A.');
    expect(a.text('etias')).toBe(b.text('etias'));
    // Converged: another round changes nothing on either side.
    expect((await carry(a, b, T0 + 50)).notes.put).toEqual([]);
    expect((await carry(b, a, T0 + 60)).notes.put).toEqual([]);
  });

  it('keeps both texts, with the conflict marker, when two devices rewrote a note apart', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Original.', T0);
    await carry(a, b, T0 + 1);
    a.write('etias', 'Rewritten on A.', T0 + 10);
    b.write('etias', 'Rewritten on B.', T0 + 20);
    const atB = await carry(a, b, T0 + 30);
    expect(atB.report.conflicts).toEqual(['etias']);
    expect(b.text('etias')).toBe(`Rewritten on B.\n\n${MARKER}\nRewritten on A.`);
    const atA = await carry(b, a, T0 + 40);
    expect(a.text('etias')).toBe(b.text('etias'));
    // A merged B's merge of A's text: no second conflict, no text doubled.
    expect(atA.report.conflicts).toEqual([]);
    expect((await carry(a, b, T0 + 50)).notes.put).toEqual([]);
  });

  it('keeps both texts of a note written on two devices before they ever synced', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Written on A.', T0);
    b.write('etias', 'Written on B.', T0 + 5);
    const atB = await carry(a, b, T0 + 10);
    expect(b.text('etias')).toBe(`Written on B.\n\n${MARKER}\nWritten on A.`);
    expect(atB.report.conflicts).toEqual(['etias']);
    await carry(b, a, T0 + 20);
    expect(a.text('etias')).toBe(b.text('etias'));
  });

  it('merges across three devices without doubling a text', async () => {
    const [a, b, c] = [new Device('deva'), new Device('devb'), new Device('devc')];
    a.write('etias', 'Base.', T0);
    await carry(a, b, T0 + 1);
    await carry(a, c, T0 + 2);
    b.write('etias', 'Base. B.', T0 + 10);
    c.write('etias', 'Base. C.', T0 + 20);
    await carry(b, a, T0 + 30);
    await carry(c, a, T0 + 40);
    await carry(a, b, T0 + 50);
    await carry(a, c, T0 + 60);
    expect(a.text('etias')).toBe('Base. C. B.');
    expect(b.text('etias')).toBe('Base. C. B.');
    expect(c.text('etias')).toBe('Base. C. B.');
  });

  it('deletes a note everywhere, and the tombstone expires after 30 days', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'To go.', T0);
    await carry(a, b, T0 + 1);
    a.remove('etias');
    const merged = await carry(a, b, T0 + 2);
    expect(b.text('etias')).toBeUndefined();
    expect(merged.notes.remove).toEqual([{ termId: 'etias', expectRevision: 1 }]);
    // B does not bring it back either.
    await carry(b, a, T0 + 3);
    expect(a.text('etias')).toBeUndefined();
    expect(a.state.tombstones.map((t) => t.id)).toEqual(['etias']);
    await a.push(T0 + 31 * DAY);
    expect(a.state.tombstones).toEqual([]);
  });

  it('keeps an edit made on one device against a delete made on another that did not see it', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Kept?', T0);
    await carry(a, b, T0 + 1);
    a.remove('etias');
    b.write('etias', 'Kept? Yes: edited after.', T0 + 20);
    const atB = await carry(a, b, T0 + 30);
    expect(b.text('etias')).toBe('Kept? Yes: edited after.');
    expect(atB.report.keptAgainstDelete).toEqual(['etias']);
    // The edit travels back to A, where it outlives A's delete.
    await carry(b, a, T0 + 40);
    expect(a.text('etias')).toBe('Kept? Yes: edited after.');
  });

  it('does not bring back a deleted note from a device still holding the old text', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'Old.', T0);
    await carry(a, b, T0 + 1);
    await b.push(T0 + 2);
    a.remove('etias');
    b.copyTo(a);
    await a.pull(T0 + 3);
    expect(a.text('etias')).toBeUndefined();
  });

  it('writing a note again after deleting it is newer than the delete', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.write('etias', 'First.', T0);
    await carry(a, b, T0 + 1);
    a.remove('etias');
    await carry(a, b, T0 + 2);
    a.write('etias', 'Second life.', T0 + 3);
    await carry(a, b, T0 + 4);
    expect(b.text('etias')).toBe('Second life.');
  });

  it('carries known terms (and unmarking), settings and the glossary list; unknown glossaries are named', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    b.settings = { ...b.settings, dwellMs: 800 };
    await b.push(T0);
    // Sync switched on at A before the reader renames and switches off the letter there.
    await a.push(T0);
    a.known.set('etias', T0 + 1);
    a.settings = { ...a.settings, highlightMode: 'first', disabledSites: ['example.org'] };
    a.glossaries = [
      { id: 'letter', title: 'My letter', order: 0, enabled: false },
      { id: 'iate-energy', title: 'IATE energy', order: 1, enabled: true },
    ];
    const atB = await carry(a, b, T0 + 10);
    expect([...b.known.keys()]).toEqual(['etias']);
    expect(b.settings.highlightMode).toBe('first');
    expect(b.settings.disabledSites).toEqual(['example.org']);
    // A never touched dwellMs (its default): B's choice stands.
    expect(b.settings.dwellMs).toBe(800);
    expect(b.glossaries).toEqual([{ id: 'letter', title: 'My letter', order: 0, enabled: false }]);
    expect(atB.report.elsewhere.map((g) => g.id)).toEqual(['iate-energy']);
    await carry(b, a, T0 + 20);
    expect(a.settings.dwellMs).toBe(800);
    a.known.delete('etias');
    await carry(a, b, T0 + 30);
    expect(b.known.size).toBe(0);
  });
});
