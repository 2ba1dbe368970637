import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedEntrySchema } from '@/core/imported-schema';
import type { CollectorSettings } from './entries';
import { createTbxParser, reliabilityCode, termStatus, termType } from './tbx';
import { importError, runParser } from './test-helpers';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const IATE = fixture('iate-v3.tbx');
const MARTIF = fixture('martif.tbx');

const parse = (text: string, chunkSize = Infinity, fileName = 'export.tbx', settings: CollectorSettings = {}) =>
  runParser((hooks) => createTbxParser({ fileName }, hooks), text, chunkSize, settings, { xml: true });

/** A TBX v3 file around the given conceptEntry elements (line 1 is the declaration, entries start on line 4). */
const tbx = (
  body: string,
  header = '<tbxHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></tbxHeader>',
) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2">${header}\n<text><body>\n${body}\n</body></text></tbx>\n`;
const concept = (id: string, term = 'Benelux') =>
  `<conceptEntry id="${id}"><langSec xml:lang="nl"><termSec><term>${term}</term></termSec></langSec></conceptEntry>`;

describe('TBX v3 as IATE exports it', () => {
  it('reads concepts, languages, terms and their notes, definitions, subject fields, sources and notes', async () => {
    const { entries, info, collector } = await parse(IATE, Infinity, 'IATE_export.tbx');
    expect(info).toEqual({
      id: 'iate-benelux-eu-institutions',
      title: 'IATE – Benelux & EU institutions',
      fileName: 'IATE_export.tbx',
      format: 'tbx',
    });
    expect(entries.map((e) => e.id)).toEqual(['884512', '1094325', '3566741']);
    expect(collector.languages()).toEqual(['de', 'en', 'fr', 'ga', 'nl']);

    const [benelux, tfeu, jha] = entries;
    expect(benelux!.subjectFields).toEqual(['INTERNATIONAL RELATIONS', 'EUROPEAN UNION']);
    expect(benelux!.terms.slice(0, 3)).toEqual([
      { lang: 'nl', text: 'Benelux Unie', type: 'fullForm', status: 'preferred', reliability: 3 },
      { lang: 'nl', text: 'Benelux', type: 'shortForm', status: 'admitted', reliability: 2 },
      // xml:lang="en-GB" is English; IATE's 10 is "very reliable".
      { lang: 'en', text: 'Benelux Union', type: 'fullForm', reliability: 4 },
    ]);
    expect(benelux!.terms.find((t) => t.lang === 'ga')).toEqual({
      lang: 'ga',
      text: 'Aontas Benelux',
      type: 'fullForm',
      reliability: 1,
    });
    // Inline markup gives its text; line breaks inside the definition are a space.
    expect(benelux!.definitions).toEqual([
      { lang: 'en', text: 'Regional cooperation of Belgium, the Netherlands and Luxembourg, based on the 2008 Treaty' },
    ]);
    expect(benelux!.source).toBe('Treaty revising the Treaty establishing the Benelux Economic Union, 2008');

    expect(tfeu!.terms.filter((t) => t.type === 'abbreviation' || t.type === 'acronym').map((t) => t.text)).toEqual([
      'TFEU',
      'VWEU',
      'TFUE',
      'AEUV',
      'CFAE',
    ]);
    expect(tfeu!.terms.find((t) => t.text === 'EC Treaty')).toMatchObject({ status: 'obsolete', reliability: 2 });
    expect(tfeu!.terms.find((t) => t.text === 'EG-Verdrag')).toMatchObject({ status: 'deprecated' });
    // IATE's words for reliability.
    expect(tfeu!.terms.find((t) => t.text === 'VWEU')!.reliability).toBe(4);
    expect(tfeu!.terms.find((t) => t.lang === 'ga' && t.type === 'fullForm')!.reliability).toBe(1);

    expect(jha!.note).toBe('Third pillar of the EU before the Lisbon Treaty.');
    expect(jha!.source).toBe('EUR-Lex');
    expect(jha!.terms.find((t) => t.text === 'justice et affaires intérieures')!.type).toBe('variant');
    expect(jha!.terms.find((t) => t.text === 'JAI')!.type).toBe('other');

    for (const entry of entries) expect(importedEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('keeps markup written as text as text', async () => {
    const { entries } = await parse(IATE);
    expect(entries[1]!.definitions[0]!.text).toBe(
      'Treaty that organises the functioning of the Union <img src=x onerror=alert(1)> and determines its competences',
    );
  });

  it('gives the same entries whether the file comes in 1-byte, 7-byte or whole chunks', async () => {
    const whole = await parse(IATE);
    for (const size of [1, 7, 4096]) {
      const chunked = await parse(IATE, size);
      expect(chunked.entries).toEqual(whole.entries);
      expect(chunked.info).toEqual(whole.info);
    }
    const martif = await parse(MARTIF);
    expect((await parse(MARTIF, 1)).entries).toEqual(martif.entries);
  });

  it('reads TBX-Basic data categories written as elements (DCT style)', async () => {
    const { entries } = await parse(
      tbx(`<conceptEntry id="tzimtzum" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
        <min:subjectField>kabbalah</min:subjectField>
        <langSec xml:lang="en"><basic:definition>A contraction</basic:definition>
          <termSec><term>tzimtzum</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus>
          <basic:termType>acronym</basic:termType></termSec></langSec></conceptEntry>`),
    );
    expect(entries[0]).toEqual({
      id: 'tzimtzum',
      terms: [{ lang: 'en', text: 'tzimtzum', type: 'acronym', status: 'deprecated' }],
      definitions: [{ lang: 'en', text: 'A contraction' }],
      subjectFields: ['kabbalah'],
    });
  });

  it('gives a section without xml:lang the root’s language, as XML inherits it', async () => {
    const { entries } = await parse(
      '<martif type="TBX" xml:lang="nl-BE"><text><body><termEntry id="1"><langSet><tig><term>gemeente</term></tig></langSet></termEntry></body></text></martif>',
    );
    expect(entries[0]!.terms).toEqual([{ lang: 'nl', text: 'gemeente' }]);
  });

  it('encodes ids entryIdSchema refuses, the same way each time', async () => {
    const a = await parse(tbx(concept('IATE:84/2')));
    const b = await parse(tbx(concept('IATE:84/2')));
    expect(a.entries[0]!.id).toMatch(/^IATE_84_2~[0-9a-z]+$/);
    expect(a.entries[0]!.id).toBe(b.entries[0]!.id);
  });

  it('names the glossary from the root id, else the file name, when the header has no title', async () => {
    const noTitle = (rootId: string) =>
      `<tbx type="TBX-Core"${rootId}><tbxHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></tbxHeader><text><body>${concept('1')}</body></text></tbx>`;
    expect((await parse(noTitle(' id="EU-Terms 2024"'))).info).toMatchObject({
      id: 'eu-terms-2024',
      title: 'EU-Terms 2024',
    });
    expect((await parse(noTitle(''), Infinity, 'C:\\Downloads\\IATE_export_25062024.tbx')).info).toMatchObject({
      id: 'iate-export-25062024',
      title: 'IATE_export_25062024',
      fileName: 'C:\\Downloads\\IATE_export_25062024.tbx',
    });
  });
});

describe('TBX 2 (martif)', () => {
  it('reads termEntry, langSet, tig and ntig/termGrp, descripGrp', async () => {
    const { entries, info } = await parse(MARTIF);
    expect(info).toMatchObject({ id: 'grensoverschrijdende-samenwerking-benelux', format: 'tbx-martif' });
    expect(entries).toEqual([
      {
        id: 'c1',
        terms: [
          { lang: 'nl', text: 'grensoverschrijdende samenwerking', type: 'fullForm', reliability: 3 },
          { lang: 'fr', text: 'coopération transfrontalière', type: 'fullForm', status: 'preferred' },
        ],
        definitions: [{ lang: 'nl', text: 'Samenwerking tussen overheden aan weerszijden van een grens.' }],
        subjectFields: ['cross-border cooperation'],
        source: 'Benelux-Verdrag 2008',
      },
      {
        id: 'c2',
        terms: [
          { lang: 'de', text: 'Grenzgänger', type: 'fullForm' },
          { lang: 'de', text: 'Grenzpendler', status: 'deprecated' },
          { lang: 'en', text: 'cross-border commuter' },
          { lang: 'en', text: 'frontier worker', type: 'variant', reliability: 2 },
        ],
        definitions: [],
        subjectFields: [],
      },
    ]);
  });
});

describe('TBX files that cannot be imported', () => {
  it('malformed XML: names line and column', async () => {
    const error = await importError(
      parse(tbx(`${concept('1')}\n<conceptEntry id="2"><langSec xml:lang="nl"><termSec><term>a</termSec>`)),
    );
    expect(error.code).toBe('xml');
    expect(error.message).toMatch(/^The XML is malformed at line 5, column \d+: unexpected close tag\.$/);
    expect(error.line).toBe(5);
  });

  it('a truncated file: names the open entry and where it began', async () => {
    const cut = IATE.slice(0, IATE.indexOf('<term>VWEU</term>'));
    for (const size of [Infinity, 7]) {
      const error = await importError(parse(cut, size));
      expect(error.code).toBe('truncated');
      expect(error.message).toBe(
        'The file ends inside <conceptEntry> (entry 1094325 (line 67)), opened at line 67: it looks cut short. Export or download it again.',
      );
      expect(error.line).toBe(67);
      expect(error.entry).toBe('1094325');
    }
  });

  it('a file of another kind: names the root found', async () => {
    const error = await importError(parse('<!DOCTYPE html>\n<html><body><p>Not found</p></body></html>'));
    expect(error.code).toBe('root');
    expect(error.message).toBe('This is not a TBX file: expected <tbx> or <martif>, found <html>.');
    expect(error.line).toBe(2);
  });

  it('text that is not XML at all', async () => {
    for (const size of [1, Infinity]) {
      const error = await importError(parse('\n  term;definition\nBenelux;samenwerking\n', size));
      expect(error.code).toBe('root');
      expect(error.message).toBe('This is not a TBX file: line 2 begins with text, not with an XML element ("<…>").');
    }
  });

  it('an entry without a term: names it and its line', async () => {
    const error = await importError(
      parse(
        tbx(
          `${concept('1')}\n<conceptEntry id="2"><descrip type="subjectField">LAW</descrip><langSec xml:lang="nl"/></conceptEntry>`,
        ),
      ),
    );
    expect(error.code).toBe('no-term');
    expect(error.message).toBe('entry 2 (line 5) has no term.');
  });

  it('an id given twice: names both lines', async () => {
    const body = [concept('12345'), ...Array.from({ length: 3 }, (_, i) => concept(`${i}`)), concept('12345')].join(
      '\n',
    );
    const error = await importError(parse(tbx(body)));
    expect(error.code).toBe('duplicate-id');
    expect(error.message).toBe('entry 12345 appears twice: lines 4 and 8.');
  });

  it('an entry without an id: names its number and line', async () => {
    const error = await importError(
      parse(
        tbx(
          `${concept('1')}\n${concept('2')}\n<conceptEntry><langSec xml:lang="nl"><termSec><term>x</term></termSec></langSec></conceptEntry>`,
        ),
      ),
    );
    expect(error.code).toBe('entry-id');
    expect(error.message).toBe('entry 3 (line 6) has no id.');
  });

  it('a language section without a language', async () => {
    const error = await importError(
      parse(tbx('<conceptEntry id="7"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>')),
    );
    expect(error.code).toBe('language');
    expect(error.message).toBe('entry 7 (line 4): <langSec> at line 4 has no language (xml:lang).');
  });

  it('a language section whose language is not a language code', async () => {
    const error = await importError(
      parse(
        tbx(
          '<conceptEntry id="7"><langSec xml:lang="Nederlands"><termSec><term>x</term></termSec></langSec></conceptEntry>',
        ),
      ),
    );
    expect(error.message).toBe(
      'entry 7 (line 4): <langSec> at line 4 has the language "Nederlands", which is not a language code.',
    );
  });

  it('an empty file, one of whitespace, one with no entries', async () => {
    expect((await importError(parse(''))).message).toBe('The file is empty.');
    expect((await importError(parse('  \n\n '))).message).toBe('The file is empty: it holds no TBX element.');
    expect((await importError(parse(tbx('')))).message).toBe('The file holds no entries: no <conceptEntry> in it.');
  });
});

describe('TBX values', () => {
  it('reads reliability codes on IATE’s four grades, from either scale or in words', () => {
    expect(['1', '2', '3', '4', '5', '6', '9', '10', '0', '11', 'x'].map(reliabilityCode)).toEqual([
      1,
      2,
      3,
      4,
      2,
      2,
      3,
      4,
      undefined,
      undefined,
      undefined,
    ]);
    expect(
      ['Reliability not verified', 'Minimum reliability', 'Reliable', 'Very reliable'].map(reliabilityCode),
    ).toEqual([1, 2, 3, 4]);
  });

  it('reads administrative status and term types, unknown types as other', () => {
    expect(
      [
        'preferredTerm-admn-sts',
        'admittedTerm-admn-sts',
        'deprecatedTerm-admn-sts',
        'supersededTerm-admn-sts',
        'obsolete',
        'proposed',
      ].map(termStatus),
    ).toEqual(['preferred', 'admitted', 'deprecated', 'obsolete', 'obsolete', undefined]);
    expect(['fullForm', 'Short form', 'initialism', 'formula', 'phrase'].map(termType)).toEqual([
      'fullForm',
      'shortForm',
      'acronym',
      'other',
      'phrase',
    ]);
  });
});
