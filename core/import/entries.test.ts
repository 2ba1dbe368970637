import { describe, expect, it } from 'vitest';
import { importedEntrySchema } from '@/core/imported-schema';
import { EntryCollector, langCode, type EntryDraft } from './entries';
import { importError } from './test-helpers';

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({
  id: 'e1',
  terms: [{ lang: 'nl', text: 'Benelux' }],
  definitions: [],
  subjectFields: [],
  sources: [],
  notes: [],
  ...over,
});

const collect = (collector: EntryCollector) => {
  collector.flush();
  return collector.drain().flat();
};

describe('fitting entries to the schema', () => {
  it('cleans whitespace, drops empty and repeated terms, keeps one definition per language', () => {
    const collector = new EntryCollector();
    collector.add(
      draft({
        terms: [
          { lang: 'nl', text: '  Benelux\n   Unie ' },
          { lang: 'nl', text: 'Benelux Unie' },
          { lang: 'nl', text: '   ' },
          { lang: 'en', text: 'Benelux Union' },
        ],
        definitions: [
          { lang: 'nl', text: 'Samenwerking.' },
          { lang: 'nl', text: 'Sinds 1944.' },
          { lang: 'nl', text: 'Samenwerking.' },
        ],
        subjectFields: ['LAW', ' LAW ', ''],
        sources: ['Verdrag', 'Verdrag', 'IATE'],
        notes: ['een', 'twee'],
      }),
      { number: 1, line: 3 },
    );
    expect(collect(collector)).toEqual([
      {
        id: 'e1',
        terms: [
          { lang: 'nl', text: 'Benelux Unie' },
          { lang: 'en', text: 'Benelux Union' },
        ],
        definitions: [{ lang: 'nl', text: 'Samenwerking.\n\nSinds 1944.' }],
        subjectFields: ['LAW'],
        source: 'Verdrag; IATE',
        note: 'een\n\ntwee',
      },
    ]);
  });

  it('leaves out a term too long to be one and shortens long texts, with a warning for each', () => {
    const collector = new EntryCollector();
    collector.add(
      draft({
        terms: [
          { lang: 'en', text: `Regulation ${'x'.repeat(400)}` },
          { lang: 'en', text: 'CPR' },
        ],
        definitions: [{ lang: 'en', text: 'y'.repeat(12_000) }],
      }),
      { number: 1, line: 3 },
    );
    const [entry] = collect(collector);
    expect(entry!.terms).toEqual([{ lang: 'en', text: 'CPR' }]);
    expect(entry!.definitions[0]!.text).toHaveLength(10_000);
    expect(entry!.definitions[0]!.text.endsWith('…')).toBe(true);
    expect(importedEntrySchema.safeParse(entry).success).toBe(true);
    expect(collector.warnings).toEqual([
      'entry e1 (line 3): a term of 411 characters was left out (terms hold at most 300).',
      'entry e1 (line 3): its definition was shortened from 12000 to 10000 characters.',
    ]);
  });

  it('never cuts a surrogate pair in two', () => {
    const collector = new EntryCollector();
    collector.add(draft({ notes: [`${'a'.repeat(9998)}😀😀`] }), { number: 1 });
    const note = collect(collector)[0]!.note!;
    expect(note).toBe(`${'a'.repeat(9998)}…`);
  });
});

