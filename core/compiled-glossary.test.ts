import { describe, expect, it } from 'vitest';
import glossaryJson from '@/data/glossary.json';
import {
  COMPILED_FORMAT_VERSION,
  CompiledGlossaryError,
  compileGlossary,
  decodeCompiledGlossary,
  encodeCompiledGlossary,
} from './compiled-glossary';
import type { Glossary } from './glossary-schema';
import { buildTermIndex } from './term-index';
import { getFoldTables, packFoldTables, useFoldTables } from './text-fold';
import { compileMatcher, matcherFor, type MatchTerm } from './term-matcher';

const TERMS: MatchTerm[] = [
  { id: 'verdrag', highlight: true, aliases: [{ text: 'Benelux-verdrag', caseSensitive: false }] },
  { id: 'benelux', highlight: true, aliases: [{ text: 'Benelux', caseSensitive: false }] },
  { id: 'osa', highlight: true, aliases: [{ text: 'OSA', caseSensitive: true }] },
  { id: 'osa-2', highlight: true, aliases: [{ text: 'osa', caseSensitive: false }] },
  { id: 'raad', highlight: false, aliases: [{ text: 'Raad', caseSensitive: false }] },
];
const TEXT = 'Het Benelux-verdrag, de Raad en OSA.';
const ids = (compiled = compileGlossary('1', TERMS), options = {}) =>
  matcherFor(compiled, options)
    .find(TEXT)
    .map((m) => `${TEXT.slice(m.start, m.end)}=${m.termId}`);

describe('compiled glossary', () => {
  it('applies the reader switches when matching, as a compile without those terms would', () => {
    const compiled = compileGlossary('1', TERMS);
    expect(ids(compiled)).toEqual(['Benelux-verdrag=verdrag', 'OSA=osa']);
    // Known: the longer term no longer takes part, so the shorter one inside it matches.
    const known = { disabledIds: new Set(['verdrag', 'osa']) };
    expect(ids(compiled, known)).toEqual(['Benelux=benelux', 'OSA=osa-2']);
    expect(ids(compiled, { enabledIds: new Set(['raad']) })).toContain('Raad=raad');
    for (const options of [{}, known, { enabledIds: new Set(['raad']) }]) {
      expect(ids(compiled, options)).toEqual(
        compileMatcher(TERMS, options)
          .find(TEXT)
          .map((m) => `${TEXT.slice(m.start, m.end)}=${m.termId}`),
      );
    }
  });

  it('keeps the surface forms more than one term claims', () => {
    expect([...compileGlossary('1', TERMS).ambiguous]).toEqual([['osa', ['osa', 'osa-2']]]);
  });

  it('round-trips the bundled glossary through its binary form, at any byte offset', () => {
    const glossary = glossaryJson as Glossary;
    const compiled = compileGlossary(glossary.version, buildTermIndex(glossary.entries));
    const bytes = encodeCompiledGlossary(compiled);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    for (const copy of [bytes, shifted]) {
      const loaded = decodeCompiledGlossary(copy);
      expect(loaded.version).toBe(glossary.version);
      expect(loaded.automaton.termIds).toEqual(compiled.automaton.termIds);
      expect([...loaded.highlightByDefault]).toEqual([...compiled.highlightByDefault]);
      expect([...loaded.ambiguous]).toEqual([...compiled.ambiguous]);
      expect(Array.from(loaded.automaton.alphabet)).toEqual(Array.from(compiled.automaton.alphabet));
      const text = glossary.entries.map((e) => `${e.name.nl} — ${e.aliases.map((a) => a.text).join(', ')}.`).join(' ');
      expect(matcherFor(loaded).find(text)).toEqual(matcherFor(compiled).find(text));
      expect(matcherFor(loaded).find(text).length).toBeGreaterThan(100);
    }
  });

  it('carries the folding tables it was compiled with, and a frame uses them as they were', () => {
    const built = getFoldTables();
    const fold = built.fold.slice();
    const classes = built.classes.slice();
    decodeCompiledGlossary(encodeCompiledGlossary(compileGlossary('1', TERMS)));
    const used = getFoldTables();
    expect(used).not.toBe(built); // replaced by the ones from the bytes…
    expect(Buffer.from(used.fold.buffer).equals(Buffer.from(fold.buffer))).toBe(true); // …identical
    expect(Buffer.from(used.classes.buffer).equals(Buffer.from(classes.buffer))).toBe(true);
    useFoldTables(packFoldTables(used));
    expect(Buffer.from(getFoldTables().fold.buffer).equals(Buffer.from(fold.buffer))).toBe(true);
  });

  it('refuses bytes it cannot read, with an error that says why', () => {
    const bytes = encodeCompiledGlossary(compileGlossary('1', TERMS));
    const other = bytes.slice();
    new Int32Array(other.buffer, 4, 1)[0] = COMPILED_FORMAT_VERSION + 1;
    expect(() => decodeCompiledGlossary(other)).toThrow(
      `format ${COMPILED_FORMAT_VERSION + 1}, expected ${COMPILED_FORMAT_VERSION}`,
    );
    expect(() => decodeCompiledGlossary(bytes.subarray(0, bytes.length - 7))).toThrow(CompiledGlossaryError);
    expect(() => decodeCompiledGlossary(new TextEncoder().encode('{"entries": []}'))).toThrow(/not a compiled/);
    expect(() => decodeCompiledGlossary(new Uint8Array(3))).toThrow(/truncated/);
  });
});
