import type { GlossaryEntry } from '@/core/glossary-schema';
import { termIdSchema } from '@/core/ids';
import { noteSchema, saveNoteInputSchema, type Note } from '@/core/notes';
import { z } from '@/core/zod';
import { defineReceiver } from './receiver';

/** What the background answers: content scripts, tooltip frames, the popup and the glossary page ask. */
const schemas = {
  /** Makes sure the bundled glossary is in the database (seeded after install or an update). */
  ensureSeeded: z.strictObject({}),
  /**
   * Content script, when browser.storage.local lacks what it highlights with (first run, another
   * format): put the compiled glossary and the known terms there (settings/page-glossary.ts).
   */
  publishPageGlossary: z.strictObject({}),
  /** Tooltip frame: the one entry it shows. */
  getEntry: z.strictObject({ id: termIdSchema }),
  /** Tooltip: "I know this term" (stop highlighting it), or undo. */
  setKnown: z.strictObject({ termId: termIdSchema, known: z.boolean() }),
  /** Tooltip: a term's note. */
  getNote: z.strictObject({ termId: termIdSchema }),
  /** Any note editor: save what the reader typed (merged, never overwritten: db/notes-repo saveNote). */
  saveNote: saveNoteInputSchema,
  /** Popup / glossary page: delete a note; the answer is the note, for "Undo". */
  deleteNote: z.strictObject({ termId: termIdSchema }),
  /** Popup / glossary page: put a deleted note back. */
  restoreNote: z.strictObject({ note: noteSchema }),
  /** Glossary page: an export file's text, imported all or nothing. */
  importNotes: z.strictObject({ json: z.string().check(z.maxLength(20_000_000)) }),
  /** Content script (top frame): distinct terms on the page, for the toolbar badge. */
  reportPageTerms: z.strictObject({
    distinct: z.int().check(z.minimum(0), z.maximum(100_000)),
    enabled: z.boolean(),
  }),
};

export interface BackgroundResponses {
  ensureSeeded: { glossaryVersion: string | null; entries: number };
  publishPageGlossary: { version: string };
  getEntry: GlossaryEntry | null;
  setKnown: { known: string[] };
  getNote: Note | null;
  saveNote: { note: Note | null; conflict: boolean };
  deleteNote: { deleted: Note | null };
  restoreNote: { note: Note };
  importNotes: { added: number; updated: number; kept: number };
  reportPageTerms: { ok: true };
}

export const backgroundReceiver = defineReceiver<typeof schemas, BackgroundResponses>(schemas);
export type BackgroundRequestName = keyof typeof schemas;

/** Calls the background: `await background.saveNote({ … })`. */
export const background = backgroundReceiver.client();
