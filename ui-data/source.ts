import type { GlossaryEntry } from '@/core/glossary-schema';
import type { ImportedCandidate } from '@/core/imported-search';
import type { SearchImported } from '@/core/imported-searcher';
import type { Note, SaveNoteInput } from '@/core/notes';
import type { NotesExport } from '@/core/notes-export';
import type { BackgroundResponses } from '@/messaging/background';
import type { LetterSearchWorker } from './search-worker';

/**
 * Calls `onChange` with the current value and again after every change; returns the unsubscriber.
 * `current`, where present, gives the value it holds already (for a page's first render).
 */
export type Watch<T> = ((onChange: (value: T) => void) => () => void) & { current?: () => T | undefined };

export type SaveNoteResult = BackgroundResponses['saveNote'];
export type ImportResult = BackgroundResponses['importNotes'];
/** An imported glossary's entry with its glossary (its id and the name the reader gave it). */
export type ImportedLookup = NonNullable<BackgroundResponses['getImportedEntry']>;

/**
 * Where an extension page reads and writes the reader's data. Two implementations: over Dexie for
 * the popup and the glossary page (the extension's origin; liveQuery keeps them live), and over the
 * background for the tooltip frame (framed in a web page, Chromium denies it IndexedDB). Writes go
 * through the background either way: it tells every open view, tooltips included.
 *
 * Settings are not here: they live in browser.storage, which every extension page can use, framed
 * or not (see ui-data/settings.ts).
 */
export interface DataSource {
  /** One entry (null: no such entry). */
  entry(id: string): Promise<GlossaryEntry | null>;
  /** One imported entry by its term key `glossary:entry` (null: its glossary is gone or switched off). */
  importedEntry(key: string): Promise<ImportedLookup | null>;
  /** The term's note (null: none), now and after every change; returns the unsubscriber. */
  watchNote(termId: string, onChange: (note: Note | null) => void): () => void;
  /** News of a changed note from elsewhere (no termId: any note) for a source that cannot hear it. */
  notesChanged: (termId?: string) => void;
  saveNote(input: SaveNoteInput): Promise<SaveNoteResult>;
  /** Deletes the note; returns it, for "Undo". */
  deleteNote(termId: string): Promise<Note | null>;
  restoreNote(note: Note): Promise<Note>;
  /** An export file's text, imported all or nothing. */
  importNotes(json: string): Promise<ImportResult>;
  /** "I know this term": no longer highlighted on pages. */
  setKnown(termId: string, known: boolean): Promise<void>;
  /**
   * Whole collections, only where the database is at hand (the extension's origin). The tooltip
   * frame has none: it asks for the one entry it shows and must never load them all.
   */
  collections?: Collections;
  /** Where the popup searches the letter, off its thread (absent: on the page's thread). */
  letterSearch?: LetterSearchWorker;
}

export interface Collections {
  /** Every entry: the bundled glossary's at once, the database's if it holds another version. */
  watchEntries: Watch<readonly GlossaryEntry[]>;
  watchNotes: Watch<Note[]>;
  /** The ids of the terms marked "I know this term". */
  watchKnown: Watch<string[]>;
  exportNotes(): Promise<NotesExport>;
  /** Entries of the enabled imported glossaries with a term word starting with `prefix`. */
  importedCandidates: (prefix: string, limit: number) => Promise<ImportedCandidate[]>;
  /** The popup's search over the enabled imported glossaries (core/imported-searcher.ts). */
  searchImported: SearchImported;
}
