import { compiledGlossary } from 'virtual:glossary-derived/compiled';
import glossaryJson from '@/data/glossary.json';
import type { Glossary } from '@/core/glossary-schema';
import { collectGarbage, openDatabase, seedGlossary } from '@/db';
import { contentScript } from '@/messaging/content';
import { extensionPages } from '@/messaging/extension-pages';
import { knownTermsStore } from '@/settings/page-glossary';
import { onCommand } from './commands';
import {
  createMenus,
  nameTermOnShown,
  onMenuClick,
  type MenusApi,
  type ShownMenuEvents,
  type ShownMenusApi,
} from './context-menu';
import { buildEnabledSet, type EnabledSet } from './enabled-set';
import { openInViewer, watchPdfNavigations } from './pdf-auto-open';
import { RemoteMatcher } from './remote-matcher';
import { registerHandlers } from './handlers';
import { publishPageGlossary } from './publish';
import { startSync } from './sync-wiring';

// data/glossary.json is validated by the build (wxt.config.ts) and by the unit tests, so the
// bundle can trust its shape without paying for a parse on every service-worker start.
const bundled = glossaryJson as Glossary;

/** Tab ids need no permission; tabs without our content script just don't answer. */
function toEveryTab(send: (tabId: number) => Promise<unknown>): void {
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) send(tab.id).catch(() => undefined);
  });
}

export default defineBackground(() => {
  const db = openDatabase();
  // The enabled glossaries' matcher: the build's for the letter alone (scripts/glossary-derived-plugin.ts),
  // else compiled here; one compile at a time, the latest wins.
  let enabledSet: Promise<EnabledSet> | null = null;
  const compileSet = () => {
    const previous = enabledSet ?? Promise.resolve(null);
    enabledSet = previous.catch(() => null).then(() => buildEnabledSet(db, bundled, compiledGlossary));
    return enabledSet;
  };
  const remote = new RemoteMatcher(() => enabledSet ?? compileSet());
  const publish = async () => {
    const set = await compileSet();
    remote.set(set);
    await publishPageGlossary(db, set.stored);
    // What a replaced or deleted glossary, a cancelled import or one that died left behind.
    collectGarbage(db).catch((error: unknown) => console.error('Cleaning up old glossary rows failed', error));
  };
  const notesChanged = (termId?: string) => {
    const data = termId ? { termId } : {};
    void extensionPages.notesChanged(data).catch(() => undefined);
    // Firefox does not deliver runtime broadcasts to our frames inside web pages: the content
    // scripts relay it to their tooltip.
    toEveryTab((tabId) => contentScript({ tabId }).relayNotesChanged(data));
  };
  const knownChanged = (known: string[]) => knownTermsStore.setValue(known);
  // Sync (opt-in) mirrors local changes a moment after they happen and merges other devices' items.
  const sync = startSync(db, { notesChanged, knownChanged, glossariesChanged: publish });
  // Listeners are registered synchronously so that a message can wake a stopped service worker.
  registerHandlers(db, bundled, {
    // Chrome MV3 has `action`; Firefox MV2 `browserAction`.
    badge: browser.action ?? browser.browserAction,
    // Extension pages (tooltip frames, popup) hear this; none may be open, which is fine.
    notesChanged: (termId) => {
      notesChanged(termId);
      sync.schedule();
    },
    // Every frame watches the mirror (settings/page-glossary.ts): no message to each tab.
    knownChanged: (known) => {
      sync.schedule();
      return knownChanged(known);
    },
    publish: () => {
      sync.schedule();
      return publish();
    },
    enabledVersion: async () => (await (enabledSet ?? compileSet())).version,
    matchTexts: (request) => remote.match(request),
    openPdf: openInViewer,
  });
  watchPdfNavigations();
  // Firefox's `menus` (with its own permission), Chrome's `contextMenus`.
  const menus = ((browser as unknown as { menus?: typeof browser.contextMenus }).menus ?? browser.contextMenus) as
    (typeof browser.contextMenus & MenusApi) | undefined;
  menus?.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  // Firefox says when the menu opens: "Add a note on «ETIAS»", or no item off a term.
  const shown = menus as (typeof menus & ShownMenusApi & Partial<ShownMenuEvents>) | undefined;
  if (shown?.onShown && shown.onHidden) {
    const naming = nameTermOnShown(shown);
    shown.onShown.addListener((info, tab) => void naming.onShown(info, tab));
    shown.onHidden.addListener(() => naming.onHidden());
  }
  browser.runtime.onInstalled.addListener(() => {
    if (menus) createMenus(menus).catch((error: unknown) => console.error('Adding the menu items failed', error));
    seedGlossary(db, bundled).catch((error: unknown) => console.error('Seeding the glossary failed', error));
  });
  // At every start, so an update or a cleared storage is repaired before a page has to ask.
  publish().catch((error: unknown) => console.error('Publishing the compiled glossary failed', error));
  browser.commands.onCommand.addListener((command) => void onCommand(command));
});
