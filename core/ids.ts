import { z } from './zod';

/** The bundled letter's glossary id. Its entries keep their bare ids as term keys. */
export const LETTER_GLOSSARY_ID = 'letter';

/** The glossary of the terms the reader adds (core/my-terms.ts). */
export const MY_TERMS_GLOSSARY_ID = 'my-terms';

/** Glossary ids of the extension's own: an imported file that names itself so gets another. */
const RESERVED_GLOSSARY_IDS: ReadonlySet<string> = new Set([LETTER_GLOSSARY_ID, MY_TERMS_GLOSSARY_ID]);

/**
 * The id an imported glossary is kept under: its own, unless that is one of the extension's (a CSV named
 * letter.csv, or the letter's own JSON export read back), which would replace the bundled letter.
 */
export function importedGlossaryId(id: string): string {
  return RESERVED_GLOSSARY_IDS.has(id) ? `${id}-import` : id;
}

const LETTER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `glossary:entry` — an imported glossary's id (kebab-case) and its entry's id as the file gives it. */
const IMPORTED_KEY = /^([a-z0-9]+(?:-[a-z0-9]+)*):([A-Za-z0-9._~-]{1,128})$/;

/** An entry id of the letter's glossary (data/glossary.json). */
export const letterIdSchema = z.string().check(z.maxLength(100), z.regex(LETTER_ID, 'term ids are kebab-case'));

/**
 * A term's key wherever a term is named (the matcher's ids, notes, known terms, messages): the letter's
 * entries by their kebab-case id as in data/glossary.json, an imported glossary's by `glossary:entry`.
 */
export const termIdSchema = z.string().check(
  z.maxLength(200),
  z.refine((key) => LETTER_ID.test(key) || IMPORTED_KEY.test(key), 'term ids are kebab-case or glossary:entry'),
);

/** The key of an imported glossary's entry. */
export function termKey(glossaryId: string, entryId: string): string {
  return glossaryId === LETTER_GLOSSARY_ID ? entryId : `${glossaryId}:${entryId}`;
}

/** The glossary and the entry a term key names (the letter's for a bare id); null for a malformed key. */
export function parseTermKey(key: string): { glossaryId: string; entryId: string } | null {
  if (LETTER_ID.test(key)) return { glossaryId: LETTER_GLOSSARY_ID, entryId: key };
  const match = IMPORTED_KEY.exec(key);
  return match ? { glossaryId: match[1]!, entryId: match[2]! } : null;
}

/** Whether two lists hold the same ids, in any order (the known terms, compared before a rewrite or a rescan). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
