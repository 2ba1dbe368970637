import { z } from './zod';

/** An entry's id: kebab-case ASCII, as in data/glossary.json. */
export const termIdSchema = z
  .string()
  .check(z.maxLength(100), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'term ids are kebab-case'));

/** Whether two lists hold the same ids, in any order (the known terms, compared before a rewrite or a rescan). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
