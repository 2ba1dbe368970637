import { PARTS } from './constants';
import { letterIdSchema } from './ids';
import { z } from './zod';

// Constants live apart so that code needing only them imports no schema at all.
export { LANGS, PARTS, type Lang, type Part } from './constants';

/** The glossary entry and the glossary file: validated at build time and by the unit tests. */
export const partSchema = z.enum(PARTS);

const text = (max?: number) =>
  z.string().check(z.trim(), z.minLength(1), ...(max === undefined ? [] : [z.maxLength(max)]));
/** An entry's text in every language entries are written in (LANGS). */
const inEveryLang = z.strictObject({ nl: text(), en: text(), fr: text(), de: text() });

export const aliasSchema = z.strictObject({
  text: text(200),
  /** Language of the surface form; `mul` for acronyms and names shared by several languages. */
  lang: z.enum(['nl', 'en', 'fr', 'de', 'mul']),
  /** Acronyms must match case exactly ("12 nsec" is not NSEC). */
  caseSensitive: z.boolean(),
  /** The letter's own wording. */
  letter: z.optional(z.boolean()),
});

export const legalRefSchema = z.strictObject({
  article: z.string().check(z.regex(/^\d+(\(\d+\))?$/)),
  treaty: z.enum(['tfeu', 'benelux']),
});

export const entrySchema = z.strictObject({
  id: letterIdSchema,
  part: partSchema,
  name: inEveryLang,
  expansion: z.optional(inEveryLang),
  abbreviations: z.array(text()),
  aliases: z.array(aliasSchema).check(z.minLength(1)),
  inflections: z.array(z.strictObject({ text: text(200), lang: z.enum(['nl', 'en', 'fr', 'de']) })),
  /** Everyday words ("overeenkomst") are searchable but not highlighted unless the reader asks. */
  highlight: z.boolean(),
  short: inEveryLang,
  long: inEveryLang,
  quotes: z.array(z.strictObject({ text: text(), part: partSchema })).check(z.minLength(1)),
  related: z.array(z.string()),
  source: z.strictObject({ label: text(), url: z.optional(z.url({ protocol: /^https$/ })) }),
  legalRef: z.optional(legalRefSchema),
  /** Alias texts this entry shares on purpose with another entry. */
  ambiguous: z.optional(z.array(text())),
  /**
   * Longer phrases that contain one of this entry's forms but name something else (another body's
   * committee, another treaty): where one stands, nothing is highlighted (term-automaton-build.ts).
   */
  notThis: z.optional(z.array(text(200))),
});

export const glossarySchema = z.strictObject({
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  asOf: z.iso.date(),
  document: z.strictObject({ title: text(), author: text(), recipient: text(), year: z.int() }),
  entries: z.array(entrySchema).check(z.minLength(1)),
});

export type Alias = z.infer<typeof aliasSchema>;
export type GlossaryEntry = z.infer<typeof entrySchema>;
export type Glossary = z.infer<typeof glossarySchema>;
