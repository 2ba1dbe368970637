import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { GlossaryEntry } from '@/core/glossary-schema';
import type { Note } from '@/core/notes';

/** A personal note on a term: the one thing that cannot be rebuilt from the bundle. */
export type NoteRow = Note;

/** A term the user marked "I know this term": no longer highlighted on pages. */
export interface KnownRow {
  termId: string;
  markedAt: number;
}

export interface MetaRow {
  key: string;
  value: string;
}

export const DB_NAME = 'benelux-glossary';

export type GlossaryDatabase = Dexie & {
  /** The bundled glossary's entries as they are: rebuilt from the bundle on each new version. */
  entries: EntityTable<GlossaryEntry, 'id'>;
  notes: EntityTable<NoteRow, 'termId'>;
  known: EntityTable<KnownRow, 'termId'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/**
 * Schema versions are append-only: never edit a version that has shipped; add the next one with
 * its upgrade. Tests open a database at every earlier version, write notes, upgrade, and check
 * that every note is still there.
 */
export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown>;
}[] = [
  {
    // Entries by id, alias and part; notes by term; terms marked known; meta (the glossary version).
    version: 1,
    stores: {
      entries: 'id, part, *aliasKeys',
      notes: 'termId, updatedAt',
      known: 'termId',
      meta: 'key',
    },
  },
  {
    // Nothing looks entries up by alias (the page matcher and search index their own aliases), so
    // the alias index goes, and with it the keys stored for it on each entry.
    version: 2,
    stores: { entries: 'id, part' },
    upgrade: (tx) =>
      tx
        .table('entries')
        .toCollection()
        .modify((row: { aliasKeys?: unknown }) => {
          delete row.aliasKeys;
        }),
  },
];

/** Opens the database with the schema up to `upTo` (all versions by default; tests use less). */
export function openDatabase(name: string = DB_NAME, upTo: number = SCHEMA_VERSIONS.length): GlossaryDatabase {
  const db = new Dexie(name) as GlossaryDatabase;
  for (const v of SCHEMA_VERSIONS.slice(0, upTo)) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}
