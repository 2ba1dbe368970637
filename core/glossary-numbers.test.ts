/**
 * An entry says the same thing in every language: each of its texts (name, expansion, short, long)
 * carries the same numbers — dates, article and regulation numbers, amounts — in Dutch, English,
 * French and German. Compared as the sets of digit runs ("Regulation (EU) 2018/1240 of 12 September
 * 2018" holds 2018, 1240, 12), so "12 September" and "12. September" agree and "3" against "4" does not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from './constants';
import type { Glossary } from './glossary-schema';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const FIELDS = ['name', 'expansion', 'short', 'long'] as const;

const numbers = (text: string): string[] => [...new Set(text.match(/\d+/g) ?? [])].sort();

describe('every entry carries the same numbers in its four languages', () => {
  it.each(glossary.entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    for (const field of FIELDS) {
      const texts = entry[field];
      if (!texts) continue;
      const english = numbers(texts.en);
      for (const lang of LANGS) {
        expect(numbers(texts[lang]), `${field}.${lang} against ${field}.en`).toEqual(english);
      }
    }
  });
});
