import { looksLikeAbbreviation } from '@/core/abbreviation-definitions';
import { t } from '@/i18n/t';
import { contentScript } from '@/messaging/content';

/**
 * The context menu on a selection: "Explain «…»" (what the keyboard command does, for the frame the
 * selection is in) and "Add «…» to my terms" (the glossary page's form, filled in). The browser puts
 * the selection in the title (`%s`); highlights are not elements, so no item is tied to them.
 */
export const MENU_EXPLAIN = 'explain-selection';
export const MENU_ADD_TERM = 'add-to-my-terms';

/** The part of the menus API used here: Chrome's `contextMenus`, Firefox's `menus`. */
export interface MenusApi {
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void> | void;
}

export async function createMenus(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_EXPLAIN, title: t('menuExplain'), contexts: ['selection'] });
  menus.create({ id: MENU_ADD_TERM, title: t('menuAddTerm'), contexts: ['selection'] });
}

export interface MenuDeps {
  explain: (tabId: number, frameId: number) => Promise<unknown>;
  openPage: (url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
}

const defaults: MenuDeps = {
  explain: (tabId, frameId) => contentScript({ tabId, frameId }).explainSelection({}),
  openPage: (url) => browser.tabs.create({ url }),
  pageUrl: (path) => browser.runtime.getURL(path as '/glossary.html'),
};

/** The most of a selection taken for a new term's name. */
const NAME_MAX = 300;

/** What a click on one of our items does; false for an item not ours or nothing to do. */
export async function onMenuClick(
  info: { menuItemId: string | number; selectionText?: string; frameId?: number },
  tab: { id?: number } | undefined,
  deps: MenuDeps = defaults,
): Promise<boolean> {
  const selection = (info.selectionText ?? '').replace(/\s+/g, ' ').trim();
  if (info.menuItemId === MENU_EXPLAIN) {
    if (tab?.id === undefined) return false;
    try {
      await deps.explain(tab.id, info.frameId ?? 0);
      return true;
    } catch {
      return false; // no content script in that frame (a browser page): nothing to explain
    }
  }
  if (info.menuItemId === MENU_ADD_TERM && selection) {
    const field = looksLikeAbbreviation(selection) ? 'abbreviation' : 'add';
    const hash = new URLSearchParams({ glossaries: '', [field]: selection.slice(0, NAME_MAX) });
    await deps.openPage(`${deps.pageUrl('/glossary.html')}#${hash.toString()}`);
    return true;
  }
  return false;
}
