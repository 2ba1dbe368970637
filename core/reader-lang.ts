import type { Lang } from './constants';

/**
 * The language a tooltip explains in: the page's own (`<html lang>`) when it is one we write entries
 * in, else the browser's UI language, else English. Only the primary subtag counts (`nl-BE` is `nl`).
 */
export function readerLang(pageLang: string, uiLang: string): Lang {
  for (const tag of [pageLang, uiLang]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nl' || primary === 'en') return primary;
  }
  return 'en';
}
