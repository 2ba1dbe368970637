import type { GlossaryEntry } from '@/core/glossary-schema';
import { termIdSchema } from '@/core/ids';
import type { ImportedEntry } from '@/core/imported-schema';
import type { TermMatch } from '@/core/term-matcher';
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
  /** Tooltip frame, popup: an imported glossary's entry (term key `glossary:entry`), with its glossary. */
  getImportedEntry: z.strictObject({ id: termIdSchema }),
  /**
   * Glossary page: the list of glossaries changed (an import, on/off, order, rules, a deletion):
   * compile the enabled set again and publish it to every frame.
   */
  glossariesChanged: z.strictObject({}),
  /**
   * Content script, when the enabled glossaries are too big to copy into every frame: match these
   * texts with the background's one copy (`version` is the compiled set the frame was told of). The
   * reader's switches come along, as the frame applies them to a local matcher.
   */
  matchTexts: z.strictObject({
    version: z.string().check(z.maxLength(200)),
    texts: z.array(z.string().check(z.maxLength(1_000_000))).check(z.maxLength(2_000)),
    enabledIds: z.array(termIdSchema).check(z.maxLength(100_000)),
    knownIds: z.array(termIdSchema).check(z.maxLength(100_000)),
  }),
  /** Content script (top frame): distinct terms on the page, for the toolbar badge. */
  reportPageTerms: z.strictObject({
    distinct: z.int().check(z.minimum(0), z.maximum(100_000)),
    enabled: z.boolean(),
  }),
  /**
   * Content script in the top frame of a PDF in Chromium's viewer, with "Open PDFs in Benelux
   * Glossary" on: show this tab's PDF in our viewer. The address is the sender's, not the message's.
   */
  openPdfInViewer: z.strictObject({}),
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
  openPdfInViewer: { opened: boolean };
  getImportedEntry: { glossary: { id: string; title: string }; entry: ImportedEntry } | null;
  glossariesChanged: { version: string };
  /** Per text, its matches (with the other terms an ambiguous form may mean); `stale` when `version` is not current. */
  matchTexts: { stale: true } | { stale: false; matches: (TermMatch & { others?: string[] })[][] };
}

export const backgroundReceiver = defineReceiver<typeof schemas, BackgroundResponses>(schemas);
export type BackgroundRequestName = keyof typeof schemas;

/** Calls the background: `await background.saveNote({ … })`. */
export const background = backgroundReceiver.client();
