import {
  glossaryIdSchema,
  importedEntrySchema,
  importedGlossaryInfoSchema,
  type ImportedEntry,
  type ImportedGlossaryInfo,
} from '@/core/imported-schema';
import { formatPath } from '@/core/notes-export';
import { z } from '@/core/zod';
import type { ParserHooks, TextParser } from './entries';
import { ImportError } from './import-error';

/**
 * Our own glossary file: `{ format, version, glossary: { id, title }, entries }`, entries exactly as the database
 * keeps them (imported-schema.ts). What exportGlossaryJson writes, the importer reads back unchanged. Read whole:
 * files of our own are modest, and a cap keeps a mistaken choice of file from filling the memory.
 */

export const GLOSSARY_FILE_FORMAT = 'benelux-glossary';
export const GLOSSARY_FILE_VERSION = 1;
/** The largest JSON file read (JSON is parsed whole; TBX and CSV of any size are streamed). */
export const MAX_JSON_BYTES = 50 * 1024 * 1024;

const glossaryHeadSchema = z.strictObject({ id: glossaryIdSchema, title: importedGlossaryInfoSchema.shape.title });

export const glossaryFileSchema = z.strictObject({
  format: z.literal(GLOSSARY_FILE_FORMAT),
  version: z.literal(GLOSSARY_FILE_VERSION),
  glossary: glossaryHeadSchema,
  entries: z.array(importedEntrySchema),
});
export type GlossaryFile = z.infer<typeof glossaryFileSchema>;

/** The envelope alone, so that each entry's problem can be named by its index and id. */
const envelopeSchema = z.strictObject({
  format: z.literal(GLOSSARY_FILE_FORMAT),
  version: z.number(),
  glossary: glossaryHeadSchema,
  entries: z.array(z.unknown()),
});

/** A glossary as our JSON file, entries validated (a ZodError for entries the schema refuses). */
export function exportGlossaryJson(
  info: Pick<ImportedGlossaryInfo, 'id' | 'title'>,
  entries: readonly ImportedEntry[],
): string {
  const file = glossaryFileSchema.parse({
    format: GLOSSARY_FILE_FORMAT,
    version: GLOSSARY_FILE_VERSION,
    glossary: { id: info.id, title: info.title },
    entries,
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface JsonSettings {
  fileName?: string;
}

export function createJsonParser(settings: JsonSettings, hooks: ParserHooks): TextParser {
  const parts: string[] = [];
  let info: ImportedGlossaryInfo | undefined;
  return {
    write(text) {
      parts.push(text);
    },
    end() {
      const text = parts.join('');
      parts.length = 0;
      if (!text.trim()) throw new ImportError('empty', 'The file is empty.');
      const file = readEnvelope(parseJson(text));
      info = {
        id: file.glossary.id,
        title: file.glossary.title,
        ...(settings.fileName && { fileName: settings.fileName.slice(0, 300) }),
        format: 'json',
      };
      file.entries.forEach((entry, i) => {
        hooks.collector.addValid(entry, { number: i + 1, label: `entries[${i}]` });
      });
    },
    info() {
      if (!info) throw new Error('the JSON glossary is read at its end');
      return info;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    // V8 names a position ("… in JSON at position 42"), Firefox a line and column.
    const position = /at position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    } else if (lineColumn) {
      line = Number(lineColumn[1]);
      column = Number(lineColumn[2]);
    }
    const detail = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ (in JSON )?at position \d+.*$| at line \d+ column \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    const at = line !== undefined ? ` at line ${line}, column ${column}` : '';
    throw new ImportError('json', `The file is not valid JSON${at}: ${detail}.`, {
      ...(line !== undefined && { line }),
      ...(column !== undefined && { column }),
    });
  }
}

function readEnvelope(json: unknown): z.infer<typeof envelopeSchema> {
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== GLOSSARY_FILE_FORMAT) {
    throw new ImportError(
      'format',
      `This JSON file is not a Benelux Glossary glossary: its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${GLOSSARY_FILE_FORMAT}".`,
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError('json', `${formatPath(issue.path)}: ${issue.message}.`);
  }
  if (parsed.data.version !== GLOSSARY_FILE_VERSION) {
    throw new ImportError(
      'format',
      parsed.data.version > GLOSSARY_FILE_VERSION
        ? `This glossary file is version ${parsed.data.version}, made by a newer Benelux Glossary; this one reads version ${GLOSSARY_FILE_VERSION}. Update the extension.`
        : `This glossary file is version ${parsed.data.version}; this Benelux Glossary reads version ${GLOSSARY_FILE_VERSION}.`,
    );
  }
  return parsed.data;
}
