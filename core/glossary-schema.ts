import { z } from 'zod';

import { PARTS } from './constants';

// Constants live apart so that the content script can use them without bundling zod.
export { LANGS, PARTS, type Lang, type Part } from './constants';
export const partSchema = z.enum(PARTS);

const text = z.string().trim().min(1);
const bilingual = z.object({ nl: text, en: text }).strict();

export const aliasSchema = z
  .object({
    text: text.max(200),
    /** Language of the surface form; `mul` for acronyms and names shared by several languages. */
    lang: z.enum(['nl', 'en', 'fr', 'de', 'mul']),
    /** Acronyms must match case exactly ("12 nsec" is not NSEC). */
    caseSensitive: z.boolean(),
    /** The letter's own wording. */
    letter: z.boolean().optional(),
  })
  .strict();

export const legalRefSchema = z
  .object({
    article: z.string().regex(/^\d+(\(\d+\))?$/),
    treaty: z.enum(['tfeu', 'benelux']),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case ASCII'),
    part: partSchema,
    name: bilingual,
    expansion: bilingual.optional(),
    abbreviations: z.array(text),
    aliases: z.array(aliasSchema).min(1),
    inflections: z.array(z.object({ text: text.max(200), lang: z.enum(['nl', 'en', 'fr', 'de']) }).strict()),
    /** Everyday words ("overeenkomst") are searchable but not highlighted unless the user asks. */
    highlight: z.boolean(),
    short: bilingual,
    long: bilingual,
    quotes: z.array(z.object({ text: text, part: partSchema }).strict()).min(1),
    related: z.array(z.string()),
    source: z.object({ label: text, url: z.url({ protocol: /^https$/ }).optional() }).strict(),
    legalRef: legalRefSchema.optional(),
    /** Alias texts this entry shares on purpose with another entry. */
    ambiguous: z.array(text).optional(),
  })
  .strict();

export const glossarySchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    asOf: z.iso.date(),
    document: z.object({ title: text, author: text, recipient: text, year: z.number().int() }).strict(),
    entries: z.array(entrySchema).min(1),
  })
  .strict();

export type Alias = z.infer<typeof aliasSchema>;
export type GlossaryEntry = z.infer<typeof entrySchema>;
export type Glossary = z.infer<typeof glossarySchema>;