describe('import options', () => {
  const terms = [
    { lang: 'nl', text: 'VWEU', reliability: 4 },
    { lang: 'en', text: 'TFEU', reliability: 1 },
    { lang: 'en', text: 'EC Treaty', status: 'obsolete' as const },
    { lang: 'de', text: 'EG-Vertrag', status: 'deprecated' as const },
    { lang: 'mul', text: 'EU' },
  ];

  it('keeps only the languages chosen, and mul (shared by all), definitions too', () => {
    const collector = new EntryCollector({ options: { languages: ['nl-BE', 'fr'] } });
    collector.add(
      draft({
        terms,
        definitions: [
          { lang: 'nl', text: 'Verdrag.' },
          { lang: 'en', text: 'Treaty.' },
        ],
      }),
      { number: 1 },
    );
    collector.add(draft({ id: 'e2', terms: [{ lang: 'de', text: 'Vertrag' }] }), { number: 2 });
    const entries = collect(collector);
    expect(entries.map((e) => e.terms.map((t) => t.text))).toEqual([['VWEU', 'EU']]);
    expect(entries[0]!.definitions).toEqual([{ lang: 'nl', text: 'Verdrag.' }]);
    expect({ read: collector.read, count: collector.count, dropped: collector.dropped }).toEqual({
      read: 2,
      count: 1,
      dropped: 1,
    });
    // The languages seen are the file's, before the choice: the page offers them.
    expect(collector.languages()).toEqual(['de', 'en', 'mul', 'nl']);
  });

  it('drops terms below a reliability, keeping terms that have none', () => {
    const collector = new EntryCollector({ options: { minReliability: 3 } });
    collector.add(draft({ terms }), { number: 1 });
    expect(collect(collector)[0]!.terms.map((t) => t.text)).toEqual(['VWEU', 'EC Treaty', 'EG-Vertrag', 'EU']);
  });

  it('drops deprecated and obsolete terms', () => {
    const collector = new EntryCollector({ options: { skipDeprecated: true } });
    collector.add(draft({ terms }), { number: 1 });
    collector.add(draft({ id: 'e2', terms: [terms[2]!] }), { number: 2 });
    expect(collect(collector).map((e) => e.terms.map((t) => t.text))).toEqual([['VWEU', 'TFEU', 'EU']]);
    expect(collector.dropped).toBe(1);
  });
});

describe('batches and previews', () => {
  it('hands out full batches as they fill, the rest on flush', () => {
    const collector = new EntryCollector({ batchSize: 2 });
    for (let i = 0; i < 5; i++) collector.add(draft({ id: `e${i}` }), { number: i + 1 });
    expect(collector.drain().map((b) => b.length)).toEqual([2, 2]);
    expect(collector.drain()).toEqual([]);
    collector.flush();
    expect(collector.drain().map((b) => b.length)).toEqual([1]);
  });

  it('stops taking entries at the preview limit', () => {
    const collector = new EntryCollector({ limit: 2 });
    for (let i = 0; i < 5; i++) collector.add(draft({ id: `e${i}` }), { number: i + 1 });
    expect(collector.full).toBe(true);
    expect(collect(collector).map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(collector.read).toBe(2);
  });
});

describe('entries that make a file unusable', () => {
  it('names entries by id and line, or by number and place', async () => {
    const collector = new EntryCollector();
    collector.add(draft(), { number: 1, line: 4 });
    expect(
      (await importError(Promise.resolve().then(() => collector.add(draft(), { number: 2, line: 9 })))).message,
    ).toBe('entry e1 appears twice: lines 4 and 9.');
    const noTerm = await importError(
      Promise.resolve().then(() => collector.add(draft({ id: 'x', terms: [] }), { number: 3 })),
    );
    expect(noTerm.message).toBe('entry x has no term.');
  });

  it('names an invalid JSON entry by index and field', async () => {
    const collector = new EntryCollector();
    const error = await importError(
      Promise.resolve().then(() =>
        collector.addValid(
          { id: 'a', terms: [{ lang: 'Dutch', text: 'x' }], definitions: [], subjectFields: [] },
          { number: 4, label: 'entries[3]' },
        ),
      ),
    );
    expect(error.code).toBe('invalid-entry');
    expect(error.message).toBe('entries[3].terms[0].lang (entry a): a language is a two- or three-letter code.');
  });
});

describe('langCode', () => {
  it('lower-cases and drops regions and scripts', () => {
    expect(['en-GB', 'NL', 'zh-Hans', 'de_AT', 'x-klingon', '', undefined].map(langCode)).toEqual([
      'en',
      'nl',
      'zh',
      'de',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
