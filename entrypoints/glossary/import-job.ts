import type { ImportedEntry } from '@/core/imported-schema';
import { beginImport, cancelImport, commitImport, writeImportBatch, type GlossaryDatabase } from '@/db';
import { PREVIEW_ENTRIES, type FromWorker, type ImportFailure, type ToWorker } from '@/ui-data/import-protocol';
import type { parseGlossaryFile } from './import-api';

/** Entries per write: each batch is one small transaction, so tooltip reads are never held long. */
export const WRITE_BATCH = 500;
/** At most one progress message this often (ms): the page re-renders on each. */
export const PROGRESS_EVERY_MS = 100;

class Cancelled extends Error {}

/** An error as plain data for postMessage, keeping what an ImportError says of where it happened. */
export function failureOf(error: unknown): ImportFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; line?: unknown; entry?: unknown; columns?: unknown };
  const failure: ImportFailure = { message: e.message };
  if (typeof e.code === 'string') failure.code = e.code;
  if (typeof e.line === 'number') failure.line = e.line;
  if (typeof e.entry === 'string') failure.entry = e.entry;
  if (Array.isArray(e.columns)) failure.columns = e.columns.map(String);
  return failure;
}

export interface ImportJobDeps {
  db: GlossaryDatabase;
  parse: typeof parseGlossaryFile;
  post: (message: FromWorker) => void;
  now?: () => number;
}

/**
 * The import worker's work, apart from the worker (so it runs under Vitest): a preview reads the
 * first entries and writes nothing; an import streams the file through the parser, writes its
 * entries in batches under a generation nothing shows, and commits it in one small transaction at
 * the end. On cancel or any error the generation is dropped: the reader's glossaries are as before.
 */
export function createImportJobs({ db, parse, post, now = () => performance.now() }: ImportJobDeps) {
  const cancelled = new Set<number>();

  async function preview(msg: Extract<ToWorker, { type: 'preview' }>): Promise<void> {
    const entries: ImportedEntry[] = [];
    try {
      const result = await parse(
        msg.file.stream(),
        {
          fileName: msg.file.name,
          ...(msg.csvColumns ? { csvColumns: msg.csvColumns } : {}),
          preview: PREVIEW_ENTRIES,
        },
        (batch) => {
          if (cancelled.has(msg.job)) throw new Cancelled();
          entries.push(...batch.slice(0, PREVIEW_ENTRIES - entries.length));
        },
      );
      post({
        type: 'preview',
        job: msg.job,
        info: result.info,
        count: entries.length,
        languages: result.languages,
        entries,
      });
    } catch (error) {
      post(
        error instanceof Cancelled
          ? { type: 'cancelled', job: msg.job }
          : { type: 'failed', job: msg.job, failure: failureOf(error) },
      );
    } finally {
      cancelled.delete(msg.job);
    }
  }

  async function importFile(msg: Extract<ToWorker, { type: 'import' }>): Promise<void> {
    const { job, file, choices } = msg;
    let generation: string | null = null;
    let buffer: ImportedEntry[] = [];
    let written = 0;
    let bytes = 0;
    let bytesRead = 0;
    let lastPost = -Infinity;
    /** Set once the job has said how it ended: a batch still being written reports no progress after that. */
    let ended = false;
    const check = () => {
      if (cancelled.has(job)) throw new Cancelled();
    };
    const progress = (force = false) => {
      const t = now();
      if (ended || (!force && t - lastPost < PROGRESS_EVERY_MS)) return;
      lastPost = t;
      post({ type: 'progress', job, bytesRead, entries: written + buffer.length });
    };
    // One batch is written while the parser reads the next: the database's work and the parser's
    // overlap, and at most two batches are held in memory.
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: ImportedEntry[]) => {
      bytes += await writeImportBatch(db, generation!, batch);
      written += batch.length;
      progress();
    };
    const flush = async () => {
      check();
      await writing;
      if (buffer.length === 0 || !generation) return;
      const batch = buffer;
      buffer = [];
      writing = write(batch);
      // Awaited before the next batch or the commit; until then a failure is not "unhandled".
      writing.catch(() => undefined);
    };
    try {
      generation = await beginImport(db, msg.glossaryId);
      post({ type: 'started', job, generation });
      check();
      const result = await parse(
        file.stream(),
        {
          fileName: file.name,
          format: msg.format,
          ...(msg.csvColumns ? { csvColumns: msg.csvColumns } : {}),
          options: choices,
          onProgress: (read) => {
            bytesRead = read;
            progress();
          },
        },
        async (batch) => {
          check();
          buffer.push(...batch);
          if (buffer.length >= WRITE_BATCH) await flush();
        },
      );
      await flush();
      await writing;
      check();
      if (result.info.id !== msg.glossaryId) {
        throw Object.assign(new Error('The file changed after its preview: choose it again.'), { code: 'changed' });
      }
      if (written === 0) {
        throw Object.assign(new Error('No entry is left to import with these choices.'), { code: 'no-entries' });
      }
      // The languages kept: what the file has, narrowed to the reader's choice.
      const chosen = choices.languages && new Set(choices.languages);
      const languages = result.languages.filter((l) => !chosen || chosen.has(l));
      bytesRead = file.size;
      progress(true);
      await commitImport(db, generation, result.info, { languages, entryCount: written, bytes });
      post({ type: 'done', job, info: result.info, count: written, languages });
    } catch (error) {
      // Said at once: the generation was never made visible, so nothing the reader sees changed.
      // Its rows go next (a long delete for a big file); should the page close first, they are
      // collected as an abandoned import.
      ended = true;
      post(
        error instanceof Cancelled || cancelled.has(job)
          ? { type: 'cancelled', job }
          : { type: 'failed', job, failure: failureOf(error) },
      );
      // A batch still being written would land after the clean-up: it finishes (or fails) first.
      await writing.catch(() => undefined);
      if (generation) await cancelImport(db, generation).catch(() => undefined);
    } finally {
      cancelled.delete(job);
    }
  }

  return {
    handle(msg: ToWorker): Promise<void> {
      switch (msg.type) {
        case 'preview':
          return preview(msg);
        case 'import':
          return importFile(msg);
        case 'cancel':
          cancelled.add(msg.job);
          return Promise.resolve();
      }
    },
  };
}
