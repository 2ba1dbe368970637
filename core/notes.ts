import { z } from 'zod';

import { EXPORT_FORMAT, EXPORT_VERSION, NOTE_MAX_CHARS } from './note-limits';

export { EXPORT_FORMAT, EXPORT_VERSION, NOTE_MAX_CHARS };
// Merging and Markdown need no zod: they live apart so extension pages don't bundle it.
export { mergeNoteText, notesToMarkdown } from './note-merge';

// Text a person typed may hold tabs and line breaks, never other control characters.
const noteText = z
  .string()
  .max(NOTE_MAX_CHARS, `a note holds at most ${NOTE_MAX_CHARS} characters`)
  // eslint-disable-next-line no-control-regex -- this rule is about control characters
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters are not allowed');

export const noteContextSchema = z
  .object({
    title: z.string().max(500),
    url: z.string().max(2000),
    sentence: z.string().max(1000),
  })
  .strict();

export const noteSchema = z
  .object({
    termId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'term ids are kebab-case'),
    text: noteText,
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    revision: z.number().int().positive(),
    /** Where the user met the term, when the note was started from a tooltip. */
    context: noteContextSchema.optional(),
  })
  .strict()
  .refine((n) => n.updatedAt >= n.createdAt, { message: 'updatedAt is before createdAt', path: ['updatedAt'] });

export type Note = z.infer<typeof noteSchema>;
export type NoteContext = z.infer<typeof noteContextSchema>;

export const notesExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION, `unsupported version (this build reads version ${EXPORT_VERSION})`),
    exportedAt: z.iso.datetime(),
    glossaryVersion: z.string().max(50).optional(),
    notes: z.array(noteSchema).max(100_000),
  })
  .strict();
export type NotesExport = z.infer<typeof notesExportSchema>;

export class NotesImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The file was not imported; nothing changed.\n- ${problems.slice(0, 20).join('\n- ')}`);
    this.name = 'NotesImportError';
  }
}

/**
 * Parses an export file: JSON, the versioned format, every note valid, no term twice, every term
 * known. All problems are named with where they are ("notes[3].text: …"), so the user can fix
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
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.notes.forEach((n, i) => {
    if (seen.has(n.termId)) problems.push(`notes[${i}].termId: "${n.termId}" appears twice`);
    seen.add(n.termId);
    if (!knownTermIds.has(n.termId)) problems.push(`notes[${i}].termId: no glossary term "${n.termId}"`);
  });
  if (problems.length > 0) throw new NotesImportError(problems);
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
