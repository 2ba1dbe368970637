import type { ImportedEntry, ImportedGlossaryInfo } from '@/core/imported-schema';

/**
 * What the glossary page and its import worker (entrypoints/glossary/import.worker.ts) say to each
 * other. Everything here is structured-cloneable: a File crosses as a handle, never as its bytes.
 * Every message names its job, so a late message of an abandoned job is told apart and dropped.
 */

export type GlossaryFormat = ImportedGlossaryInfo['format'];

/** What a CSV column holds, when its header is not recognised and the reader says so. */
export const CSV_COLUMN_KINDS = ['term', 'definition', 'abbreviation', 'subject', 'id', 'source', 'note'] as const;
export type CsvColumnKind = (typeof CSV_COLUMN_KINDS)[number];
/** Column index → what it holds (with its language for terms, definitions, abbreviations); absent: ignored. */
export type CsvColumns = Record<number, { kind: CsvColumnKind; lang?: string }>;

/** IATE's reliabilityCode: 1 not verified, 2 minimum reliability, 3 reliable, 4 very reliable. */
export type Reliability = 1 | 2 | 3 | 4;

/** The reader's choices before anything is written. */
export interface ImportChoices {
  /** Languages to keep; absent: every language in the file. */
  languages?: string[];
  minReliability?: Reliability;
  skipDeprecated?: boolean;
}

/** How many entries the preview shows. */
export const PREVIEW_ENTRIES = 20;

export type ToWorker =
  /** Read the first entries, write nothing. */
  | { type: 'preview'; job: number; file: File; csvColumns?: CsvColumns }
  /** Read the whole file under `glossaryId` (the preview's), write it, make it visible at the end. */
  | {
      type: 'import';
      job: number;
      file: File;
      glossaryId: string;
      format: GlossaryFormat;
      csvColumns?: CsvColumns;
      choices: ImportChoices;
    }
  /** Stop the job; what it wrote goes. */
  | { type: 'cancel'; job: number };

/** Why a job failed. `message` names what and where; `code` lets the page choose its own words. */
export interface ImportFailure {
  message: string;
  /** The parser's ImportError code, or one of the worker's: 'no-entries', 'changed'. */
  code?: string;
  line?: number;
  entry?: string;
  /** For `csv-columns`: the header's cells, to ask the reader which is which. */
  columns?: string[];
}

export interface PreviewResult {
  info: ImportedGlossaryInfo;
  /** Entries read for the preview (at most PREVIEW_ENTRIES). */
  count: number;
  /** Languages seen in them. */
  languages: string[];
  entries: ImportedEntry[];
}

export type FromWorker =
  | ({ type: 'preview'; job: number } & PreviewResult)
  /** The import's hidden generation: the page cancels it itself if the worker stops answering. */
  | { type: 'started'; job: number; generation: string }
  | { type: 'progress'; job: number; bytesRead: number; entries: number }
  | { type: 'done'; job: number; info: ImportedGlossaryInfo; count: number; languages: string[] }
  | { type: 'cancelled'; job: number }
  | { type: 'failed'; job: number; failure: ImportFailure };
