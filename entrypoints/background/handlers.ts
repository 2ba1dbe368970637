import type { Glossary } from '@/core/glossary-schema';
import { buildTermIndex } from '@/core/term-index';
import {
  allEntries,
  entriesByPart,
  getEntry,
  knownIds,
  markKnown,
  seedGlossary,
  storedGlossaryVersion,
  type GlossaryDatabase,
} from '@/db';
import { handle, type BackgroundRequestName, type Request, type Responses } from '@/messaging/protocol';

export type Handlers = { [K in BackgroundRequestName]: (data: Request<K>) => Promise<Responses[K]> };

/**
 * Every handler works from a cold start: an MV3 service worker may have been stopped at any moment,
 * so nothing is kept in globals; each handler makes sure the glossary is seeded (a single read when
 * it already is) and reads from the database.
 */
export function createHandlers(db: GlossaryDatabase, bundled: Glossary): Handlers {
  const ready = () => seedGlossary(db, bundled);
  return {
    async ping() {
      await ready();
      return { pong: true, glossaryVersion: await storedGlossaryVersion(db), entries: await db.entries.count() };
    },
    async getTermIndex() {
      await ready();
      const version = (await storedGlossaryVersion(db)) ?? bundled.version;
      return { version, terms: buildTermIndex(await allEntries(db)), known: await knownIds(db) };
    },
    async getEntry({ id }) {
      await ready();
      return getEntry(db, id);
    },
    async getEntriesByPart() {
      await ready();
      return entriesByPart(db);
    },
    async setKnown({ termId, known }) {
      await ready();
      if (!(await getEntry(db, termId))) throw new Error(`Unknown term id "${termId}"`);
      await markKnown(db, termId, known);
      return { known: await knownIds(db) };
    },
  };
}

export function registerHandlers(db: GlossaryDatabase, bundled: Glossary): void {
  const handlers = createHandlers(db, bundled);
  for (const name of Object.keys(handlers) as BackgroundRequestName[]) {
    // Each name is paired with its own handler; TypeScript cannot follow the pairing through the loop.
    handle(name, handlers[name] as (data: Request<typeof name>) => Promise<Responses[typeof name]>);
  }
}
