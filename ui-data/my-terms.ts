import type { MyTermInput } from '@/core/my-terms';
import type { ImportedEntry } from '@/core/imported-schema';
import { z } from '@/core/zod';
import { t } from '@/i18n/t';
import { glossariesChanged } from './glossaries';
import { pageDatabase } from './page-db';

/**
 * Adds (or replaces) a term of the reader's own, then tells the background, which recompiles only the
 * small set of the reader's terms (entrypoints/background/enabled-set.ts). A refused input throws
 * with what is wrong, in words the form can show.
 */
export async function addMyTerm(input: MyTermInput): Promise<ImportedEntry> {
  // Editing (with `id`): the entry keeps its id, so its note stays on it whatever the new name.
  const { db, repo } = await pageDatabase();
  try {
    const entry = await repo.saveMyTerm(db, input, { listTitle: t('myTermsTitle') });
    glossariesChanged();
    return entry;
  } catch (error) {
    if (error instanceof z.core.$ZodError) {
      throw new Error(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    throw error;
  }
}

/** Deletes one of the reader's terms; a note on it is kept (listed with the orphaned notes). */
export async function deleteMyTerm(id: string): Promise<void> {
  const { db, repo } = await pageDatabase();
  await repo.deleteMyTerm(db, id);
  glossariesChanged();
}
