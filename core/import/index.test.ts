import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importedEntrySchema,
  importedGlossaryInfoSchema,
  type ImportedEntry,
  type ImportedGlossaryInfo,
} from '@/core/imported-schema';
import { makeTbx } from '@/scripts/make-tbx';
import { detectFormat, exportGlossaryJson, MAX_JSON_BYTES, parseGlossaryFile, type ParseFileSettings } from './index';
import { bytes, chunked, importError, streamOf } from './test-helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const IATE = fixture('iate-v3.tbx');

async function importFile(content: string | Uint8Array, settings: ParseFileSettings, chunkSize = 4096) {
  const batches: ImportedEntry[][] = [];
  const infos: ImportedGlossaryInfo[] = [];
  const { stream, pulled } = streamOf(chunked(content, chunkSize));
  const result = await parseGlossaryFile(stream, settings, async (batch, info) => {
    await Promise.resolve();
    batches.push(batch);
    infos.push(info);
  });
  return { result, batches, entries: batches.flat(), infos, pulled };
}

describe('detectFormat', () => {
  it('tells TBX v3 from martif by the root, past declarations, comments and doctypes', () => {
    expect(detectFormat('a.xml', IATE)).toBe('tbx');
    expect(detectFormat(undefined, fixture('martif.tbx'))).toBe('tbx-martif');
    expect(detectFormat('x', bytes('\uFEFF<!-- <tbx> --><!DOCTYPE martif SYSTEM "x.dtd">\n<martif type="TBX">'))).toBe(
      'tbx-martif',
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<tbx>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(detectFormat('glossary', utf16)).toBe('tbx');
  });

  it('reads JSON by its brace, CSV by its extension or as plain text', () => {
    expect(detectFormat('export.txt', bytes('  {"format": "benelux-glossary"'))).toBe('json');
    expect(detectFormat('lijst.csv', fixture('excel.csv'))).toBe('csv');
    expect(detectFormat('lijst.tsv', bytes('term\tdefinition'))).toBe('csv');
    expect(detectFormat(undefined, bytes('term;definitie'))).toBe('csv');
  });

  it('believes the content over the name, and gives null for binary files', () => {
    // An HTML page saved as .csv is XML-like: the TBX parser then names its root.
    expect(detectFormat('lijst.csv', bytes('<!DOCTYPE html><html>'))).toBe('tbx');
    expect(detectFormat('lijst.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(detectFormat('x.bin', new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
    expect(detectFormat('leeg.csv', new Uint8Array(0))).toBe('csv');
    expect(detectFormat(undefined, new Uint8Array(0))).toBeNull();
  });
});

describe('parseGlossaryFile', () => {
  it('streams a TBX file in batches, each entry valid, with its info, progress and languages', async () => {
    const progress: number[] = [];
    const { result, batches, infos, entries } = await importFile(IATE, {
      fileName: 'IATE_export.tbx',
      batchSize: 2,
      onProgress: (n) => progress.push(n),
    });
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    expect(infos[0]).toEqual(result.info);
    expect(result).toEqual({
      info: {
        id: 'iate-benelux-eu-institutions',
        title: 'IATE – Benelux & EU institutions',
        fileName: 'IATE_export.tbx',
        format: 'tbx',
      },
      count: 3,
      read: 3,
      dropped: 0,
      languages: ['de', 'en', 'fr', 'ga', 'nl'],
      complete: true,
      warnings: [],
      warningCount: 0,
    });
    expect(progress.at(-1)).toBe(IATE.length);
    expect(importedGlossaryInfoSchema.safeParse(result.info).success).toBe(true);
    for (const entry of entries) expect(importedEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('reads a generated IATE-shaped file (scripts/make-tbx.ts)', async () => {
    const tbx = makeTbx({ concepts: 300, langs: ['nl', 'en', 'fr', 'de'], seed: 7 });
    const { result, entries } = await importFile(tbx, { fileName: 'big.tbx' }, 64 * 1024);
    expect(result.count).toBe(300);
    expect(result.languages).toEqual(['de', 'en', 'fr', 'nl']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(300);
    expect(entries.every((e) => importedEntrySchema.safeParse(e).success)).toBe(true);
  });

  it('reads CSV and JSON through the same door', async () => {
    const csv = await importFile(fixture('excel.csv'), { fileName: 'Woordenlijst.csv' }, 7);
    expect(csv.result).toMatchObject({ count: 3, info: { id: 'woordenlijst', format: 'csv' } });
    expect(csv.result.columns?.map((c) => c.header)).toEqual([
      'Term (NL)',
      'Term (EN)',
      'Afkorting',
      'Definitie',
      'Domein',
      'Bron',
    ]);

    const json = exportGlossaryJson({ id: 'woordenlijst', title: 'Woordenlijst' }, csv.entries);
    const back = await importFile(json, { fileName: 'woordenlijst.json' });
    expect(back.entries).toEqual(csv.entries);
    expect(back.result.info).toEqual({
      id: 'woordenlijst',
      title: 'Woordenlijst',
      fileName: 'woordenlijst.json',
      format: 'json',
    });
  });

  it('takes the reader’s choice of CSV columns', async () => {
    const { entries } = await importFile(fixture('unknown-header.csv'), {
      fileName: 'lijst.csv',
      csvColumns: { 0: { kind: 'term', lang: 'nl' }, 1: { kind: 'definition', lang: 'nl' } },
    });
    expect(entries.map((e) => e.terms[0]!.text)).toEqual(['Benelux', 'PLEF']);
  });
});

describe('import options, applied while parsing', () => {
  const termsOf = (entries: ImportedEntry[]) => entries.map((e) => e.terms.map((t) => t.text));

  it('languages: keeps those chosen; entries left without a term are dropped and counted', async () => {
    const { result, entries } = await importFile(IATE, { options: { languages: ['ga'] } });
    expect(termsOf(entries)).toEqual([['Aontas Benelux'], ['an Conradh ar Fheidhmiú an Aontais Eorpaigh', 'CFAE']]);
    expect(result).toMatchObject({ count: 2, read: 3, dropped: 1, languages: ['de', 'en', 'fr', 'ga', 'nl'] });
  });

  it('minReliability: drops terms below it', async () => {
    const { entries } = await importFile(IATE, { options: { minReliability: 3, languages: ['nl'] } });
    // "Benelux" (6 → 2) and JBZ (6 → 2) go; EG-Verdrag has no reliability and stays.
    expect(termsOf(entries)).toEqual([
      ['Benelux Unie'],
      ['Verdrag betreffende de werking van de Europese Unie', 'VWEU', 'EG-Verdrag'],
    ]);
  });

  it('skipDeprecated: drops deprecated and obsolete terms', async () => {
    const { entries } = await importFile(IATE, { options: { skipDeprecated: true, languages: ['en', 'nl'] } });
    expect(termsOf(entries)[1]).toEqual([
      'Treaty on the Functioning of the European Union',
      'TFEU',
      'Verdrag betreffende de werking van de Europese Unie',
      'VWEU',
    ]);
  });
});

describe('preview', () => {
  it('stops after N entries, stops reading the file, reports what it saw', async () => {
    const tbx = makeTbx({ concepts: 2000, langs: ['nl', 'en'], seed: 3 });
    const { result, entries, pulled } = await importFile(tbx, { fileName: 'big.tbx', preview: 5 }, 1024);
    expect(entries).toHaveLength(5);
    expect(result).toMatchObject({ count: 5, read: 5, complete: false, languages: ['en', 'nl'] });
    expect(result.info.title).toBe('Generated IATE export (2000 concepts)');
    expect(pulled()).toBeLessThan(chunked(tbx, 1024).length / 10);
  });

  it('gives the same entries whatever the chunks', async () => {
    const whole = await importFile(IATE, { preview: 2 }, Infinity);
    const bytewise = await importFile(IATE, { preview: 2 }, 1);
    expect(bytewise.entries).toEqual(whole.entries);
    expect(bytewise.result).toEqual(whole.result);
  });

  it('says complete when the file had no more entries than asked', async () => {
    expect((await importFile(IATE, { preview: 10 })).result).toMatchObject({ count: 3, complete: true });
  });
});

describe('files that cannot be imported', () => {
  it('a Latin-1 CSV: names the byte, offset and line', async () => {
    const latin1 = Uint8Array.from('term;definitie\nBelgi\u00eb;land\n', (c) => c.charCodeAt(0));
    const error = await importError(importFile(latin1, { fileName: 'lijst.csv' }));
    expect(error).toMatchObject({ code: 'encoding', line: 2 });
    expect(error.message).toContain('byte 0xEB at byte offset 20 (line 2)');
  });

  it('a spreadsheet (xlsx), an empty file, a file of unknown kind', async () => {
    expect(
      (await importError(importFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), { fileName: 'lijst.xlsx' })))
        .message,
    ).toMatch(/^This is not a text file: it looks like a ZIP archive/);
    expect((await importError(importFile('', { fileName: 'leeg.tbx' }))).message).toBe('The file is empty.');
    expect((await importError(importFile('', {}))).message).toBe('The file is empty.');
  });

  it('an HTML page named .tbx: names the root found', async () => {
    const error = await importError(importFile('<html><body>Not found</body></html>', { fileName: 'iate.tbx' }));
    expect(error.message).toBe('This is not a TBX file: expected <tbx> or <martif>, found <html>.');
  });

  it('a JSON file over the cap, refused while it is read', async () => {
    const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
    const chunks = Array.from({ length: MAX_JSON_BYTES / megabyte.length + 1 }, () => megabyte);
    const error = await importError(
      parseGlossaryFile([bytes('{'), ...chunks], { fileName: 'big.json' }, () => undefined),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The file is larger than 50 MB, the most a JSON glossary may hold.');
  });
});

describe('a file that names itself as one of the extension’s glossaries', () => {
  it('is kept under another id, so it never replaces the bundled letter', async () => {
    const csv = await importFile('term;definition\nBenelux;Samenwerking\n', { fileName: 'letter.csv' });
    expect(csv.result.info.id).toBe('letter-import');
    expect(csv.infos.every((info) => info.id === 'letter-import')).toBe(true);
    const json = exportGlossaryJson({ id: 'letter', title: 'Kamerbrief' }, csv.entries);
    expect((await importFile(json, { fileName: 'export.json' })).result.info.id).toBe('letter-import');
    expect((await importFile(json.replace('"letter"', '"my-terms"'), { fileName: 'x.json' })).result.info.id).toBe(
      'my-terms-import',
    );
  });
});
