import { describe, expect, it } from 'vitest';
import { decodeText, type DecodeOptions } from './decode';
import { bytes, chunked, importError, streamOf } from './test-helpers';

async function decode(chunks: Iterable<Uint8Array> | ReadableStream<Uint8Array>, options: DecodeOptions = {}) {
  let text = '';
  for await (const piece of decodeText(chunks, options)) text += piece;
  return text;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16 = (text: string, littleEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
};

describe('decodeText', () => {
  it('drops a UTF-8 BOM and decodes the same whatever the chunks (a character split between two)', async () => {
    const file = bytes('\uFEFFterm;definitie\nBelgië;Koninkrijk — “België” 🇧🇪\n');
    for (const size of [1, 2, 3, 7, Infinity]) {
      expect(await decode(chunked(file, size))).toBe('term;definitie\nBelgië;Koninkrijk — “België” 🇧🇪\n');
    }
  });

  it('decodes UTF-16 with a BOM, either byte order, in any chunks', async () => {
    for (const littleEndian of [true, false]) {
      const file = utf16('term\nBelgië 🇧🇪\n', littleEndian);
      for (const size of [1, 3, Infinity]) expect(await decode(chunked(file, size))).toBe('term\nBelgië 🇧🇪\n');
    }
  });

  it('recognises UTF-16 XML without a BOM by its first "<"', async () => {
    const file = utf16('<tbx/>', true).subarray(2);
    expect(await decode([file], { xml: true })).toBe('<tbx/>');
  });

  it('refuses a Latin-1 file, naming the byte, its offset and its line', async () => {
    const file = latin1('term;definitie\nBelgi\u00eb;Koninkrijk\n');
    for (const size of [1, 5, Infinity]) {
      const error = await importError(decode(chunked(file, size)));
      expect(error.code).toBe('encoding');
      expect(error.message).toContain('byte 0xEB at byte offset 20 (line 2)');
      expect(error.message).toContain('UTF-8');
      expect(error.line).toBe(2);
    }
  });

  it('points at the lead byte of a sequence cut short, not at the byte after it', async () => {
    // "caf" + a 3-byte lead (E2) + "x": the decoder fails at "x"; the culprit is at offset 3.
    const error = await importError(decode([Uint8Array.from([0x63, 0x61, 0x66, 0xe2, 0x78])]));
    expect(error.message).toContain('byte 0xE2 at byte offset 3 (line 1)');
  });

  it('says so when the file ends inside a character', async () => {
    const error = await importError(decode([bytes('term\nBelgi'), Uint8Array.from([0xc3])]));
    expect(error.code).toBe('encoding');
    expect(error.message).toContain('ends in the middle of a character (byte offset 11)');
  });

  it('honours an XML declaration naming ISO-8859-1 or windows-1252', async () => {
    const iso = latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<tbx><title>Belgi\u00eb</title></tbx>');
    expect(await decode(chunked(iso, 4), { xml: true })).toContain('<title>België</title>');
    const windows = latin1("<?xml version='1.0' encoding='windows-1252'?><t>\u0080 5</t>");
    expect(await decode([windows], { xml: true })).toContain('<t>€ 5</t>');
    // Not for CSV: a declaration means nothing there.
    await expect(decode([iso])).rejects.toThrow(/not UTF-8/);
  });

  it('refuses an encoding it cannot read, by name', async () => {
    const error = await importError(
      decode([bytes('<?xml version="1.0" encoding="EBCDIC-XYZ"?><tbx/>')], { xml: true }),
    );
    expect(error.message).toContain('"EBCDIC-XYZ"');
  });

  it('refuses binary files by what they look like', async () => {
    const cases: Array<[number[], RegExp]> = [
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /ZIP archive \(an Excel \.xlsx/],
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF document/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG image/],
    ];
    for (const [signature, message] of cases) {
      const error = await importError(decode([Uint8Array.from(signature)]));
      expect(error.code).toBe('binary');
      expect(error.message).toMatch(message);
    }
  });

  it('refuses text with NUL bytes, naming the offset and line', async () => {
    const error = await importError(decode(chunked(Uint8Array.from([0x61, 0x0a, 0x62, 0x00, 0x63]), 2)));
    expect(error.code).toBe('binary');
    expect(error.message).toContain('byte offset 3');
    expect(error.line).toBe(2);
  });

  it('calls an empty file empty, a BOM alone too', async () => {
    expect((await importError(decode([]))).code).toBe('empty');
    expect(await importError(decode([new Uint8Array(0)]))).toMatchObject({ code: 'empty' });
    expect(await importError(decode([Uint8Array.from([0xef, 0xbb, 0xbf])]))).toMatchObject({
      message: 'The file is empty.',
    });
  });

  it('reports the bytes read after each chunk', async () => {
    const seen: number[] = [];
    await decode(chunked('abcdefghij', 4), { onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([4, 8, 10]);
  });

  it('refuses a file over maxBytes, saying what the cap is for', async () => {
    const error = await importError(
      decode(chunked('x'.repeat(3000), 1000), { maxBytes: 2048, maxBytesReason: 'a JSON glossary' }),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The file is larger than 2 KB, the most a JSON glossary may hold.');
  });

  it('reads a ReadableStream and cancels it when the reader stops early', async () => {
    const { stream, pulled } = streamOf(chunked('a'.repeat(10_000), 1000));
    for await (const piece of decodeText(stream)) {
      expect(piece).toMatch(/^a+$/);
      break;
    }
    expect(pulled()).toBeLessThan(4);
    expect(() => stream.getReader()).not.toThrow();
  });
});
