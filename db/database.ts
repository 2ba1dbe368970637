import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { GlossaryEntry } from '@/core/glossary-schema';
import type { ImportedEntry } from '@/core/imported-schema';
import type { Note } from '@/core/notes';
import type { WordBucket } from '@/core/word-index';
import { rebuildWordIndexes } from './word-index-repo';

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

/** A glossary in the reader's list: the bundled letter or an import. */
export interface GlossaryRow {
  /** The glossary's id (core/imported-schema.ts); the letter's is LETTER_GLOSSARY_ID. */
  id: string;
  /** The name shown; the reader may rename it. */
  title: string;
  format: 'bundled' | 'tbx' | 'tbx-martif' | 'csv' | 'json' | 'mine';
  fileName?: string;
  importedAt: number;
  languages: string[];
  entryCount: number;
  /** The entries' size in the database, roughly (their JSON). */
  bytes: number;
  /** Off: not highlighted, not explained, not searched; kept. */
  enabled: boolean;
  /** When two glossaries claim the same words, the lower order wins (after the longest match). */
  order: number;
  /** The generation its entries are stored under (ConceptRow); '' for the letter (its rows are `entries`). */
  generation: string;
  /** The precision rules the reader set for it (core/imported-terms.ts); absent: the defaults. */
  rules?: Record<string, unknown>;
}

/** An imported entry, stored under the generation of the import that wrote it. */
export interface ConceptRow {
  generation: string;
  id: string;
  entry: ImportedEntry;
  /** Rows written under schema 3 still carry their words (then a multi-entry index; now `wordIndex`). */
  words?: string[];
}

/** One bucket of an import's word index (core/word-index.ts), under the generation of its entries. */
export interface WordIndexRow extends WordBucket {
  generation: string;
}

/**
 * One import's rows. An import writes in many small transactions under a generation nothing shows;
 * one small transaction at the end points its glossary at it (`live`). Rows of a generation that
 * never went live (a crash, a cancel) or was replaced (`stale`) are deleted in the background.
 */
export interface GenerationRow {
  id: string;
  glossaryId: string;
  state: 'writing' | 'live' | 'stale';
  /** Last write of a `writing` generation: one untouched for long belongs to an import that died. */
  touchedAt: number;
}

/** Derived bytes kept between service-worker starts (the compiled matcher of the enabled glossaries). */
export interface BlobRow {
  key: string;
  version: string;
  bytes: Uint8Array;
}

export const DB_NAME = 'benelux-glossary';

export type GlossaryDatabase = Dexie & {
  /** The bundled glossary's entries as they are: rebuilt from the bundle on each new version. */
  entries: EntityTable<GlossaryEntry, 'id'>;
  notes: EntityTable<NoteRow, 'termId'>;
  known: EntityTable<KnownRow, 'termId'>;
  meta: EntityTable<MetaRow, 'key'>;
  glossaries: EntityTable<GlossaryRow, 'id'>;
  concepts: Dexie.Table<ConceptRow, [string, string]>;
  generations: EntityTable<GenerationRow, 'id'>;
  blobs: EntityTable<BlobRow, 'key'>;
  wordIndex: Dexie.Table<WordIndexRow, [string, string]>;
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
  {
    // The reader's own glossaries: the list, their entries by generation (an import becomes visible
    // in one small transaction), the generations, and the compiled matcher of the enabled set.
    // Notes stay keyed by term key, which names the glossary for imported entries (core/ids.ts).
    version: 3,
    stores: {
      glossaries: 'id, order',
      concepts: '[generation+id], generation, *words',
      generations: 'id, glossaryId, state',
      blobs: 'key',
    },
  },
  {
    // The popup's word look-up moves from a multi-entry index on every concept (half an import's
    // write time) to a word index written once per import, in buckets (core/word-index.ts).
    version: 4,
    stores: {
      concepts: '[generation+id], generation',
      wordIndex: '[generation+bucket], generation',
    },
    upgrade: (tx) => rebuildWordIndexes(tx),
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
