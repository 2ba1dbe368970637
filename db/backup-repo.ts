import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupChunks,
  parseBackup,
  type Backup,
  type BackupGlossarySource,
  type BackupSettings,
  type ParseBackupOptions,
} from '@/core/backup';
import { LETTER_GLOSSARY_ID, MY_TERMS_GLOSSARY_ID } from '@/core/ids';
import type { ImportedEntry } from '@/core/imported-schema';
import type { GlossaryDatabase, GlossaryRow } from './database';
import {
  beginImport,
  cancelImport,
  collectGarbage,
  commitImport,
  listGlossaries,
  writeImportBatch,
} from './glossaries-repo';
import { storedGlossaryVersion } from './glossary-repo';
import { exportNotes, importNotes, type ImportResult } from './notes-repo';

/**
 * Backing up and restoring what the reader made (core/backup.ts). Restoring is all or nothing for
 * what lives here: the file is checked whole first; imported entries are written under generations
 * nothing shows (as an import writes them); then one transaction merges the notes (as the notes
 * import does: the newer of two notes on a term wins), adds the known terms, makes the glossaries'
 * new entries live and sets the list as the backup has it. Settings live in browser.storage and
 * are the caller's to write after this.
 */

/** Entries read or written per transaction. */
const CHUNK = 500;

export interface CollectOptions {
  settings: BackupSettings;
  extensionVersion: string;
  /** Include the imported glossaries' entries (a big file for a big glossary). */
  includeGlossaries: boolean;
  /** Entries written so far, of all to write. */
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

/** A backup of this database as a file's text in pieces (for a Blob), read a chunk at a time. */
export async function collectBackup(db: GlossaryDatabase, options: CollectOptions): Promise<AsyncGenerator<string>> {
  const now = options.now ?? Date.now();
  const [notes, known, rows] = await Promise.all([
    exportNotes(db, (await storedGlossaryVersion(db)) ?? undefined, now),
    db.known.toArray(),
    listGlossaries(db),
  ]);
  const head: Omit<Backup, 'glossaryFiles'> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(now).toISOString(),
    extensionVersion: options.extensionVersion,
    notes,
    known: known.map(({ termId, markedAt }) => ({ termId, markedAt })),
    settings: options.settings,
    glossaries: rows.map(({ generation: _generation, ...row }) => row as Backup['glossaries'][number]),
  };
  // The reader's own terms are always in it (they exist nowhere else); imports when asked for.
  const imported = rows.filter(
    (r) => r.id !== LETTER_GLOSSARY_ID && r.generation && (options.includeGlossaries || r.id === MY_TERMS_GLOSSARY_ID),
  );
  if (imported.length === 0) return backupChunks(head, null);
  const total = imported.reduce((sum, r) => sum + r.entryCount, 0);
  let done = 0;
  const sources: BackupGlossarySource[] = imported.map((row) => ({
    id: row.id,
    title: row.title,
    entries: (async function* () {
      for await (const entries of entriesOf(db, row)) {
        done += entries.length;
        options.onProgress?.(done, total);
        yield entries;
      }
    })(),
  }));
  return backupChunks(head, sources);
}

/** A glossary's entries in id order, a chunk per read. */
async function* entriesOf(db: GlossaryDatabase, row: GlossaryRow): AsyncGenerator<ImportedEntry[]> {
  let after = '';
  for (;;) {
    const rows = await db.concepts
      .where('[generation+id]')
      .between([row.generation, after], [row.generation, '\uffff'], false, true)
      .limit(CHUNK * 4)
      .toArray();
    if (rows.length === 0) return;
    yield rows.map((r) => r.entry);
    after = rows.at(-1)!.id;
  }
}

/** Checks a backup file whole against this build (its letter's terms); throws BackupError. */
export async function checkBackup(
  db: GlossaryDatabase,
  text: string,
  options: Omit<ParseBackupOptions, 'letterTermIds'> = {},
): Promise<Backup> {
  const letterTermIds = new Set(await db.entries.toCollection().primaryKeys());
  return parseBackup(text, { ...options, letterTermIds });
}

