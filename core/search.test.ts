import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Glossary } from './glossary-schema';
import {
  buildSearchIndex,
  buildSearchIndexOf,
  GlossarySearch,
  letterProminence,
  searchKey,
  type SearchIndexData,
} from './search';
import { alignment } from './search-words';
import { buildTermIndex } from './term-index';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const letter = readFileSync('data/source/benelux-voorzitterschap-2023.txt', 'utf8');
const prominence = letterProminence(buildTermIndex(glossary.entries), letter);
const search = new GlossarySearch(glossary.entries, { lang: 'nl', prominence });
const first = (q: string) => search.search(q)[0]?.id;

describe('glossary search', () => {
  it.each([
    ['etias', 'etias'],
    ['noordzee', 'nsec'],
    ['cfsp', 'gbvb'],
    ['art 350', 'artikel-350-vweu'],
    ['pentalaterall', 'pentalateraal-energieforum'],
    ['politieverdrag', 'benelux-politieverdrag'],
    ['Art. 350 TFEU', 'artikel-350-vweu'],
    ['Nordrhein-Westfalen', 'noordrijn-westfalen'],
  ])('"%s" → %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it.each([
    // Names that are no alias: found only through the names in the other languages.
    ['fr', 'Benelux Water Day', 'benelux-waterdag'],
    ['fr', 'Diplomaten- und Dienstpässe', 'diplomatieke-en-dienstpaspoorten'],
    ['de', 'readmission agreements', 'terug-en-overnameovereenkomsten'],
    ['nl', 'Benelux-Wassertag', 'benelux-waterdag'],
  ] as const)('a %s reader finds an entry by its name in any language: "%s"', (lang, query, id) => {
    expect(new GlossarySearch(glossary.entries, { lang, prominence }).search(query)[0]?.id).toBe(id);
  });

  it('ranks exact and alias hits before fuzzy ones', () => {
    const hits = search.search('etias');
    expect(hits[0]?.stage).toBe('exact');
    expect(hits.slice(1).every((h) => h.stage !== 'exact')).toBe(true);
  });

  it('ignores diacritics and keeps the marks on the original text', () => {
    const hit = search.search('comite van ministers')[0];
    expect(hit?.id).toBe('comite-van-ministers');
    const m = hit!.matched!;
    expect(m.text).toContain('Comité');
    const marked = m.spans.map(([s, e]) => m.text.slice(s, e));
    expect(marked).toEqual(expect.arrayContaining(['Comité', 'Ministers']));
  });

  it('marks what matched for a typo', () => {
    const hit = search.search('pentalaterall')[0]!;
    expect(hit.stage).toBe('fuzzy');
    const m = hit.matched!;
    expect(m.spans.length).toBeGreaterThan(0);
    for (const [s, e] of m.spans) expect(searchKey(m.text.slice(s, e))).toMatch(/^[a-z ]+$/);
  });

  it('finds a word of a definition and a note', () => {
    const withNote = new GlossarySearch(glossary.entries, {
      lang: 'en',
      notes: new Map([['gasplatform', 'ask Joris about zwavelwaterstof']]),
    });
    expect(withNote.search('zwavelwaterstof')[0]?.id).toBe('gasplatform');
    expect(withNote.search('zwavelwaterstof')[0]?.matched?.field).toBe('note');
  });

  it('shows a long explanation from shortly before what matched, marked', () => {
    const hit = search.search('Veldhoven')[0]!;
    expect(hit).toMatchObject({ id: 'europese-chipindustrie', stage: 'prefix', matched: { field: 'long' } });
    const m = hit.matched!;
    expect(m.text.startsWith('…')).toBe(true);
    // The popup shows the first 90 characters.
    expect(m.spans[0]![1]).toBeLessThan(90);
    expect(m.spans.map(([s, e]) => m.text.slice(s, e))).toEqual(['Veldhoven']);
  });

  it('marks the name a typo matched, and calls the hit fuzzy', () => {
    const hit = search.search('verdrag politei')[0]!;
    expect(hit).toMatchObject({ id: 'benelux-politieverdrag', stage: 'fuzzy' });
    const m = hit.matched!;
    expect(m.spans.map(([s, e]) => m.text.slice(s, e).toLowerCase())).toEqual(['politieverdrag']);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' .,- ')).toEqual([]);
  });
});

