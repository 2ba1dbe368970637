import { describe, expect, it } from 'vitest';
import { myTermEntry } from '@/core/my-terms';
import { carry, DAY, Device } from '@/test/sync-devices';
import { TOMBSTONE_TTL_MS } from './local';

const T0 = 1_800_000_000_000;
const nswa = myTermEntry({ name: 'North Sea Wind Alliance', abbreviation: 'NSWA', lang: 'en' });
const edited = (entry: typeof nswa, definition: string) => ({
  ...entry,
  definitions: [{ lang: 'en', text: definition }],
});

describe('the reader’s own terms between simulated devices', () => {
  it('a term added on A appears on B; deleted on A, it goes from B', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.myTerms.set(nswa.id, nswa);
    const added = await carry(a, b, T0);
    expect(added.myTerms.put).toEqual([nswa]);
    expect([...b.myTerms.values()]).toEqual([nswa]);
    // Back: B holds what A has, nothing to do on either side.
    expect((await carry(b, a, T0 + 1)).myTerms).toEqual({ put: [], remove: [] });

    a.myTerms.delete(nswa.id);
    const deleted = await carry(a, b, T0 + 10);
    expect(deleted.myTerms.remove).toEqual([nswa.id]);
    expect(b.myTerms.size).toBe(0);
    // B passes the deletion on, and does not bring the term back to A.
    expect((await carry(b, a, T0 + 11)).myTerms).toEqual({ put: [], remove: [] });
    expect(a.myTerms.size).toBe(0);
  });

  it('edited on both devices apart: the later edit wins, on both, and they agree', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.myTerms.set(nswa.id, nswa);
    await carry(a, b, T0);
    a.myTerms.set(nswa.id, edited(nswa, 'Edited on A.'));
    await a.push(T0 + 10);
    b.myTerms.set(nswa.id, edited(nswa, 'Edited on B, later.'));
    await b.push(T0 + 20);
    await carry(a, b, T0 + 30);
    await carry(b, a, T0 + 40);
    expect(a.myTerms.get(nswa.id)?.definitions[0]?.text).toBe('Edited on B, later.');
    expect(b.myTerms.get(nswa.id)).toEqual(a.myTerms.get(nswa.id));
    expect((await carry(a, b, T0 + 50)).myTerms).toEqual({ put: [], remove: [] });
  });

  it('a deletion loses to a later edit elsewhere, and expires after its time', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.myTerms.set(nswa.id, nswa);
    await carry(a, b, T0);
    a.myTerms.delete(nswa.id);
    await a.push(T0 + 10);
    b.myTerms.set(nswa.id, edited(nswa, 'Still needed.'));
    await b.push(T0 + 20);
    await carry(b, a, T0 + 30);
    expect(a.myTerms.get(nswa.id)?.definitions[0]?.text).toBe('Still needed.');

    b.myTerms.delete(nswa.id);
    await carry(b, a, T0 + DAY);
    expect(a.myTerms.size).toBe(0);
    const later = T0 + DAY + TOMBSTONE_TTL_MS + 1;
    await a.push(later);
    expect(Object.keys(a.state.stamps).filter((k) => k.startsWith('myterm:'))).toEqual([]);
  });

  it('a device of a build before my terms reads the rest of the document', async () => {
    const a = new Device('deva');
    const b = new Device('devb');
    a.myTerms.set(nswa.id, nswa);
    a.write('etias', 'A note.', T0);
    await a.push(T0);
    a.copyTo(b);
    // An older build has no `myTerms` in its snapshot: it merges the notes and changes no terms.
    b.myTerms = new Map();
    const merged = await b.pull(T0 + 1);
    expect(b.text('etias')).toBe('A note.');
    expect(merged.problems).toEqual([]);
  });
});
