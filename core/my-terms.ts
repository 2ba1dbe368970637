import { LANGS, type Lang } from './constants';
import { MY_TERMS_GLOSSARY_ID } from './ids';
import { entryIdFromTerm } from './import/naming';
import { importedEntrySchema, type ImportedEntry } from './imported-schema';
import { z } from './zod';

/**
 * A term the reader adds: kept as one more glossary's entry (MY_TERMS_GLOSSARY_ID), so it is
 * highlighted, explained, searched, noted and exported like every imported entry.
 */
export { MY_TERMS_GLOSSARY_ID };

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** What the reader fills in (or accepts from a page that defines an abbreviation). */
export const myTermInputSchema = z.strictObject({
  /** Set when editing an existing term. */
  id: z.optional(importedEntrySchema.shape.id),
  name: text(300),
  abbreviation: z.optional(
    z.string().check(z.trim(), z.maxLength(30), z.regex(/^[^\s]*$/, 'an abbreviation is one word')),
  ),
  definition: z.optional(z.string().check(z.trim(), z.maxLength(10_000))),
  lang: z.enum(LANGS),
  /** Where it was learned: the sentence that defined it, and the page. */
  source: z.optional(text(1000)),
});

export type MyTermInput = z.infer<typeof myTermInputSchema>;

/** The entry a reader's term is kept as; its id comes from its name unless it has one. */
export function myTermEntry(input: MyTermInput): ImportedEntry {
  const parsed = myTermInputSchema.parse(input);
  const entry: ImportedEntry = {
    id: parsed.id ?? entryIdFromTerm(parsed.lang, parsed.name),
    terms: [
      { lang: parsed.lang, text: parsed.name, type: 'fullForm' },
      ...(parsed.abbreviation ? [{ lang: parsed.lang, text: parsed.abbreviation, type: 'abbreviation' as const }] : []),
    ],
    definitions: parsed.definition ? [{ lang: parsed.lang, text: parsed.definition }] : [],
    subjectFields: [],
    ...(parsed.source ? { source: parsed.source } : {}),
  };
  return importedEntrySchema.parse(entry);
}

/** What the form shows to edit one of the reader's terms: the input the entry was made from. */
export function myTermInputOf(entry: ImportedEntry): MyTermInput {
  const name = entry.terms.find((t) => t.type !== 'abbreviation') ?? entry.terms[0];
  const lang = (LANGS as readonly string[]).includes(name?.lang ?? '') ? (name!.lang as Lang) : 'en';
  const abbreviation = entry.terms.find((t) => t.type === 'abbreviation')?.text;
  const definition = (entry.definitions.find((d) => d.lang === lang) ?? entry.definitions[0])?.text;
  return {
    id: entry.id,
    name: name?.text ?? '',
    ...(abbreviation ? { abbreviation } : {}),
    ...(definition ? { definition } : {}),
    lang,
    ...(entry.source ? { source: entry.source } : {}),
  };
}