describe('a search loaded from its index (what the build makes for the bundled glossary)', () => {
  // Every 40th word of the names, aliases and definitions, its first three letters, and a typo of it.
  const words = [
    ...new Set(
      glossary.entries.flatMap((e) =>
        [e.name.nl, e.name.en, e.short.nl, e.short.en, ...e.aliases.map((a) => a.text)].flatMap((t) => t.split(/\s+/)),
      ),
    ),
  ].filter((_, i) => i % 40 === 0);
  const queries = ['e', 'art 350', 'overleg', 'notitie over', ...words.flatMap((w) => [w, w.slice(0, 3), `${w}x`])];
  const notes = new Map(
    glossary.entries
      .filter((_, i) => i % 3 === 0)
      .map((e, i) => [e.id, i % 2 ? `Notitie over ${e.name.nl}: nog uitzoeken voor het overleg.` : `Straße ${i}`]),
  );

  it.each(['nl', 'en', 'fr', 'de'] as const)(
    'answers every query exactly as one built from the entries, notes included (%s)',
    (lang) => {
      const index = JSON.parse(JSON.stringify(buildSearchIndex(glossary.entries, lang))) as SearchIndexData;
      for (const withNotes of [undefined, notes]) {
        const built = new GlossarySearch(glossary.entries, { lang, prominence, notes: withNotes });
        const loaded = new GlossarySearch(index, { lang, prominence, notes: withNotes });
        const differ = queries.filter((q) => JSON.stringify(loaded.search(q)) !== JSON.stringify(built.search(q)));
        expect(differ).toEqual([]);
      }
    },
    60_000, // a few hundred fuzzy searches: seconds on a busy 2-core machine
  );

  it('finds the notes it is given, and leaves the index as it was for the next set of notes', () => {
    const index = buildSearchIndex(glossary.entries, 'en');
    const before = JSON.stringify(index);
    const withNote = new GlossarySearch(index, {
      lang: 'en',
      notes: new Map([['gasplatform', 'ask Joris about zwavelwaterstof']]),
    });
    expect(withNote.search('zwavelwaterstof')[0]).toMatchObject({ id: 'gasplatform', matched: { field: 'note' } });
    expect(JSON.stringify(index)).toBe(before);
    const without = new GlossarySearch(index, { lang: 'en' }).search('zwavelwaterstof');
    expect(without.filter((hit) => hit.id === 'gasplatform' || hit.matched?.field === 'note')).toEqual([]);
  });

  it('refuses an index made for the other language', () => {
    expect(() => new GlossarySearch(buildSearchIndex(glossary.entries, 'nl'), { lang: 'en' })).toThrow(/"nl"/);
  });
});

describe('typos', () => {
  it('counts a swap of two neighbouring letters as one edit, cheaper than a wrong letter', () => {
    expect(alignment('etais', 'etias', 10)?.whole).toBe(8);
    expect(alignment('etais', 'etats', 10)?.whole).toBe(10);
    expect(alignment('pentalatreal', 'pentalateraal', 20)?.whole).toBe(18); // a swap and a missing letter
    expect(alignment('etais', 'europa', 10)).toBeNull();
  });

  it('measures a typed start against the start of a longer word', () => {
    expect(alignment('pentalatr', 'pentalateraal', 10)).toMatchObject({ prefix: 10, prefixEnd: 10 });
  });
});

describe('an index of entries from elsewhere (the shape an import turns its entries into)', () => {
  const index = buildSearchIndexOf(
    [
      {
        id: 'a',
        names: ['Schengengebied', 'Schengen Area'],
        aliases: ['Schengenzone'],
        long: 'Genoemd naar Schengen.',
      },
      { id: 'b', names: ['Benelux-Unie'], aliases: [], short: 'Samenwerking van België, Nederland en Luxemburg.' },
    ],
    'nl',
  );
  const imported = new GlossarySearch(JSON.parse(JSON.stringify(index)) as SearchIndexData, { lang: 'nl' });

  it('finds names, words in any order, texts and typos', () => {
    expect(imported.search('schengen area')[0]).toMatchObject({ id: 'a', stage: 'exact' });
    expect(imported.search('area schengen')[0]?.id).toBe('a');
    expect(imported.search('luxemburg nederland')[0]).toMatchObject({ id: 'b', matched: { field: 'short' } });
    expect(imported.search('shcengenzone')[0]).toMatchObject({ id: 'a', stage: 'fuzzy' });
  });
});
