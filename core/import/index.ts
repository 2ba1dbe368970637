import { importedGlossaryId } from '@/core/ids';
import type { ImportedEntry, ImportedGlossaryInfo } from '@/core/imported-schema';
import { createCsvParser, type CsvColumn, type CsvSettings } from './csv';
import { ByteInput, checkHead, decodeText, type ByteSource } from './decode';
import { counts, EntryCollector, type ImportOptions, type TextParser } from './entries';
import { ImportError } from './import-error';
import { createJsonParser, MAX_JSON_BYTES } from './json-format';
import { createTbxParser } from './tbx';

/**
 * Importing a reader's glossary file: one entry point for TBX (v3 and martif), CSV and our JSON, running the same
 * in a Web Worker and in Node. Bytes come in as a stream, entries go out in batches as they are read; the file is
 * never held whole (JSON, read whole, is capped).
 */

export { ImportError, type ImportErrorCode } from './import-error';
export type { ByteSource } from './decode';
export type { ImportOptions } from './entries';
export { recogniseColumns, CSV_COLUMN_KINDS, type CsvColumn, type CsvColumnKind } from './csv';
export { exportGlossaryJson, glossaryFileSchema, MAX_JSON_BYTES, type GlossaryFile } from './json-format';
export { letterEntriesToImported } from './letter-entries';

export type ImportFormat = ImportedGlossaryInfo['format'];

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  tbx: 'tbx',
  xml: 'tbx',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  json: 'json',
};

/**
 * A file's format from its first bytes (an XML root, a JSON object), or else its name's extension; null when
 * neither tells (a binary file, an unknown extension with nothing to go on).
 */
export function detectFormat(fileName: string | undefined, firstBytes: Uint8Array): ImportFormat | null {
  const byName = EXTENSIONS[fileName?.split('.').pop()?.toLowerCase() ?? ''] ?? null;
  let text: string;
  try {
    checkHead(firstBytes);
    const utf16 =
      firstBytes[0] === 0xff && firstBytes[1] === 0xfe
        ? 'utf-16le'
        : firstBytes[0] === 0xfe && firstBytes[1] === 0xff
          ? 'utf-16be'
          : 'utf-8';
    text = new TextDecoder(utf16).decode(firstBytes.subarray(0, 4096)).trimStart();
  } catch {
    return firstBytes.length === 0 ? byName : null;
  }
  if (text.startsWith('<')) {
    const root = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<!--[\s\S]*?(-->|$)|<![^>]*>|<\?[\s\S]*?\?>/g, ''));
    return root?.[1]?.split(':').pop() === 'martif' ? 'tbx-martif' : 'tbx';
  }
  if (text.startsWith('{')) return 'json';
  return byName ?? (text ? 'csv' : null);
}

export interface ParseFileSettings {
  /** The file's name: its extension helps tell the format, its base names a CSV's glossary. */
  fileName?: string;
  /** The format, when known (else detected). */
  format?: ImportFormat;
  /** For CSV: which column holds what, when the reader was asked (see ImportError `csv-columns`). */
  csvColumns?: CsvSettings['columns'];
  /** For CSV: whether the first row names the columns (default true). */
  csvHeader?: boolean;
  /** For CSV: the language of term columns whose header names none (default "mul"). */
  defaultLanguage?: string;
  /** What to keep: languages, a least reliability, no deprecated terms. */
  options?: ImportOptions;
  /** A preview: stop after this many entries (languages and counts are those of the entries read so far). */
  preview?: number;
  /** Entries per batch (default 500). */
  batchSize?: number;
  /** Bytes read so far, after each chunk. */
  onProgress?: (bytesRead: number) => void;
}

export interface ParseFileResult {
  info: ImportedGlossaryInfo;
  /** Entries handed to onEntries. */
  count: number;
  /** Languages with terms or definitions in the entries read (before the options dropped any), sorted. */
  languages: string[];
  /** Entries read from the file. */
  read: number;
  /** Entries read but not imported: the options left them without a term (or every term was too long). */
  dropped: number;
  /** False when a preview stopped before the end of the file. */
  complete: boolean;
  /** Fixes made while reading (a text shortened, a term left out, an id made unique), the first 100. */
  warnings: string[];
  warningCount: number;
  /** For CSV: how each column was read. */
  columns?: ReadonlyArray<CsvColumn & { header: string }>;
}

/**
 * Reads a glossary file and hands its entries to `onEntries` in batches, each entry valid by importedEntrySchema,
 * awaiting each call (so a worker or a database write sets the pace). Throws ImportError, which names what is
 * wrong and where; entries handed out before an error should then be thrown away.
 */
export async function parseGlossaryFile(
  source: ByteSource,
  settings: ParseFileSettings,
  onEntries: (batch: ImportedEntry[], info: ImportedGlossaryInfo) => void | Promise<void>,
): Promise<ParseFileResult> {
  const input = new ByteInput(source);
  const head = await input.head();
  const format = settings.format ?? detectFormat(settings.fileName, head);
  if (!format) {
    checkHead(head);
    throw new ImportError(
      'format',
      `Cannot tell what kind of file ${settings.fileName ? `"${settings.fileName}" ` : ''}this is: import a TBX, CSV or JSON glossary.`,
    );
  }
  const collector = new EntryCollector({
    ...(settings.options && { options: settings.options }),
    ...(settings.batchSize !== undefined && { batchSize: settings.batchSize }),
    ...(settings.preview !== undefined && { limit: settings.preview }),
  });
  const hooks = { collector };
  let csv: ReturnType<typeof createCsvParser> | undefined;
  let parser: TextParser;
  if (format === 'csv') {
    parser = csv = createCsvParser(
      {
        ...(settings.fileName !== undefined && { fileName: settings.fileName }),
        ...(settings.csvColumns && { columns: settings.csvColumns }),
        ...(settings.csvHeader !== undefined && { header: settings.csvHeader }),
        ...(settings.defaultLanguage !== undefined && { defaultLanguage: settings.defaultLanguage }),
      },
      hooks,
    );
  } else if (format === 'json') {
    parser = createJsonParser({ ...(settings.fileName !== undefined && { fileName: settings.fileName }) }, hooks);
  } else {
    parser = createTbxParser({ ...(settings.fileName !== undefined && { fileName: settings.fileName }) }, hooks);
  }

  // The file's name for itself, unless it is one of the extension's own (core/ids.ts).
  const info = (): ImportedGlossaryInfo => {
    const said = parser.info();
    return { ...said, id: importedGlossaryId(said.id) };
  };
  const deliver = async () => {
    for (const batch of collector.drain()) await onEntries(batch, info());
  };
  const text = decodeText(input, {
    ...(settings.onProgress && { onProgress: settings.onProgress }),
    xml: format === 'tbx' || format === 'tbx-martif',
    ...(format === 'json' && { maxBytes: MAX_JSON_BYTES, maxBytesReason: 'a JSON glossary' }),
  });
  for await (const chunk of text) {
    parser.write(chunk);
    await deliver();
    // A preview has what it asked for: stop reading (the source is cancelled).
    if (collector.full) break;
  }
  if (!collector.full) parser.end();
  collector.flush();
  await deliver();
  return {
    info: info(),
    ...counts(collector),
    complete: !collector.full || settings.preview === undefined,
    ...(csv && { columns: csv.columns() }),
  };
}
