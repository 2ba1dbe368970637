import type { GlossaryDatabase } from './database';

export async function markKnown(db: GlossaryDatabase, termId: string, known = true): Promise<void> {
  if (known) await db.known.put({ termId, markedAt: Date.now() });
  else await db.known.delete(termId);
}

export async function knownIds(db: GlossaryDatabase): Promise<string[]> {
  return db.known.toCollection().primaryKeys();
}
