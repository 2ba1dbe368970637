import { z } from './zod';

/** An entry's id: kebab-case ASCII, as in data/glossary.json. */
export const termIdSchema = z
  .string()
  .check(z.maxLength(100), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'term ids are kebab-case'));
