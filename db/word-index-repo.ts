import type { Transaction } from 'dexie';
import { MY_TERMS_GLOSSARY_ID } from '@/core/ids';
import {
  BUCKET_CHARS,
  bucketOf,
  bucketRange,
  collectIds,
  compareCodeUnits,
  entryWords,
  WordIndexBuilder,
} from '@/core/word-index';
import type { ConceptRow, GlossaryDatabase, WordIndexRow } from './database';

/**
 * The stored word index of each import (core/word-index.ts). The import's writer feeds a builder as
 * it writes its batches (`noteWords`); the commit stores the buckets (`storeWordIndex`) before the
 * generation goes live. An import runs in one context (the import worker), so the builder lives in
 * that context's memory; should it be missing, the index is rebuilt from the rows.
 */

const builders = new Map<string, WordIndexBuilder>();

/** Adds a written batch's entries to its generation's word index. */
export function noteWords(generation: string, rows: readonly ConceptRow[]): void {
  let builder = builders.get(generation);
  if (!builder) builders.set(generation, (builder = new WordIndexBuilder()));
  for (const row of rows) builder.add(row.id, entryWords(row.entry));
}

export function forgetWords(generation: string): void {
  builders.delete(generation);
}

/** Buckets a transaction writes: a few thousand, so each write stays short. */
const BUCKETS_PER_WRITE = 2_000;
const ROWS_PER_READ = 2_000;

/**
 * Stores a generation's word index, in short transactions, each checking that the import is still
 * being written (`stillWriting` throws otherwise). The rows are invisible until the generation is live.
 */
export async function storeWordIndex(
  db: GlossaryDatabase,
  generation: string,
  stillWriting: () => Promise<void>,
): Promise<void> {
  const builder = builders.get(generation) ?? (await builderFromRows(db, generation));
  builders.delete(generation);
  const rows: WordIndexRow[] = builder.buckets().map((bucket) => ({ generation, ...bucket }));
  for (let i = 0; i < rows.length; i += BUCKETS_PER_WRITE) {
    await db.transaction('rw', db.wordIndex, db.generations, async () => {
      await stillWriting();
      await db.wordIndex.bulkPut(rows.slice(i, i + BUCKETS_PER_WRITE));
    });
  }
}

async function builderFromRows(db: GlossaryDatabase, generation: string): Promise<WordIndexBuilder> {
  const builder = new WordIndexBuilder();
  let after = '';
  for (;;) {
    const rows = await db.concepts
      .where('[generation+id]')
      .between([generation, after], [generation, '\uffff'], false, true)
      .limit(ROWS_PER_READ)
      .toArray();
    if (rows.length === 0) return builder;
    for (const row of rows) builder.add(row.id, entryWords(row.entry));
    after = rows.at(-1)!.id;
  }
}

/**
 * The buckets a reader of many prefixes of one word has read (the popup's search: every prefix from
 * BUCKET_CHARS characters on is in the same bucket), each read once — a read under way is shared. An
 * import's buckets never change (importing again writes a new generation); the reader's own terms'
 * do, so theirs are always read. The last few buckets are kept.
 */
export class BucketCache {
  private readonly rows = new Map<string, Promise<WordIndexRow | undefined>>();
  constructor(private readonly size = 8) {}

  get(db: GlossaryDatabase, generation: string, bucket: string): Promise<WordIndexRow | undefined> {
    const key = `${generation}\u0000${bucket}`;
    let row = this.rows.get(key);
    if (row)
      this.rows.delete(key); // kept last: the most recent
    else row = db.wordIndex.get([generation, bucket]);
    this.rows.set(key, row);
    // A failed read is not kept.
    row.catch(() => this.rows.get(key) === row && this.rows.delete(key));
    while (this.rows.size > this.size) this.rows.delete(this.rows.keys().next().value!);
    return row;
  }
}

