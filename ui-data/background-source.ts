import type { GlossaryEntry } from '@/core/glossary-schema';
import type { Note } from '@/core/notes';
import { background } from '@/messaging/background';
import { extensionPagesReceiver } from '@/messaging/extension-pages';
import { compiledGlossaryStore } from '@/settings/page-glossary';
import { backgroundWrites, type BackgroundClient } from './background-writes';
import type { DataSource, ImportedLookup } from './source';

/** Subscribes to the background's publishing of the enabled glossaries (settings/page-glossary.ts). */
export type GlossaryBroadcast = (onChange: () => void) => unknown;

/** Subscribes to the background's "a note changed" broadcast; returns the remover. */
export type NotesBroadcast = (onChange: (termId?: string) => void) => () => void;

const runtimeBroadcast: NotesBroadcast = (onChange) =>
  extensionPagesReceiver.handle('notesChanged', (data) => {
    onChange(data.termId);
    return Promise.resolve({ ok: true as const });
  });

/**
 * The tooltip frame's source. Framed in a web page, the frame is a third-party context where
 * Chromium denies IndexedDB, so it asks the background: one entry at a time, as terms are shown
 * (kept for the frame's life), and the shown term's note, asked again when a note changes. That
 * news comes as the background's broadcast (Chromium) or relayed by the frame's host through
 * `notesChanged` (Firefox does not deliver runtime broadcasts to extension frames in web pages).
 * No whole collections: the frame must never load every entry.
 */
export function createBackgroundSource(
  client: BackgroundClient = background,
  broadcast: NotesBroadcast = runtimeBroadcast,
  glossaryPublished: GlossaryBroadcast = (onChange) => compiledGlossaryStore.watch(onChange),
): DataSource {
  const entries = new Map<string, Promise<GlossaryEntry | null>>();
  const imported = new Map<string, Promise<ImportedLookup | null>>();
  // An imported entry changes with its glossary (a reader's term edited, a glossary imported again):
  // the background publishes a new compiled set, and what this frame kept is asked again.
  let watchingGlossary = false;
  const watchers = new Set<{ termId: string; reload: () => void }>();
  let listening = false;

  const notesChanged = (termId?: string) => {
    for (const w of watchers) if (!termId || termId === w.termId) w.reload();
  };

  return {
    entry(id) {
      let entry = entries.get(id);
      if (!entry) {
        entry = client.getEntry({ id }).catch(() => null);
        entries.set(id, entry);
      }
      return entry;
    },
    importedEntry(key) {
      if (!watchingGlossary) {
        watchingGlossary = true;
        glossaryPublished(() => imported.clear());
      }
      let found = imported.get(key);
      if (!found) {
        // Kept while found; a missing one is asked again next time (its glossary may come back).
        found = client.getImportedEntry({ id: key }).then(
          (answer) => {
            if (!answer) imported.delete(key);
            return answer;
          },
          () => {
            imported.delete(key);
            return null;
          },
        );
        imported.set(key, found);
      }
      return found;
    },
    watchNote(termId, onChange) {
      // The runtime allows one listener per message in a page: one for every watcher, for good.
      if (!listening) {
        listening = true;
        broadcast(notesChanged);
      }
      let asked = 0;
      let live = true;
      const reload = () => {
        const ask = ++asked;
        // Only the latest answer counts: an earlier one may arrive after it.
        void client.getNote({ termId }).then(
          (note: Note | null) => live && ask === asked && onChange(note),
          () => undefined,
        );
      };
      const watcher = { termId, reload };
      watchers.add(watcher);
      reload();
      return () => {
        live = false;
        watchers.delete(watcher);
      };
    },
    notesChanged,
    ...backgroundWrites(client),
  };
}
