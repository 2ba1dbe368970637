import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from './imported-schema';
import { interleaveHits, rankImported, type ImportedCandidate, type ImportedHit } from './imported-search';
import type { SearchHit } from './search';

const glossary = { id: 'iate-energy', title: 'IATE energy' };

function candidate(id: string, terms: ImportedEntry['terms'], definitions: ImportedEntry['definitions'] = []) {
  return { key: `${glossary.id}:${id}`, glossary, entry: { id, terms, definitions, subjectFields: [] } };
}

const candidates: ImportedCandidate[] = [
  candidate('1', [{ lang: 'en', text: 'energy efficiency directive' }]),
  candidate('2', [
    { lang: 'en', text: 'energy' },
    { lang: 'nl', text: 'energie' },
  ]),
  candidate(
    '3',
    [{ lang: 'nl', text: 'energiezuinigheid' }],
    [{ lang: 'en', text: 'Using less energy for a service.' }],
  ),
  candidate(
    '4',
    [{ lang: 'en', text: 'energy poverty' }],
    [{ lang: 'en', text: 'A household’s lack of access, for whatever reason, to modern energy services in the home.' }],
  ),
  candidate('5', [{ lang: 'en', text: 'energy label' }], [{ lang: 'de', text: 'Kennzeichnung der Energieeffizienz.' }]),
];

const ids = (hits: ImportedHit[]) => hits.map((h) => h.entry.id);

describe('ranking imported candidates', () => {
  it('puts the entry whose term is the query first, then terms the query starts, shorter first', () => {
    const hits = rankImported(candidates, 'energy', { lang: 'en' });
    expect(hits[0]).toMatchObject({ stage: 'exact', matched: { field: 'term', text: 'energy', spans: [[0, 6]] } });
    expect(ids(hits).slice(1)).toEqual(['5', '4', '1', '3']);
    expect(hits.map((h) => h.stage)).toEqual(['exact', 'prefix', 'prefix', 'prefix', 'text']);
  });

  it('finds a term in any language, ignoring case and diacritics', () => {
    const [first] = rankImported(candidates, 'ÉNERGIE', { lang: 'fr' });
    expect(first).toMatchObject({ stage: 'exact', key: 'iate-energy:2', matched: { lang: 'nl', text: 'energie' } });
  });

  it('prefers a term in the reader’s language among equal matches', () => {
    const both = [candidate('a', [{ lang: 'fr', text: 'énergie' }]), candidate('b', [{ lang: 'nl', text: 'energie' }])];
    expect(ids(rankImported(both, 'energie', { lang: 'nl' }))).toEqual(['b', 'a']);
    expect(ids(rankImported(both, 'energie', { lang: 'fr' }))).toEqual(['a', 'b']);
  });

  it('matches each query word at the start of a term’s words, in order', () => {
    expect(ids(rankImported(candidates, 'energy eff dir', { lang: 'en' }))).toEqual(['1']);
    const [hit] = rankImported(candidates, 'energy pov', { lang: 'en' });
    expect(hit).toMatchObject({
      stage: 'prefix',
      matched: {
        spans: [
          [0, 6],
          [7, 10],
        ],
      },
    });
  });

  it('then finds the query’s words in a definition, showing a snippet around them', () => {
    const hits = rankImported(candidates, 'energy services', { lang: 'en' });
    expect(hits[0]).toMatchObject({ key: 'iate-energy:4', stage: 'text', matched: { field: 'definition' } });
    const matched = hits[0]!.matched!;
    expect(matched.text.startsWith('…')).toBe(true);
    expect(matched.spans.map(([s, e]) => matched.text.slice(s, e))).toEqual(['energy', 'services']);
  });

  it('forgives a typo after the first word (Fuse.js)', () => {
    const hits = rankImported(candidates, 'energy efficency', { lang: 'en' });
    expect(hits[0]).toMatchObject({ key: 'iate-energy:1', stage: 'fuzzy', matched: { field: 'term' } });
  });

  it('reads definitions and forgives typos in the languages the reader reads: theirs, nl, en, fr, de', () => {
    const polish = [
      candidate('pl', [{ lang: 'pl', text: 'energia odnawialna' }], [{ lang: 'pl', text: 'energia ze źródeł wiatru' }]),
    ];
    expect(rankImported(polish, 'energia wiatru', { lang: 'nl' })).toEqual([]);
    expect(rankImported(polish, 'energia odnawilna', { lang: 'nl' })).toEqual([]);
    expect(rankImported(polish, 'energia wiatru', { lang: 'pl' })[0]?.stage).toBe('text');
    expect(rankImported(polish, 'energia odnawilna', { lang: 'pl' })[0]?.stage).toBe('fuzzy');
    // Exact and prefix matches of terms count in every language.
    expect(rankImported(polish, 'energia odn', { lang: 'nl' })[0]?.stage).toBe('prefix');
  });

  it('finds nothing when a later word matches nowhere (every candidate shares the first)', () => {
    expect(rankImported(candidates, 'energy zzz', { lang: 'en' })).toEqual([]);
  });

  it('keeps to the limit and answers nothing to an empty query', () => {
    expect(rankImported(candidates, 'energy', { lang: 'en', limit: 2 })).toHaveLength(2);
    expect(rankImported(candidates, '  ', { lang: 'en' })).toEqual([]);
  });
});

describe('the popup’s one list', () => {
  const letter = (id: string, stage: SearchHit['stage'], field: 'name' | 'short' = 'name'): SearchHit => ({
    id,
    stage,
    matched: { field, text: id, spans: [] },
  });
  const imported = (id: string, stage: ImportedHit['stage']): ImportedHit => ({
    ...candidate(id, [{ lang: 'en', text: id }]),
    stage,
    matched: null,
  });

  it('shows the letter’s exact matches first, then stage by stage, the letter before imports', () => {
    const rows = interleaveHits(
      [letter('etias', 'exact'), letter('eu', 'prefix'), letter('benelux', 'prefix', 'short'), letter('x', 'fuzzy')],
      [imported('i1', 'exact'), imported('i2', 'prefix'), imported('i3', 'text'), imported('i4', 'fuzzy')],
    );
    expect(rows.map((r) => (r.kind === 'letter' ? r.hit.id : r.hit.entry.id))).toEqual([
      'etias',
      'i1',
      'eu',
      'i2',
      'benelux',
      'i3',
      'x',
      'i4',
    ]);
  });

  it('keeps the letter’s order as its search gave it', () => {
    const hits = [letter('b', 'prefix'), letter('a', 'exact'), letter('c', 'fuzzy')];
    expect(interleaveHits(hits, []).map((r) => r.hit)).toEqual(hits);
  });
});
