import { termIdSchema } from './ids';
import { z } from './zod';

/**
 * The note: one schema, used by the messages that save and restore notes, the tooltip channel, the
 * database rows and the export file alike — what one path accepts, every path accepts.
 */

/** The longest note we keep. */
export const NOTE_MAX_CHARS = 10_000;

/**
 * Whatever a text box can hold: tabs, line breaks, form feeds and other control characters are the
 * reader's text. A lone surrogate (half of an emoji cut by a paste) becomes U+FFFD, so every saved
 * note survives a UTF-8 export and comes back the same.
 */
export const noteTextSchema = z.string().check(
  z.maxLength(NOTE_MAX_CHARS, `a note holds at most ${NOTE_MAX_CHARS} characters`),
  z.overwrite((text) => text.toWellFormed()),
);

/** Where the reader met the term, kept with a note started from a tooltip. */
export const noteContextSchema = z.strictObject({
  title: z.string().check(z.maxLength(500)),
  url: z.string().check(z.maxLength(2000)),
  sentence: z.string().check(z.maxLength(1000)),
});

const time = () => z.int().check(z.minimum(0));

export const noteSchema = z
  .strictObject({
    termId: termIdSchema,
    text: noteTextSchema,
    createdAt: time(),
    updatedAt: time(),
    revision: z.int().check(z.minimum(1)),
    context: z.optional(noteContextSchema),
    /**
     * The term's name, kept when its glossary is deleted so the note can be listed as orphaned; it
     * re-attaches by its key when the same glossary is imported again.
     */
    termName: z.optional(z.string().check(z.maxLength(300))),
  })
  .check(
    z.refine((n) => n.updatedAt >= n.createdAt, { message: 'updatedAt is before createdAt', path: ['updatedAt'] }),
  );

/** What an editor sends to save a note (see db/notes-repo saveNote). */
export const saveNoteInputSchema = z.strictObject({
  termId: termIdSchema,
  text: noteTextSchema,
  /** The revision the editor started from (0 for a new note). */
  baseRevision: z.int().check(z.minimum(0)),
  /** The text at that revision, so a concurrent edit can be merged instead of overwritten. */
  baseText: noteTextSchema,
  context: z.optional(noteContextSchema),
});

export type Note = z.infer<typeof noteSchema>;
export type NoteContext = z.infer<typeof noteContextSchema>;
export type SaveNoteInput = z.infer<typeof saveNoteInputSchema>;
