import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedEntrySchema } from '@/core/imported-schema';
import { createCsvParser, recogniseColumns, type CsvSettings } from './csv';
import type { CollectorSettings } from './entries';
import { importError, runParser } from './test-helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

const parse = (
  content: string | Uint8Array,
  chunkSize = Infinity,
  settings: CsvSettings = { fileName: 'woordenlijst.csv' },
  collector: CollectorSettings = {},
) => runParser((hooks) => createCsvParser(settings, hooks), content, chunkSize, collector);

describe('CSV as spreadsheets save it', () => {
  it('Excel: BOM, semicolons, CRLF, a quoted field over two lines with doubled quotes, a blank line', async () => {
    const { entries, info, parser } = await parse(fixture('excel.csv'), Infinity, {
      fileName: 'Woordenlijst Benelux.csv',
    });
    expect(info).toEqual({
      id: 'woordenlijst-benelux',
      title: 'Woordenlijst Benelux',
      fileName: 'Woordenlijst Benelux.csv',
      format: 'csv',
    });
    expect((parser as ReturnType<typeof createCsvParser>).columns()).toEqual([
      { kind: 'term', lang: 'nl', header: 'Term (NL)' },
      { kind: 'term', lang: 'en', header: 'Term (EN)' },
      // Dutch header words: the column is Dutch.
      { kind: 'abbreviation', lang: 'nl', header: 'Afkorting' },
      { kind: 'definition', lang: 'nl', header: 'Definitie' },
      { kind: 'subject', header: 'Domein' },
      { kind: 'source', header: 'Bron' },
    ]);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      id: expect.stringMatching(/^benelux-unie-[0-9a-z]+$/) as string,
      terms: [
        { lang: 'nl', text: 'Benelux Unie' },
        { lang: 'en', text: 'Benelux Union' },
      ],
      definitions: [
        {
          lang: 'nl',
          text: 'Samenwerkingsverband van België, Nederland en Luxemburg;\nopgericht in 1958 als "Benelux Economische Unie".',
        },
      ],
      subjectFields: ['Instellingen'],
      source: 'Verdrag 2008',
    });
    expect(entries[1]!.terms[2]).toEqual({ lang: 'nl', text: 'JBZ', type: 'abbreviation' });
    expect(entries[1]!.subjectFields).toEqual(['Recht', 'EU']);
    for (const entry of entries) expect(importedEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('Google Sheets: commas, LF, a column per language named in words, quoted newlines and quotes', async () => {
    const { entries, collector } = await parse(fixture('sheets.csv'));
    expect(collector.languages()).toEqual(['de', 'en', 'fr', 'nl']);
    expect(entries[1]).toEqual({
      id: expect.stringMatching(/^cross-border-commuter-/) as string,
      terms: [
        { lang: 'en', text: 'cross-border commuter' },
        { lang: 'nl', text: 'grensarbeider' },
        { lang: 'fr', text: 'travailleur frontalier' },
        { lang: 'de', text: 'Grenzgänger' },
      ],
      definitions: [
        { lang: 'en', text: 'Someone who lives in one country and works in another,\nreturning home daily or weekly.' },
      ],
      subjectFields: [],
      note: 'Also "frontier worker".',
    });
  });

  it('tab-separated, German header words', async () => {
    const { entries } = await parse(fixture('tab.csv'));
    expect(entries[0]).toMatchObject({
      terms: [{ lang: 'de', text: 'Grenzgänger' }],
      definitions: [{ lang: 'de', text: 'Person, die im Nachbarland arbeitet' }],
    });
  });

  it('gives the same entries whether the file comes in 1-byte, 7-byte or whole chunks', async () => {
    for (const name of ['excel.csv', 'sheets.csv', 'tab.csv']) {
      const whole = await parse(fixture(name));
      for (const size of [1, 7]) expect((await parse(fixture(name), size)).entries).toEqual(whole.entries);
    }
  });

  it('honours Excel’s "sep=" line', async () => {
    const { entries } = await parse('sep=|\nterm (nl)|term (en)\nBenelux Unie|Benelux Union\n');
    expect(entries[0]!.terms.map((t) => t.text)).toEqual(['Benelux Unie', 'Benelux Union']);
  });

  it('takes ids from an id column, encoded to fit', async () => {
    const { entries } = await parse('ID,term (en)\nA/1,Benelux\n884512,TFEU\n');
    expect(entries.map((e) => e.id)).toEqual([expect.stringMatching(/^A_1~/), '884512']);
  });

  it('makes ids from the first term; a first term seen before gets -2, with a warning', async () => {
    const { entries, collector } = await parse('term,definition\nbank,of a river\nbank,for money\n');
    expect(entries[1]!.id).toBe(`${entries[0]!.id}-2`);
    expect(collector.warnings).toEqual([
      `Line 3: "bank" is the first term of an earlier row too; its id is ${entries[1]!.id}.`,
    ]);
    // The same file gives the same ids.
    expect((await parse('term,definition\nbank,of a river\nbank,for money\n')).entries.map((e) => e.id)).toEqual(
      entries.map((e) => e.id),
    );
  });

  it('leaves out a row without a term, with a warning; tolerates empty extra fields', async () => {
    const { entries, collector } = await parse('term;definitie;;\nBenelux;Samenwerking;;\n;Alleen uitleg;;\n');
    expect(entries).toHaveLength(1);
    expect(collector.warnings).toEqual(['entry 2 (line 3) has no term and was left out.']);
  });
});

describe('a header that names no term column', () => {
  it('is an error listing the columns, so the page can ask', async () => {
    const error = await importError(parse(fixture('unknown-header.csv')));
    expect(error.code).toBe('csv-columns');
    expect(error.columns).toEqual(['Kolom1', 'Kolom2', 'Kolom3']);
    expect(error.message).toBe(
      'The header row (line 1) names no column of terms: its columns are "Kolom1", "Kolom2", "Kolom3". Say which column holds what.',
    );
  });

  it('reads the file with the columns the reader chose', async () => {
    const { entries, parser } = await parse(fixture('unknown-header.csv'), 7, {
      columns: { 0: { kind: 'term', lang: 'nl' }, 1: { kind: 'definition', lang: 'nl' }, 2: { kind: 'source' } },
    });
    expect(entries.map((e) => [e.terms, e.definitions, e.source])).toEqual([
      [
        [{ lang: 'nl', text: 'Benelux' }],
        [{ lang: 'nl', text: 'Samenwerking van België; Nederland en Luxemburg' }],
        'Kamerbrief 2023',
      ],
      [[{ lang: 'nl', text: 'PLEF' }], [{ lang: 'nl', text: 'Pentalateraal Energieforum' }], undefined],
    ]);
    expect((parser as ReturnType<typeof createCsvParser>).columns().map((c) => c.header)).toEqual([
      'Kolom1',
      'Kolom2',
      'Kolom3',
    ]);
  });

  it('reads a file without a header row when told so', async () => {
    const { entries } = await parse('Benelux,samenwerking\nPLEF,forum\n', Infinity, {
      header: false,
      columns: [
        { kind: 'term', lang: 'nl' },
        { kind: 'definition', lang: 'nl' },
      ],
    });
    expect(entries.map((e) => e.terms[0]!.text)).toEqual(['Benelux', 'PLEF']);
  });

  it('refuses a choice of columns without terms, or with a language that is not one', async () => {
    expect((await importError(parse('a,b\nx,y\n', Infinity, { columns: { 0: { kind: 'note' } } }))).message).toBe(
      'The columns chosen include no column of terms.',
    );
    expect(
      (await importError(parse('a,b\nx,y\n', Infinity, { columns: { 0: { kind: 'term', lang: 'Dutch!' } } }))).message,
    ).toBe('Column 1: "Dutch!" is not a language code.');
  });
});

describe('CSV files that cannot be imported', () => {
  it('a row with more fields than the header: names its line, counting quoted line breaks', async () => {
    const csv = 'term,definition\nBenelux,"one\ntwo\nthree"\nPLEF,forum,extra\n';
    for (const size of [1, Infinity]) {
      const error = await importError(parse(csv, size));
      expect(error.code).toBe('csv-row');
      expect(error.message).toBe("Line 5 has 3 fields, but the header has 2: is a field's text missing its quotes?");
      expect(error.line).toBe(5);
    }
  });

  it('a quoted field never closed: names the line its row begins on', async () => {
    const error = await importError(parse('term;definitie\r\nBenelux;samenwerking\r\nPLEF;"forum\r\nen meer\r\n'));
    expect(error.code).toBe('csv-row');
    expect(error.message).toBe('Line 3: a quoted field is never closed (its closing " is missing).');
  });

  it('an empty file, and one with a header but no rows', async () => {
    expect((await importError(parse(''))).message).toBe('The file is empty.');
    expect((await importError(parse('\r\n\r\n'))).message).toBe('The file is empty.');
    expect((await importError(parse('term;definitie\r\n'))).message).toBe(
      'The file holds a header row but no entries.',
    );
  });

  it('an id given twice in an id column: names both lines', async () => {
    const error = await importError(parse('id,term\n7,a\n8,b\n7,c\n'));
    expect(error.code).toBe('duplicate-id');
    expect(error.message).toBe('entry 7 appears twice: lines 2 and 4.');
  });
});

describe('recogniseColumns', () => {
  it('reads headers in English, Dutch, French and German', () => {
    const header = [
      'id',
      'term',
      'term (en)',
      'en',
      'nl',
      'English',
      'term_nl',
      'Term (DE)',
      'Terme (français)',
      'abbreviation',
      'afkorting',
      'Abkürzung',
      'definition',
      'definitie',
      'définition',
      'Definitie (EN)',
      'subject',
      'domein',
      'source',
      'bron',
      'note',
      'opmerking',
      'Bemerkung',
      'Kolom1',
    ];
    expect(recogniseColumns(header, 'nl').map((c) => (c.lang ? `${c.kind}:${c.lang}` : c.kind))).toEqual([
      'id',
      'term:nl',
      'term:en',
      'term:en',
      'term:nl',
      'term:en',
      'term:nl',
      'term:de',
      'term:fr',
      'abbreviation:nl',
      'abbreviation:nl',
      'abbreviation:nl',
      'definition:nl',
      'definition:nl',
      'definition:nl',
      'definition:en',
      'subject',
      'subject',
      'source',
      'source',
      'note',
      'note',
      'note',
      'ignore',
    ]);
  });

  it('gives language-less columns the language of their header word, else the only one named, else mul', () => {
    const read = (header: string[]) => recogniseColumns(header).map((c) => c.lang ?? '-');
    expect(read(['Begriff', 'Bedeutung'])).toEqual(['de', 'de']);
    expect(read(['term', 'definitie'])).toEqual(['nl', 'nl']);
    expect(read(['term (fr)', 'definition'])).toEqual(['fr', 'fr']);
    expect(read(['term', 'definition'])).toEqual(['mul', 'mul']);
    expect(read(['en', 'nl', 'definition'])).toEqual(['en', 'nl', 'mul']);
  });
});
