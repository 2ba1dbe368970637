/**
 * What can be wrong with a file the reader imports. The code lets the page choose its own words (and, for
 * `csv-columns`, ask the reader which column holds what); the message is already a full English sentence that
 * names what is wrong and where (line, column, entry).
 */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'format'
  | 'xml'
  | 'truncated'
  | 'root'
  | 'entry-id'
  | 'no-term'
  | 'duplicate-id'
  | 'language'
  | 'csv-columns'
  | 'csv-row'
  | 'json'
  | 'invalid-entry';

export interface ImportErrorDetails {
  /** One-based line of the file, where known. */
  line?: number;
  /** One-based column, where known. */
  column?: number;
  /** The entry's id (as the file writes it) or, failing that, its number in the file ("entry 12"). */
  entry?: string;
  /** For `csv-columns`: the header's cells, so the page can ask which is which. */
  columns?: string[];
}

/** The one error every parser throws: the file was not imported, and this says why and where. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  declare readonly line?: number;
  declare readonly column?: number;
  declare readonly entry?: string;
  declare readonly columns?: string[];

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    details: ImportErrorDetails = {},
  ) {
    super(message);
    // Own fields only where known: `{ code, ...error, message }` is what a worker posts to its page.
    Object.assign(this, details);
  }
}
