import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossaryJson from '@/data/glossary.json';
import type { Glossary } from '@/core/glossary-schema';
import { importedEntrySchema, type ImportedEntry } from '@/core/imported-schema';
import type { CollectorSettings } from './entries';
import { createJsonParser, exportGlossaryJson, MAX_JSON_BYTES } from './json-format';
import { letterEntriesToImported } from './letter-entries';
import { createTbxParser } from './tbx';
import { importError, runParser } from './test-helpers';

const parse = (text: string, chunkSize = Infinity, collector: CollectorSettings = {}) =>
  runParser((hooks) => createJsonParser({ fileName: 'export.json' }, hooks), text, chunkSize, collector, {
    maxBytes: MAX_JSON_BYTES,
  });

const iateEntries = async () => {
  const tbx = readFileSync(new URL('fixtures/iate-v3.tbx', import.meta.url), 'utf8');
  return (await runParser((hooks) => createTbxParser({}, hooks), tbx)).entries;
};

const file = (entries: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'benelux-glossary', version: 1, glossary: { id: 'g', title: 'G' }, entries, ...over });

describe('our JSON format', () => {
  it('reads back exactly what it exported: export → import → export is the same file', async () => {
    const entries = await iateEntries();
    const exported = exportGlossaryJson({ id: 'iate-benelux', title: 'IATE – Benelux' }, entries);
    for (const size of [7, Infinity]) {
      const imported = await parse(exported, size);
      expect(imported.info).toEqual({
        id: 'iate-benelux',
        title: 'IATE – Benelux',
        fileName: 'export.json',
        format: 'json',
      });
      expect(imported.entries).toEqual(entries);
      expect(exportGlossaryJson(imported.info, imported.entries)).toBe(exported);
    }
  });

  it('exports the letter: every entry valid, read back unchanged', async () => {
    const letter = letterEntriesToImported((glossaryJson as Glossary).entries);
    expect(letter).toHaveLength((glossaryJson as Glossary).entries.length);
    for (const entry of letter) expect(importedEntrySchema.parse(entry)).toEqual(entry);
    const exported = exportGlossaryJson({ id: 'letter', title: 'Kamerbrief Benelux-voorzitterschap 2023' }, letter);
    const imported = await parse(exported);
    expect(imported.entries).toEqual(letter);
    expect(exportGlossaryJson(imported.info, imported.entries)).toBe(exported);
  });

  it('refuses entries the schema refuses when exporting', () => {
    const bad = { id: 'x', terms: [], definitions: [], subjectFields: [] } as ImportedEntry;
    expect(() => exportGlossaryJson({ id: 'g', title: 'G' }, [bad])).toThrow();
  });
});

describe('the letter as imported entries', () => {
  const letter = letterEntriesToImported((glossaryJson as Glossary).entries);
  const byId = (id: string) => letter.find((e) => e.id === id)!;

  it('gives names and expansions as full forms, abbreviations in the language of their alias', () => {
    const tfeu = byId('vweu');
    expect(tfeu.terms.filter((t) => t.type === 'abbreviation').map((t) => `${t.lang}:${t.text}`)).toEqual([
      'nl:VWEU',
      'nl:VwEU',
      'en:TFEU',
      'fr:TFUE',
      'de:AEUV',
    ]);
    expect(byId('europese-unie').terms.filter((t) => t.type === 'abbreviation')).toEqual([
      { lang: 'mul', text: 'EU', type: 'abbreviation' },
      { lang: 'fr', text: 'UE', type: 'abbreviation' },
    ]);
    // The name first (what a list shows), then the expansion, the bare form found in texts.
    expect(tfeu.terms.filter((t) => t.lang === 'en' && t.type === 'fullForm').map((t) => t.text)).toEqual([
      'Treaty on the Functioning of the European Union (TFEU)',
      'Treaty on the Functioning of the European Union',
    ]);
  });

  it('keeps short as the definitions, long as the note, the source label as the source', () => {
    const entry = byId('benelux-unie');
    expect(entry.definitions.map((d) => d.lang)).toEqual(['nl', 'en', 'fr', 'de']);
    expect(entry.note).toMatch(
      /^\[nl\] De Benelux Unie is .*\n\n\[en\] The Benelux Union is .*\n\n\[fr\] .*\n\n\[de\] /s,
    );
    expect(entry.source).toMatch(/^Kamerbrief Benelux-voorzitterschap 2023/);
    // The letter's other forms stay, as variants: "Benelux" is matched in every language.
    expect(entry.terms).toContainEqual({ lang: 'mul', text: 'Benelux', type: 'variant' });
  });
});

describe('JSON files that cannot be imported', () => {
  it('malformed JSON: names line and column', async () => {
    const error = await importError(parse('{\n  "format": "benelux-glossary",\n  "version": 1\n  "glossary": {}\n}'));
    expect(error.code).toBe('json');
    expect(error.message).toBe(
      "The file is not valid JSON at line 4, column 3: Expected ',' or '}' after property value.",
    );
    expect(error).toMatchObject({ line: 4, column: 3 });
  });

  it('another JSON file, and a newer version of ours', async () => {
    expect((await importError(parse('{"name": "package"}'))).message).toBe(
      'This JSON file is not a Benelux Glossary glossary: its "format" is missing, not "benelux-glossary".',
    );
    expect((await importError(parse(file([], { version: 2 })))).message).toMatch(
      /^This glossary file is version 2, made by a newer Benelux Glossary; this one reads version 1\./,
    );
    expect((await importError(parse(file([], { glossary: { id: 'Not Kebab', title: 'G' } })))).message).toBe(
      'glossary.id: glossary ids are kebab-case.',
    );
  });

  it('an invalid entry: names its index, its id and the field', async () => {
    const good = { id: 'a', terms: [{ lang: 'nl', text: 'x' }], definitions: [], subjectFields: [] };
    const error = await importError(
      parse(file([good, { ...good, id: 'b', terms: [{ lang: 'nl', text: 'y', reliability: 7 }] }])),
    );
    expect(error.code).toBe('invalid-entry');
    expect(error.message).toBe('entries[1].terms[0].reliability (entry b): Too big: expected number to be <=4.');
    expect(error.entry).toBe('b');
  });

  it('an id given twice: names both places', async () => {
    const entry = { id: 'a', terms: [{ lang: 'nl', text: 'x' }], definitions: [], subjectFields: [] };
    expect((await importError(parse(file([entry, entry])))).message).toBe(
      'entry a appears twice: entries[0] and entries[1].',
    );
  });

  it('an empty file', async () => {
    expect((await importError(parse('  \n'))).message).toBe('The file is empty.');
  });
});
