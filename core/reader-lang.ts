import { LANGS, type Lang } from './constants';

/** The language the reader has fixed for explanations, or `auto`: the language of the text. */
export type ExplainLang = 'auto' | Lang;

/** A language tag's primary subtag (`nl-BE` is `nl`, any case) when entries are written in it, else null. */
export function entryLang(tag: string): Lang | null {
  const primary = tag.toLowerCase().split('-')[0];
  return LANGS.find((lang) => lang === primary) ?? null;
}

/**
 * The language a term is explained in: the reader's fixed choice; else the first of `tags` — the
 * nearest `lang` of the element the term stands in, the page's, the browser's UI language — that
 * entries are written in; else English.
 */
export function readerLang(tags: readonly string[], fixed: ExplainLang = 'auto'): Lang {
  if (fixed !== 'auto') return fixed;
  for (const tag of tags) {
    const lang = entryLang(tag);
    if (lang) return lang;
  }
  return 'en';
}
