import type { GlossaryDatabase } from '@/db';
import type { Note } from '@/core/notes';
import type { BackgroundClient } from './background-writes';

type Client = Pick<BackgroundClient, 'ensureSeeded' | 'getNote' | 'restoreNote' | 'setKnown'>;

/**
 * When something deletes the extension's database while this page has it open (another extension
 * page calling `indexedDB.deleteDatabase`, a cleaning tool), IndexedDB first asks every open
 * connection to close (`versionchange`, new version null). This page then still sees the old
 * database: it reads the reader's notes and known terms, closes so the deletion goes through, has
 * the background seed the letter into the new database, and puts back what it read — a note that
 * is already back (another open page restored it) is left as it is. Pages watching the database
 * see the letter and the notes return; the deletion cannot cost a note while a page of ours is open.
 *
 * A newer schema asking to upgrade (new version set) gets Dexie's default: close, reopen on the
 * next query.
 */
export function keepThroughDeletion(db: GlossaryDatabase, client: Client): void {
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    if (event.newVersion !== null) return;
    void recover(db, client).catch((error: unknown) =>
      console.error('Recovering from a deleted database failed', error),
    );
    return false; // closed by recover(), once it has read what it keeps
  });
}

async function recover(db: GlossaryDatabase, client: Client): Promise<void> {
  let notes: Note[] = [];
  let known: string[] = [];
  try {
    [notes, known] = await db.transaction('r', db.notes, db.known, () =>
      Promise.all([db.notes.toArray(), db.known.toCollection().primaryKeys()]),
    );
  } finally {
    // Reopened on the next query, after the deletion (IndexedDB queues the open behind it).
    db.close({ disableAutoOpen: false });
  }
  await client.ensureSeeded({});
  const failed: unknown[] = [];
  for (const note of notes) {
    if (!(await client.getNote({ termId: note.termId })))
      await client.restoreNote({ note }).catch((e) => failed.push(e));
  }
  // A term of an imported glossary (deleted with the database) is refused: nothing to mark.
  for (const termId of known) await client.setKnown({ termId, known: true }).catch(() => undefined);
  if (failed.length) throw new AggregateError(failed, `${failed.length} of ${notes.length} notes not restored`);
}