/** Whether a generation's bucket for `prefix` is read through a cache: an import's (never changes), from BUCKET_CHARS characters on. */
const cacheable = (generation: string, prefix: string) =>
  prefix.length >= BUCKET_CHARS && generation !== MY_TERMS_GLOSSARY_ID;

/** Starts reading, into `cache`, the bucket idsWithPrefix will read for `prefix` with that cache (if it would use it). */
export function prefetchBucket(db: GlossaryDatabase, generation: string, prefix: string, cache: BucketCache): void {
  if (cacheable(generation, prefix)) cache.get(db, generation, bucketOf(prefix)).catch(() => undefined);
}

/**
 * The ids of a generation's entries with a word starting with `prefix` (folded), exact words first,
 * at most `limit`: one bucket read from BUCKET_CHARS characters on (from `cache` when given), a short
 * run of buckets below.
 */
export async function idsWithPrefix(
  db: GlossaryDatabase,
  generation: string,
  prefix: string,
  limit = Infinity,
  cache?: BucketCache,
): Promise<string[]> {
  const ids = new Set<string>();
  if (!prefix) return [];
  if (cache && cacheable(generation, prefix)) {
    const row = await cache.get(db, generation, bucketOf(prefix));
    if (row) collectIds(row, prefix, ids, limit);
    return [...ids];
  }
  const { from, to } = bucketRange(prefix);
  let full = false;
  await db.wordIndex
    .where('[generation+bucket]')
    .between([generation, from], [generation, to], true, true)
    .until(() => full)
    .each((bucket) => {
      full = collectIds(bucket, prefix, ids, limit);
    });
  return [...ids];
}

/** Schema 4's upgrade: the word index of every import already stored, from its rows' words. */
export async function rebuildWordIndexes(tx: Transaction): Promise<void> {
  const byGeneration = new Map<string, WordIndexBuilder>();
  await tx
    .table<ConceptRow>('concepts')
    .toCollection()
    .each((row) => {
      let builder = byGeneration.get(row.generation);
      if (!builder) byGeneration.set(row.generation, (builder = new WordIndexBuilder()));
      builder.add(row.id, row.words ?? entryWords(row.entry));
    });
  const table = tx.table<WordIndexRow>('wordIndex');
  for (const [generation, builder] of byGeneration) {
    await table.bulkPut(builder.buckets().map((bucket) => ({ generation, ...bucket })));
  }
}

/** Deletes a generation's word index (its garbage collection), a chunk per transaction. */
export async function deleteWordIndex(db: GlossaryDatabase, generation: string): Promise<void> {
  builders.delete(generation);
  for (;;) {
    const keys = await db.wordIndex.where('generation').equals(generation).limit(ROWS_PER_READ).primaryKeys();
    if (keys.length === 0) return;
    await db.wordIndex.bulkDelete(keys);
  }
}

/**
 * Changes one entry's words in a live generation's index (a term the reader added, edited or deleted):
 * the buckets it leaves and joins are rewritten. Runs inside the caller's transaction over `wordIndex`.
 */
export async function updateEntryWords(
  db: GlossaryDatabase,
  generation: string,
  id: string,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): Promise<void> {
  const touched = new Set([...before, ...after].filter((w) => before.has(w) !== after.has(w)).map(bucketOf));
  for (const bucket of touched) {
    const row = (await db.wordIndex.get([generation, bucket])) ?? { generation, bucket, words: [], ids: [] };
    const postings = new Map(row.words.map((word, i) => [word, row.ids[i]!.filter((x) => x !== id)]));
    for (const word of after) if (bucketOf(word) === bucket) postings.set(word, [...(postings.get(word) ?? []), id]);
    const words = [...postings.keys()].filter((w) => postings.get(w)!.length > 0).sort(compareCodeUnits);
    if (words.length === 0) await db.wordIndex.delete([generation, bucket]);
    else await db.wordIndex.put({ generation, bucket, words, ids: words.map((w) => postings.get(w)!) });
  }
}
