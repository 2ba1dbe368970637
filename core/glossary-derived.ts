import {
  compileGlossary,
  encodeCompiledGlossary,
  storeCompiledGlossary,
  type StoredCompiledGlossary,
} from './compiled-glossary';
import type { Glossary } from './glossary-schema';
import { reconstructLetter, type LetterBlock } from './letter';
import { locateQuote } from './quote-locator';
import { letterProminence } from './search';
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
}

export interface LetterDerived {
  /** The letter rebuilt into headings, paragraphs, list items and the closing. */
  blocks: LetterBlock[];
  /** Per entry, the block each of its quotes is in (null: not found). */
  quoteTargets: Record<string, (string | null)[]>;
}

export function deriveForSearch(glossary: Glossary, letter: string): SearchDerived {
  const prominence = letterProminence(buildTermIndex(glossary.entries), letter);
  return { glossaryVersion: glossary.version, prominence: Object.fromEntries(prominence) };
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
