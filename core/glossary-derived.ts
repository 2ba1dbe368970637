import {
  compileGlossary,
  encodeCompiledGlossary,
  storeCompiledGlossary,
  type StoredCompiledGlossary,
} from './compiled-glossary';
import { LANGS } from './constants';
import type { Glossary, GlossaryEntry, Lang } from './glossary-schema';
import { reconstructLetter, type LetterBlock } from './letter';
import { locateQuote } from './quote-locator';
import { buildSearchIndex, letterProminence } from './search';
import { buildTermIndex } from './term-index';

/**
 * What the extension pages would otherwise compute from the bundled glossary and the letter each
 * time they open. The build computes it once (scripts/glossary-derived-plugin.ts) and bundles it as
 * data; it holds for the glossary version it was computed from, which the background seeds.
 */
export interface SearchDerived {
  glossaryVersion: string;
  /** How often the letter mentions each entry (entries it never mentions are left out). */
  prominence: Record<string, number>;
  /**
   * The bundled entries: what the database holds once the background has seeded this version, so a
   * page can show and search them before its database has opened.
   */
  entries: GlossaryEntry[];
  /**
   * The entries' search index (core/search.ts: buildSearchIndex) per reading language, as JSON text:
   * a page parses only its own language's, and never builds one for the bundled glossary.
   */
  searchIndexJson: Record<Lang, string>;
}

export interface LetterDerived {
  /** The letter rebuilt into headings, paragraphs, list items and the closing. */
  blocks: LetterBlock[];
  /** Per entry, the block each of its quotes is in (null: not found). */
  quoteTargets: Record<string, (string | null)[]>;
}

export function deriveForSearch(glossary: Glossary, letter: string): SearchDerived {
  const prominence = letterProminence(buildTermIndex(glossary.entries), letter);
  const index = (lang: Lang) => JSON.stringify(buildSearchIndex(glossary.entries, lang));
  return {
    glossaryVersion: glossary.version,
    prominence: Object.fromEntries(prominence),
    entries: glossary.entries,
    searchIndexJson: Object.fromEntries(LANGS.map((lang) => [lang, index(lang)])) as Record<Lang, string>,
  };
}

export function deriveForLetter(glossary: Glossary, letter: string): LetterDerived {
  const blocks = reconstructLetter(letter);
  const quoteTargets = Object.fromEntries(
    glossary.entries.map((e) => [e.id, e.quotes.map((q) => locateQuote(blocks, q.text))]),
  );
  return { blocks, quoteTargets };
}

export interface CompiledDerived {
  /** The matcher's compiled form (compiled-glossary.ts), as stored: the background hands it to content scripts. */
  compiledGlossary: StoredCompiledGlossary;
}

export function deriveCompiled(glossary: Glossary): CompiledDerived {
  const compiled = compileGlossary(glossary.version, buildTermIndex(glossary.entries));
  return { compiledGlossary: storeCompiledGlossary(encodeCompiledGlossary(compiled), glossary.version) };
}
