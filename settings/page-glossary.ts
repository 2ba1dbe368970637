import { storage } from '@wxt-dev/storage';
import { storedCompiledGlossarySchema, type StoredCompiledGlossary } from '@/core/compiled-glossary';
import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';

/**
 * What a content script needs to highlight, kept where it can read it without the background:
 * `browser.storage.local` works while a service worker sleeps and tells every frame of changes. The
 * background owns both items and writes them from IndexedDB, the source of truth (entrypoints/
 * background/publish.ts); a missing or unreadable item reads as null, and the page asks the background
 * to publish it.
 */
const compiledItem = storage.defineItem<unknown>('local:compiledGlossary', { fallback: null });
const knownItem = storage.defineItem<unknown>('local:knownTerms', { fallback: null });
const knownSchema = z.array(termIdSchema).check(z.maxLength(100_000));

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

export const compiledGlossaryStore = {
  getValue: async () => parsed(storedCompiledGlossarySchema, await compiledItem.getValue()),
  setValue: (value: StoredCompiledGlossary) => compiledItem.setValue(value),
  watch: (onChange: () => void) => compiledItem.watch(onChange),
};

/** The terms the reader marked "I know this term" (a mirror of the database's). */
export const knownTermsStore = {
  getValue: async () => parsed(knownSchema, await knownItem.getValue()),
  setValue: (value: string[]) => knownItem.setValue(value),
  watch: (onChange: (known: string[] | null) => void) =>
    knownItem.watch((value) => onChange(parsed(knownSchema, value))),
};
