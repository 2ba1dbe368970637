import type { ImportedEntry, ImportedGlossaryInfo } from '@/core/imported-schema';

/**
 * STAND-IN for `@/core/import` (branch import-parsers), with its signatures, until it lands: the merge
 * deletes this file and points import-api.ts at `@/core/import`. It reads only a plain CSV (comma or
 * semicolon, no quoted line breaks) whose header names languages ("en", "term_nl", "definition_en",
 * "id"), enough to drive the worker, the progress bar, cancel and the column form end to end.
 */

export type GlossaryFormat = ImportedGlossaryInfo['format'];

export interface ParseOptions {
  fileName: string;
  format?: GlossaryFormat;
  csvColumns?: Record<
    number,
    { kind: 'term' | 'definition' | 'abbreviation' | 'subject' | 'id' | 'source' | 'note'; lang?: string }
  >;
  options?: { languages?: string[]; minReliability?: 1 | 2 | 3 | 4; skipDeprecated?: boolean };
  preview?: number;
  onProgress?(bytesRead: number): void;
}

export interface ParseResult {
  info: ImportedGlossaryInfo;
  count: number;
  languages: string[];
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: { line?: number; entry?: string; columns?: string[] } = {},
  ) {
    super(message);
  }
  get line() {
    return this.details.line;
  }
  get columns() {
    return this.details.columns;
  }
}

export function detectFormat(fileName: string, _firstBytes: Uint8Array): GlossaryFormat | null {
  return /\.(csv|tsv|txt)$/i.test(fileName) ? 'csv' : null;
}

type Column = NonNullable<ParseOptions['csvColumns']>[number];

function recognise(header: string[]): Record<number, Column> | null {
  const map: Record<number, Column> = {};
  for (const [i, cell] of header.entries()) {
    const h = cell.trim().toLowerCase();
    const m = /^(?:(term|definition)[_ -])?([a-z]{2})$/.exec(h);
    if (h === 'id') map[i] = { kind: 'id' };
    else if (m) map[i] = { kind: m[1] === 'definition' ? 'definition' : 'term', lang: m[2]! };
  }
  return Object.values(map).some((c) => c.kind === 'term') ? map : null;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export async function parseGlossaryFile(
  stream: ReadableStream<Uint8Array>,
  opts: ParseOptions,
  onEntries: (batch: ImportedEntry[]) => void | Promise<void>,
): Promise<ParseResult> {
  const base = opts.fileName.replace(/\.[^.]*$/, '');
  const info: ImportedGlossaryInfo = {
    id: slug(base).slice(0, 64) || 'imported-glossary',
    title: base || 'Imported glossary',
    fileName: opts.fileName,
    format: 'csv',
  };
  if (opts.format && opts.format !== 'csv') throw new ImportError('format', 'The stand-in parser reads CSV only.');
  const keep = opts.options?.languages && new Set(opts.options.languages);
  const languages = new Set<string>();
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let columns: Record<number, Column> | null = opts.csvColumns ?? null;
  let rest = '';
  let bytes = 0;
  let line = 0;
  let count = 0;
  let batch: ImportedEntry[] = [];
  const seen = new Set<string>();

  const row = async (text: string) => {
    line++;
    if (!text.trim()) return;
    const cells = text.split(text.includes(';') && !text.includes(',') ? ';' : ',');
    if (line === 1 && opts.csvColumns) return; // the header the reader mapped
    if (!columns) {
      columns = recognise(cells);
      if (!columns)
        throw new ImportError('csv-columns', `Line 1: the header (${cells.join(', ')}) names no term column.`, {
          line: 1,
          columns: cells,
        });
      return;
    }
    const entry: ImportedEntry = { id: '', terms: [], definitions: [], subjectFields: [] };
    for (const [i, cell] of cells.entries()) {
      const column = columns[i];
      const value = cell.trim();
      if (!column || !value) continue;
      if (column.kind === 'id') entry.id = value;
      else if (column.lang && keep && !keep.has(column.lang)) continue;
      else if (column.kind === 'term' || column.kind === 'abbreviation')
        entry.terms.push({ lang: column.lang ?? 'en', text: value });
      else if (column.kind === 'definition') entry.definitions.push({ lang: column.lang ?? 'en', text: value });
      else if (column.kind === 'subject') entry.subjectFields.push(value);
    }
    if (entry.terms.length === 0) return;
    entry.id ||= `${slug(entry.terms[0]!.text).slice(0, 100) || 't'}-${line}`;
    if (seen.has(entry.id))
      throw new ImportError('duplicate-id', `Line ${line}: the id "${entry.id}" is used twice.`, { line });
    seen.add(entry.id);
    for (const t of entry.terms) languages.add(t.lang);
    batch.push(entry);
    count++;
    if (batch.length >= 200) {
      const full = batch;
      batch = [];
      await onEntries(full);
    }
  };

  for (;;) {
    if (opts.preview !== undefined && count >= opts.preview) break;
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    rest += decoder.decode(value, { stream: true });
    const lines = rest.split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const l of lines) {
      if (opts.preview !== undefined && count >= opts.preview) break;
      await row(l);
    }
    opts.onProgress?.(bytes);
  }
  await reader.cancel().catch(() => undefined);
  if (opts.preview === undefined || count < opts.preview) await row(rest + decoder.decode());
  if (batch.length) await onEntries(batch);
  return { info, count, languages: [...languages].sort() };
}
