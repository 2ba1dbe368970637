import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Glossary } from './glossary-schema';
import { GlossarySearch, letterProminence, searchKey } from './search';
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

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' .,- ')).toEqual([]);
  });
});
