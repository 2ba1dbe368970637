import Dexie, { type EntityTable } from 'dexie';
import type { GlossaryEntry } from '@/core/glossary-schema';

/** A glossary entry as stored: the entry plus its folded alias keys for look-up by alias. */
export interface EntryRow extends GlossaryEntry {
  aliasKeys: string[];
}

/** A personal note on a term. Notes arrive in a later issue; the table is planned now. */
export interface NoteRow {
  termId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
}

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
  entries: EntityTable<EntryRow, 'id'>;
  notes: EntityTable<NoteRow, 'termId'>;
  known: EntityTable<KnownRow, 'termId'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/**
 * Schema versions are append-only: never edit an old `version(n)`; add a new one with its upgrade.
 * Version 1: entries by id, alias and part; notes by term; terms marked known; meta (the seeded
 * glossary version).
 */
export function openDatabase(name: string = DB_NAME): GlossaryDatabase {
  const db = new Dexie(name) as GlossaryDatabase;
  db.version(1).stores({
    entries: 'id, part, *aliasKeys',
    notes: 'termId, updatedAt',
    known: 'termId',
    meta: 'key',
  });
  return db;
}
