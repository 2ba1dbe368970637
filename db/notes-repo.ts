import { mergeNoteText } from '@/core/note-merge';
import type { SaveNoteInput } from '@/core/notes';
import { EXPORT_FORMAT, EXPORT_VERSION, type NotesExport } from '@/core/notes-export';
import type { GlossaryDatabase, NoteRow } from './database';

export type { SaveNoteInput };

export interface SaveNoteResult {
  /** The stored note; null when the note is now empty (deleted). */
  note: NoteRow | null;
  /** Someone else wrote in between: `note.text` holds both versions. */
  conflict: boolean;
}

/** Shown between two versions kept after a conflict. */
export const CONFLICT_MARKER = '——— edited elsewhere at the same time ———';

/**
 * Saves a note in one transaction. A write based on an old revision never silently overwrites the
 * newer text: it is merged (see mergeNoteText), and the caller is told so it can show the conflict.
 */
export async function saveNote(db: GlossaryDatabase, input: SaveNoteInput, now = Date.now()): Promise<SaveNoteResult> {
  return db.transaction('rw', db.notes, async () => {
    const current = await db.notes.get(input.termId);
    if (!current) {
      if (input.text.trim() === '') return { note: null, conflict: false };
      const note: NoteRow = { termId: input.termId, text: input.text, createdAt: now, updatedAt: now, revision: 1 };
      if (input.context) note.context = input.context;
      await db.notes.put(note);
      // A note deleted elsewhere while this editor was open is recreated: nothing typed is lost.
      return { note, conflict: input.baseRevision > 0 };
    }
    const conflict = current.revision !== input.baseRevision;
    const text = conflict ? mergeNoteText(input.baseText, current.text, input.text, CONFLICT_MARKER) : input.text;
    if (text === current.text) return { note: current, conflict };
    if (text.trim() === '' && !conflict) {
      await db.notes.delete(input.termId);
      return { note: null, conflict: false };
    }
    const note: NoteRow = {
      ...current,
      text,
      updatedAt: Math.max(now, current.updatedAt),
      revision: current.revision + 1,
    };
    await db.notes.put(note);
    return { note, conflict: conflict && text !== input.text };
  });
}

export async function getNote(db: GlossaryDatabase, termId: string): Promise<NoteRow | null> {
  return (await db.notes.get(termId)) ?? null;
}

export async function allNotes(db: GlossaryDatabase): Promise<NoteRow[]> {
  return db.notes.toArray();
}

/** Deletes a note and returns it, so the caller can offer "Undo". */
export async function deleteNote(db: GlossaryDatabase, termId: string): Promise<NoteRow | null> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(termId);
    if (note) await db.notes.delete(termId);
    return note ?? null;
  });
}

/** Puts a deleted note back; if a new note was written meanwhile, both texts are kept. */
export async function restoreNote(db: GlossaryDatabase, deleted: NoteRow, now = Date.now()): Promise<NoteRow> {
  return db.transaction('rw', db.notes, async () => {
    const current = await db.notes.get(deleted.termId);
    const note: NoteRow = current
      ? {
          ...current,
          text: mergeNoteText('', deleted.text, current.text, CONFLICT_MARKER),
          updatedAt: now,
          revision: current.revision + 1,
        }
      : { ...deleted, updatedAt: Math.max(now, deleted.updatedAt), revision: deleted.revision + 1 };
    await db.notes.put(note);
    return note;
  });
}

export async function exportNotes(
  db: GlossaryDatabase,
  glossaryVersion?: string,
  now = Date.now(),
): Promise<NotesExport> {
  const notes = (await db.notes.orderBy('updatedAt').toArray()).map(({ context, ...n }) =>
    context ? { ...n, context } : n,
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...(glossaryVersion ? { glossaryVersion } : {}),
    notes,
  };
}

export interface ImportResult {
  added: number;
  updated: number;
  kept: number;
}

/**
 * Imports a parsed, validated export in one transaction (all or nothing): the newer note wins on
 * conflict; an older or equal one leaves ours as it is.
 */
export async function importNotes(db: GlossaryDatabase, data: NotesExport): Promise<ImportResult> {
  return db.transaction('rw', db.notes, async () => {
    const result: ImportResult = { added: 0, updated: 0, kept: 0 };
    for (const incoming of data.notes) {
      const current = await db.notes.get(incoming.termId);
      if (!current) {
        await db.notes.put({ ...incoming });
        result.added++;
      } else if (incoming.updatedAt > current.updatedAt) {
        await db.notes.put({ ...incoming, revision: Math.max(incoming.revision, current.revision + 1) });
        result.updated++;
      } else {
        result.kept++;
      }
    }
    return result;
  });
}