export interface RestoreResult {
  notes: ImportResult;
  /** Known terms added (those already known here stay as they are). */
  known: number;
  /** Glossaries whose entries were restored. */
  glossaries: number;
  entries: number;
  /** Imported glossaries listed without their entries and not here: not restored. */
  skipped: string[];
}

export interface RestoreOptions {
  /** Entries written so far, of all in the backup. */
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

/**
 * Restores a checked backup (see checkBackup): all or nothing for the database. A glossary here
 * that the backup does not list is kept, after those it lists; a note newer here than in the backup
 * is kept (as the notes import does), a known term already here stays.
 */
export async function restoreBackup(
  db: GlossaryDatabase,
  backup: Backup,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const files = backup.glossaryFiles ?? [];
  const total = files.reduce((sum, f) => sum + f.entries.length, 0);
  const listed = new Map(backup.glossaries.map((g) => [g.id, g]));
  const written: { generation: string; bytes: number }[] = [];
  let done = 0;
  try {
    for (const file of files) {
      const generation = await beginImport(db, file.glossary.id, options.now);
      const w = { generation, bytes: 0 };
      written.push(w);
      for (let i = 0; i < file.entries.length; i += CHUNK) {
        const batch = file.entries.slice(i, i + CHUNK);
        w.bytes += await writeImportBatch(db, generation, batch, options.now);
        done += batch.length;
        options.onProgress?.(done, total);
      }
    }
    const tables = [db.notes, db.known, db.glossaries, db.generations, db.wordIndex, db.concepts];
    return await db.transaction('rw', tables, async () => {
      const notes = await importNotes(db, backup.notes);
      const here = new Set(await db.known.toCollection().primaryKeys());
      const added = backup.known.filter((k) => !here.has(k.termId));
      await db.known.bulkPut(added);

      for (const [f, file] of files.entries()) {
        const row = listed.get(file.glossary.id)!;
        // The file's format as an import knows it; my terms get theirs back below.
        const format = row.format === 'bundled' || row.format === 'mine' ? 'json' : row.format;
        const info = { id: row.id, title: row.title, format, ...(row.fileName ? { fileName: row.fileName } : {}) };
        const stats = { languages: row.languages, entryCount: file.entries.length, bytes: written[f]!.bytes };
        await commitImport(db, written[f]!.generation, info, stats, options.now);
      }
      const skipped: string[] = [];
      for (const g of backup.glossaries) {
        const current = await db.glossaries.get(g.id);
        if (!current) {
          skipped.push(g.id);
          continue;
        }
        const restored = files.some((f) => f.glossary.id === g.id);
        await db.glossaries.put({
          ...current,
          ...(g.id === MY_TERMS_GLOSSARY_ID && { format: 'mine' as const }),
          title: g.title,
          enabled: g.enabled,
          ...(restored && { importedAt: g.importedAt }),
          ...(g.rules ? { rules: g.rules } : {}),
        });
      }
      // The backup's order first, then the glossaries only this browser has, in their order.
      const inBackup = [...backup.glossaries].sort((a, b) => a.order - b.order).map((g) => g.id);
      const others = (await listGlossaries(db)).map((g) => g.id).filter((id) => !listed.has(id));
      const order = [...inBackup.filter((id) => !skipped.includes(id)), ...others];
      for (const [i, id] of order.entries()) await db.glossaries.update(id, { order: i });
      return { notes, known: added.length, glossaries: files.length, entries: total, skipped };
    });
  } catch (error) {
    // Nothing was made visible: the written rows go now (and with the next clean-up if this fails).
    for (const { generation } of written) await cancelImport(db, generation).catch(() => undefined);
    await collectGarbage(db).catch(() => undefined);
    throw error;
  }
}
