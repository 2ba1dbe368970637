import { LETTER_GLOSSARY_ID, parseTermKey } from './ids';
import { noteSchema } from './notes';
import { z } from './zod';

/**
 * The notes export file: its format name and the version this build writes. Version 2 holds notes on
 * imported glossaries' entries too (keys `glossary:entry`, with the term's name); this build still
 * reads version 1 (the letter's notes only), whose notes are valid version-2 notes.
 */
export const EXPORT_FORMAT = 'benelux-glossary-notes';
export const EXPORT_VERSION = 2;
const READ_VERSIONS = [1, 2] as const;

export const notesExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(READ_VERSIONS, `unsupported version (this build reads versions ${READ_VERSIONS.join(' and ')})`),
  exportedAt: z.iso.datetime(),
  glossaryVersion: z.optional(z.string().check(z.maxLength(50))),
  notes: z.array(noteSchema).check(z.maxLength(100_000)),
});
export type NotesExport = z.infer<typeof notesExportSchema>;

export class NotesImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The file was not imported; nothing changed.\n- ${problems.slice(0, 20).join('\n- ')}`);
    this.name = 'NotesImportError';
  }
}

/**
 * Parses an export file: JSON, the versioned format, every note valid, no term twice, every term
 * known. All problems are named with where they are ("notes[3].text: …"), so the reader can fix
 * the file; nothing is half-read.
 */
export function parseNotesExport(raw: string, knownTermIds: ReadonlySet<string>): NotesExport {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new NotesImportError([`not valid JSON: ${(e as Error).message}`]);
  }
  const parsed = notesExportSchema.safeParse(json);
  if (!parsed.success) {
    throw new NotesImportError(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
  }
  const problems = notesExportProblems(parsed.data, knownTermIds);
  if (problems.length > 0) throw new NotesImportError(problems);
  return parsed.data;
}

/**
 * What the schema alone cannot see in a parsed export: a term twice, a term this build does not have,
 * an imported entry's note in a version-1 file. Each named by where it is, under `at` (a backup file
 * holds an export as its `notes`).
 */
export function notesExportProblems(data: NotesExport, knownTermIds: ReadonlySet<string>, at = ''): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  data.notes.forEach((n, i) => {
    const where = `${at}notes[${i}].termId`;
    if (seen.has(n.termId)) problems.push(`${where}: "${n.termId}" appears twice`);
    seen.add(n.termId);
    // A note on an imported glossary's entry is kept even when that glossary is not here (yet): it
    // waits, orphaned, until the same glossary is imported. The letter's terms must exist.
    const imported = parseTermKey(n.termId)?.glossaryId !== LETTER_GLOSSARY_ID;
    if (imported && data.version < 2) problems.push(`${where}: "${n.termId}" needs version 2`);
    if (!imported && !knownTermIds.has(n.termId)) problems.push(`${where}: no glossary term "${n.termId}"`);
  });
  return problems;
}

/** `notes[3].text` from a schema issue's path. */
export function formatPath(path: readonly PropertyKey[], root = '(file)'): string {
  if (path.length === 0) return root;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
