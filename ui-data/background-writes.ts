import type { background } from '@/messaging/background';
import type { DataSource } from './source';

/** What the sources ask of the background; a test passes its own. */
export type BackgroundClient = Pick<
  typeof background,
  | 'ensureSeeded'
  | 'getEntry'
  | 'getImportedEntry'
  | 'getNote'
  | 'saveNote'
  | 'deleteNote'
  | 'restoreNote'
  | 'importNotes'
  | 'setKnown'
>;

type Writes = Pick<DataSource, 'saveNote' | 'deleteNote' | 'restoreNote' | 'importNotes' | 'setKnown'>;

/** Every source writes through the background, which tells every open view (tooltips included). */
export function backgroundWrites(client: BackgroundClient): Writes {
  return {
    saveNote: (input) => client.saveNote(input),
    deleteNote: async (termId) => (await client.deleteNote({ termId })).deleted,
    restoreNote: async (note) => (await client.restoreNote({ note })).note,
    importNotes: (json) => client.importNotes({ json }),
    setKnown: async (termId, known) => void (await client.setKnown({ termId, known })),
  };
}
