// Apart from core/notes.ts so that message validators and extension pages need not bundle full zod.

/** The longest note we keep. */
export const NOTE_MAX_CHARS = 10_000;
/** The notes export file: its format name and the version this build reads and writes. */
export const EXPORT_FORMAT = 'benelux-glossary-notes';
export const EXPORT_VERSION = 1;
