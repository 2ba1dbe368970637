import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  compileGlossary,
  encodeCompiledGlossary,
  loadCompiledGlossary,
  storeCompiledGlossary,
} from '@/core/compiled-glossary';
import { buildTermIndex } from '@/core/term-index';
import { matcherFor } from '@/core/term-matcher';
import { openDatabase } from '@/db';
import { compiledGlossaryStore, knownTermsStore } from '@/settings/page-glossary';
import { sampleGlossary } from '@/test/sample-glossary';
import { createHandlers } from './handlers';
import { publishPageGlossary } from './publish';

let n = 0;
const glossary = sampleGlossary('2.0.0', ['etias', 'nsec']);
const compiled = (version = glossary.version) =>
  storeCompiledGlossary(encodeCompiledGlossary(compileGlossary(version, buildTermIndex(glossary.entries))), version);

/** What a content script does with what it reads from storage. */
async function pageMatches(text: string): Promise<string[]> {
  const stored = await compiledGlossaryStore.getValue();
  const known = await knownTermsStore.getValue();
  const loaded = stored && loadCompiledGlossary(stored);
  if (!loaded || !known) return ['(nothing published)'];
  return matcherFor(loaded, { disabledIds: new Set(known) })
    .find(text)
    .map((m) => m.termId);
}

describe('publishing what content scripts highlight with', () => {
  beforeEach(() => fakeBrowser.reset());

  it('puts the compiled glossary and the known terms in storage, and a page matches with them', async () => {
    const db = openDatabase(`publish-test-${n++}`);
    expect(await pageMatches('ETIAS en NSEC')).toEqual(['(nothing published)']);
    await publishPageGlossary(db, compiled());
    expect(await pageMatches('ETIAS en NSEC')).toEqual(['etias', 'nsec']);

    // "I know this term" reaches the mirror, and the page stops matching it without a recompile.
    const handlers = createHandlers(db, glossary, { knownChanged: (known) => knownTermsStore.setValue(known) });
    await handlers.setKnown({ termId: 'nsec', known: true }, {});
    expect(await pageMatches('ETIAS en NSEC')).toEqual(['etias']);
  });

  it('writes only what changed, so open pages are not woken for nothing', async () => {
    const db = openDatabase(`publish-test-${n++}`);
    await publishPageGlossary(db, compiled());
    const changes: string[] = [];
    const stop = [
      compiledGlossaryStore.watch(() => changes.push('compiled')),
      knownTermsStore.watch(() => changes.push('known')),
    ];
    await publishPageGlossary(db, compiled());
    expect(changes).toEqual([]);
    await publishPageGlossary(db, compiled('2.0.1'));
    expect(changes).toEqual(['compiled']);
    stop.forEach((s) => s());
  });

  it('replaces a stored value of another format or a broken one', async () => {
    const db = openDatabase(`publish-test-${n++}`);
    await fakeBrowser.storage.local.set({ compiledGlossary: { ...compiled(), format: 0 }, knownTerms: 'etias' });
    expect(await knownTermsStore.getValue()).toBeNull();
    await publishPageGlossary(db, compiled());
    expect(await pageMatches('ETIAS')).toEqual(['etias']);
  });
});
