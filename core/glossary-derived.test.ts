import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveForLetter, deriveForSearch } from './glossary-derived';
import type { Glossary } from './glossary-schema';
import { GlossarySearch, type SearchIndexData } from './search';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const letter = readFileSync('data/source/benelux-voorzitterschap-2023.txt', 'utf8');

describe('data derived from the bundled glossary at build time', () => {
  it('survives the trip into the bundle (JSON) unchanged', () => {
    const search = deriveForSearch(glossary, letter);
    const letterData = deriveForLetter(glossary, letter);
    expect(JSON.parse(JSON.stringify(search))).toEqual(search);
    expect(JSON.parse(JSON.stringify(letterData))).toEqual(letterData);
  });

  it('ranks the terms the letter mentions and carries the glossary version', () => {
    const { glossaryVersion, prominence } = deriveForSearch(glossary, letter);
    expect(glossaryVersion).toBe(glossary.version);
    expect(prominence['etias']).toBeGreaterThan(0);
    expect(Object.values(prominence).every((n) => n > 0)).toBe(true);
  });

  it('ships the entries and, per language, a search index that answers like one built from them', () => {
    const { entries, searchIndexJson } = deriveForSearch(glossary, letter);
    expect(entries).toEqual(glossary.entries);
    for (const lang of ['nl', 'en'] as const) {
      const index = JSON.parse(searchIndexJson[lang]) as SearchIndexData;
      expect(index.lang).toBe(lang);
      const loaded = new GlossarySearch(index, { lang });
      const built = new GlossarySearch(glossary.entries, { lang });
      for (const q of ['etias', 'cfsp', 'pentalaterall', 'samenwerking'])
        expect(loaded.search(q)).toEqual(built.search(q));
    }
  });

  it('links every quote of every entry to a block of the letter', () => {
    const { blocks, quoteTargets } = deriveForLetter(glossary, letter);
    const ids = new Set(blocks.map((b) => b.id));
    for (const entry of glossary.entries) {
      expect(quoteTargets[entry.id]).toHaveLength(entry.quotes.length);
      // The build checks that every quote is verbatim in the letter, so every one is found.
      for (const target of quoteTargets[entry.id] ?? []) expect(ids.has(target ?? '')).toBe(true);
    }
  });
});
