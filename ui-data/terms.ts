import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '@/core/constants';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { LETTER_GLOSSARY_ID, parseTermKey } from '@/core/ids';
import { importedEntryName } from '@/core/imported-entry-view';
import { useDataSource } from './context';
import type { DataSource, ImportedLookup } from './source';

/** A term as a view shows it: one of the letter's entries, or an imported glossary's with its glossary. */
export type ShownTerm =
  { kind: 'letter'; id: string; entry: GlossaryEntry } | ({ kind: 'imported'; id: string } & ImportedLookup);

/** Whether a term id names an imported glossary's entry (`glossary:entry`), not one of the letter's. */
export function isImportedKey(id: string): boolean {
  const parsed = parseTermKey(id);
  return !!parsed && parsed.glossaryId !== LETTER_GLOSSARY_ID;
}

/** The term's name for a reader of `lang`, and the language it is in (an imported entry may lack `lang`). */
export function termName(term: ShownTerm, lang: Lang): { text: string; lang: string } {
  if (term.kind === 'letter') return { text: term.entry.name[lang], lang };
  const name = importedEntryName(term.entry, lang);
  return { text: name.text, lang: name.lang };
}

async function lookUp(source: DataSource, id: string): Promise<ShownTerm | null> {
  try {
    if (isImportedKey(id)) {
      const found = await source.importedEntry(id);
      return found && { kind: 'imported', id, ...found };
    }
    const entry = await source.entry(id);
    return entry && { kind: 'letter', id, entry };
  } catch {
    return null;
  }
}

export interface TermsById {
  /** The ids this answer is for, joined by spaces ('' before the first answer). */
  for: string;
  /** Each id's term; null when there is no such term (an imported glossary deleted or switched off). */
  terms: ReadonlyMap<string, ShownTerm | null>;
}

const NONE: TermsById = { for: '', terms: new Map() };

/**
 * These terms, the letter's or imported, asked of the source one by one. The answer comes once all
 * are in, and until then the previous answer stays (a render in between shows what it showed
 * before); `for` tells whether it answers the ids asked now.
 */
export function useTermsById(ids: readonly string[]): TermsById {
  const source = useDataSource();
  const [answer, setAnswer] = useState(NONE);
  const key = ids.join(' ');
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    void Promise.all(ids.map(async (id) => [id, await lookUp(source, id)] as const)).then((list) => {
      if (live) setAnswer({ for: key, terms: new Map(list) });
    });
    return () => {
      live = false;
    };
    // `key` stands for `ids`, which may be a new array on every render.
  }, [key, source]);
  return answer;
}
