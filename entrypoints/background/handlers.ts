import type { Glossary } from '@/core/glossary-schema';
import { parseNotesExport } from '@/core/notes-export';
import {
  allEntries,
  deleteNote,
  getNote,
  importNotes,
  restoreNote,
  saveNote,
  getEntry,
  getImportedEntry,
  knownIds,
  markKnown,
  seedGlossary,
  storedGlossaryVersion,
  type GlossaryDatabase,
} from '@/db';
import { backgroundReceiver, type BackgroundRequestName, type BackgroundResponses } from '@/messaging/background';
import type { Handler } from '@/messaging/receiver';

type Schemas = typeof backgroundReceiver.schemas;
export type Handlers = { [K in BackgroundRequestName]: Handler<Schemas, BackgroundResponses, K> };

/**
 * Every handler works from a cold start: an MV3 service worker may have been stopped at any moment,
 * so nothing is kept in globals; each handler makes sure the glossary is seeded (a single read when
 * it already is) and reads from the database.
 */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
}

export interface HandlerDeps {
  badge?: BadgeApi;
  /** Tells open views (tooltip frames) that a note changed. */
  notesChanged?: (termId?: string) => void;
  /** Tells every tab's content scripts which terms are marked known (their storage mirror). */
  knownChanged?: (known: string[]) => Promise<void>;
  /** Puts the compiled glossary and the known terms where content scripts read them (publish.ts). */
  publish?: () => Promise<void>;
  /** The enabled glossaries' version now (after publish): the bundled version when only the letter is on. */
  enabledVersion?: () => Promise<string>;
  /** Matches texts with the background's copy of the enabled glossaries (remote-matcher.ts). */
  matchTexts?: Handler<Schemas, BackgroundResponses, 'matchTexts'>;
  /** Shows the PDF at `url` in tab `tabId` in our viewer, if the reader asked for that (pdf-auto-open.ts). */
  openPdf?: (tabId: number, url: string) => Promise<boolean>;
}

export function createHandlers(db: GlossaryDatabase, bundled: Glossary, deps: HandlerDeps = {}): Handlers {
  const { badge, notesChanged = () => undefined, knownChanged = () => Promise.resolve() } = deps;
  const { publish = () => Promise.resolve() } = deps;
  const ready = () => seedGlossary(db, bundled);
  const knownTerm = async (termId: string) => {
    const exists = termId.includes(':') ? await getImportedEntry(db, termId) : await getEntry(db, termId);
    if (!exists) throw new Error(`Unknown term id "${termId}"`);
  };
  return {
    async ensureSeeded() {
      await ready();
      return { glossaryVersion: await storedGlossaryVersion(db), entries: await db.entries.count() };
    },
    async publishPageGlossary() {
      await ready();
      await publish();
      return { version: (await storedGlossaryVersion(db)) ?? bundled.version };
    },
    async getEntry({ id }) {
      await ready();
      return getEntry(db, id);
    },
    async reportPageTerms({ distinct, enabled }, sender) {
      if (sender.tabId !== undefined && sender.frameId === 0 && badge) {
        // "off" when the user switched us off here; else the number of distinct terms (none: no badge).
        const text = !enabled ? 'off' : distinct > 0 ? String(Math.min(distinct, 999)) : '';
        await badge.setBadgeBackgroundColor({ tabId: sender.tabId, color: enabled ? '#1f4e9c' : '#6e7781' });
        await badge.setBadgeText({ tabId: sender.tabId, text });
      }
      return { ok: true };
    },
    async openPdfInViewer(_request, sender) {
      // Only a tab's top frame shows a PDF the reader navigated to; only http(s) is fetched.
      const { tabId, frameId, url } = sender;
      if (tabId === undefined || frameId !== 0 || !url || !/^https?:/.test(url) || !deps.openPdf)
        return { opened: false };
      return { opened: await deps.openPdf(tabId, url) };
    },
    async getNote({ termId }) {
      return getNote(db, termId);
    },
    async saveNote(input) {
      await ready();
      await knownTerm(input.termId);
      const result = await saveNote(db, input);
      notesChanged(input.termId);
      return result;
    },
    async deleteNote({ termId }) {
      const deleted = await deleteNote(db, termId);
      notesChanged(termId);
      return { deleted };
    },
    async restoreNote({ note }) {
      const restored = await restoreNote(db, note);
      notesChanged(note.termId);
      return { note: restored };
    },
    async importNotes({ json }) {
      await ready();
      const ids = new Set((await allEntries(db)).map((e) => e.id));
      // Parsing throws NotesImportError naming every problem; then one transaction, all or nothing.
      const result = await importNotes(db, parseNotesExport(json, ids));
      notesChanged();
      return result;
    },
    async getImportedEntry({ id }) {
      const found = await getImportedEntry(db, id);
      // A switched-off glossary explains nothing, like a deleted one (a page scanned before may still ask).
      if (!found?.glossary.enabled) return null;
      return { glossary: { id: found.glossary.id, title: found.glossary.title }, entry: found.entry };
    },
    async glossariesChanged() {
      await ready();
      await publish();
      return { version: deps.enabledVersion ? await deps.enabledVersion() : bundled.version };
    },
    async matchTexts(request, sender) {
      if (!deps.matchTexts) return { stale: true };
      return deps.matchTexts(request, sender);
    },
    async setKnown({ termId, known }) {
      await ready();
      await knownTerm(termId);
      await markKnown(db, termId, known);
      const ids = await knownIds(db);
      await knownChanged(ids);
      return { known: ids };
    },
  };
}

/** Registers every handler; returns the remover. */
export function registerHandlers(db: GlossaryDatabase, bundled: Glossary, deps: HandlerDeps = {}): () => void {
  const handlers = createHandlers(db, bundled, deps);
  const removers = (Object.keys(handlers) as BackgroundRequestName[]).map((name) =>
    // Each name is paired with its own handler; TypeScript cannot follow the pairing through the map.
    backgroundReceiver.handle(name, handlers[name] as Handler<Schemas, BackgroundResponses, typeof name>),
  );
  return () => removers.forEach((remove) => remove());
}
