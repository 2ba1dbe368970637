import type { StoredCompiledGlossary } from '@/core/compiled-glossary';
import { sameIds } from '@/core/ids';
import { knownIds, type GlossaryDatabase } from '@/db';
import { compiledGlossaryStore, knownTermsStore } from '@/settings/page-glossary';

/**
 * Puts what content scripts highlight with where they can read it without waking us
 * (settings/page-glossary.ts): the compiled glossary — compiled by the build for the bundled one — and
 * the known terms, mirrored from the database. Writes only what differs, so every frame's watcher
 * fires only on a real change. Cheap enough to run at every start.
 */
export async function publishPageGlossary(db: GlossaryDatabase, compiled: StoredCompiledGlossary): Promise<void> {
  const [stored, known, mirrored] = await Promise.all([
    compiledGlossaryStore.getValue(),
    knownIds(db),
    knownTermsStore.getValue(),
  ]);
  // Compared whole: a damaged value of the right version is replaced too.
  const same =
    stored?.base64 === compiled.base64 &&
    stored.version === compiled.version &&
    stored.format === compiled.format &&
    stored.route === compiled.route;
  if (!same) {
    await compiledGlossaryStore.setValue(compiled);
  }
  if (!mirrored || !sameIds(mirrored, known)) await knownTermsStore.setValue(known);
}
