import { storage } from '@wxt-dev/storage';
import { storedCompiledGlossarySchema, type StoredCompiledGlossary } from '@/core/compiled-glossary';
import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';
import { PAGE_SETTING_KEYS, pageSettingsFrom, type PageSettings } from './index';

/**
 * What a content script needs to highlight, kept where it can read it without the background:
 * `browser.storage.local` works while a service worker sleeps and tells every frame of changes. The
 * background owns both items and writes them from IndexedDB, the source of truth (entrypoints/
 * background/publish.ts); a missing or unreadable item reads as null, and the page asks the background
 * to publish it.
 */
const COMPILED_KEY = 'local:compiledGlossary';
const KNOWN_KEY = 'local:knownTerms';
const compiledItem = storage.defineItem<unknown>(COMPILED_KEY, { fallback: null });
const knownItem = storage.defineItem<unknown>(KNOWN_KEY, { fallback: null });
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

/**
 * Everything a frame needs to start, in one storage read (each separate read costs a round trip
 * through the browser process, and a frame starts on every page): its settings, the compiled
 * glossary and the known terms.
 */
export interface PageState {
  settings: PageSettings;
  compiled: StoredCompiledGlossary | null;
  known: string[] | null;
}

export async function readPageState(hostname: string): Promise<PageState> {
  const items = await storage.getItems([...PAGE_SETTING_KEYS, COMPILED_KEY, KNOWN_KEY]);
  const values = new Map(items.map((item) => [item.key, item.value as unknown]));
  return {
    settings: pageSettingsFrom(
      PAGE_SETTING_KEYS.map((key) => values.get(key)),
      hostname,
    ),
    compiled: parsed(storedCompiledGlossarySchema, values.get(COMPILED_KEY)),
    known: parsed(knownSchema, values.get(KNOWN_KEY)),
  };
}
