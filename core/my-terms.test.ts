import { describe, expect, it } from 'vitest';
import { myTermEntry, myTermInputOf } from './my-terms';

describe('editing one of the reader’s terms', () => {
  it('fills the form with what the entry was made from, its id and source kept', () => {
    const input = {
      name: 'North Sea Wind Alliance',
      abbreviation: 'NSWA',
      definition: 'Wind power in the North Sea, together.',
      lang: 'nl' as const,
      source: 'The North Sea Wind Alliance (NSWA) met in Ostend.',
    };
    const entry = myTermEntry(input);
    expect(myTermInputOf(entry)).toEqual({ id: entry.id, ...input });
    // Saved again with its id under another name, it is the same term (its note stays on it).
    const renamed = myTermEntry({ ...myTermInputOf(entry), name: 'Noordzee-windalliantie' });
    expect(renamed.id).toBe(entry.id);
    expect(myTermInputOf(myTermEntry({ name: 'Grid code', lang: 'en' }))).toEqual({
      id: myTermEntry({ name: 'Grid code', lang: 'en' }).id,
      name: 'Grid code',
      lang: 'en',
    });
  });
});
