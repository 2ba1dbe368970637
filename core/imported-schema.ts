import { z } from './zod';

/**
 * A glossary the reader imported (TBX, CSV or our JSON format), as it is kept: one schema for the
 * parsers' output, the database rows, the JSON export and the messages that carry an entry to a tooltip.
 * The bundled letter keeps its richer entry (glossary-schema.ts); an imported entry is a concept with
 * its terms in any number of languages.
 */

/** A glossary's id: kebab-case ASCII, made from what its file says of itself (a TBX title or id, a CSV's name). */
export const glossaryIdSchema = z
  .string()
  .check(z.maxLength(64), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'glossary ids are kebab-case'));

export { LETTER_GLOSSARY_ID } from './ids';

/** An entry's id inside its glossary, as its file gives it (IATE's concept ids are numbers). */
export const entryIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9._~-]+$/, 'entry ids use letters, digits and . _ ~ -'));

/** A language code as TBX and IATE write it ("nl", "en", "de", "ga", "mul"); region subtags dropped. */
export const langCodeSchema = z.string().check(z.regex(/^[a-z]{2,3}$/, 'a language is a two- or three-letter code'));

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** TBX termType values we tell apart; anything else is `other`. */
export const TERM_TYPES = ['fullForm', 'abbreviation', 'acronym', 'shortForm', 'variant', 'phrase', 'other'] as const;
/** TBX administrativeStatus, simplified. */
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'obsolete'] as const;

export const importedTermSchema = z.strictObject({
  lang: langCodeSchema,
  text: text(300),
  type: z.optional(z.enum(TERM_TYPES)),
  status: z.optional(z.enum(TERM_STATUSES)),
  /** IATE's reliabilityCode: 1 (not verified) … 4 (very reliable). */
  reliability: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
});

export const importedEntrySchema = z.strictObject({
  id: entryIdSchema,
  terms: z.array(importedTermSchema).check(z.minLength(1), z.maxLength(500)),
  /** Definitions per language (a concept has at most one per language). */
  definitions: z.array(z.strictObject({ lang: langCodeSchema, text: text(10_000) })).check(z.maxLength(100)),
  subjectFields: z.array(text(300)).check(z.maxLength(50)),
  /** Where the entry comes from (a TBX source note, a CSV column). */
  source: z.optional(text(1000)),
  note: z.optional(text(10_000)),
});

/** What a file says of itself. */
export const importedGlossaryInfoSchema = z.strictObject({
  /** The glossary's id (from the file's id or title, or the file name). */
  id: glossaryIdSchema,
  title: text(200),
  /** The file the entries came from, for the list of glossaries. */
  fileName: z.optional(text(300)),
  format: z.enum(['tbx', 'tbx-martif', 'csv', 'json']),
});

export type ImportedTerm = z.infer<typeof importedTermSchema>;
export type ImportedEntry = z.infer<typeof importedEntrySchema>;
export type ImportedGlossaryInfo = z.infer<typeof importedGlossaryInfoSchema>;
export type TermType = (typeof TERM_TYPES)[number];
export type TermStatus = (typeof TERM_STATUSES)[number];
