import { blocks, quoteTargets } from 'virtual:glossary-derived/letter';
import type { GlossaryEntry } from '@/core/glossary-schema';
import type { LetterBlock } from '@/core/letter';

/** The letter rebuilt into blocks by the build (core/letter.ts), for the reading view. */
export const letterBlocks: readonly LetterBlock[] = blocks;

/** The reading-view block each of the entry's quotes is in (null: not found), located by the build. */
export function quoteTargetsOf(entry: GlossaryEntry): (string | null)[] {
  return quoteTargets[entry.id] ?? entry.quotes.map(() => null);
}
