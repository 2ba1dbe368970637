import { looksLikeAbbreviation } from '@/core/abbreviation-definitions';
import { viewerAddress } from '@/core/pdf-open';
import { t } from '@/i18n/t';
import { contentScript } from '@/messaging/content';

/**
 * The context menu. On a selection: "Explain «…»" (what the keyboard command does, for the frame the
 * selection is in) and "Add «…» to my terms" (the glossary page's form, filled in); the browser puts the
 * selection in the title (`%s`). On a highlighted term: "Add a note on this term" — highlights are not
 * elements, so the item is offered on any page and the frame resolves the term from the last
 * right-click (page/features/menu-target.ts); Firefox, which says when the menu opens (`onShown`), names
 * the term in the item or hides it off a term; Chrome cannot, and keeps the fixed title. On a link
 * to a PDF: "Open in Benelux Glossary" (our viewer, in a new tab); on a PDF itself, where the browser
 * shows extension items over its PDF viewer, the same (in that tab). Both go by the address's `.pdf`.
 */
export const MENU_EXPLAIN = 'explain-selection';
export const MENU_ADD_TERM = 'add-to-my-terms';
export const MENU_NOTE = 'note-on-term';
export const MENU_OPEN_PDF_LINK = 'open-pdf-link';
export const MENU_OPEN_PDF = 'open-pdf';

/** Addresses of PDFs, as menus match them (path and query; the case of `.pdf` counts). */
export const PDF_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*'];

type Context = 'selection' | 'page' | 'link';

/** The part of the menus API used here: Chrome's `contextMenus`, Firefox's `menus`. */
export interface MenusApi {
  create(properties: {
    id: string;
    title: string;
    contexts: [Context, ...Context[]];
    targetUrlPatterns?: string[];
    documentUrlPatterns?: string[];
  }): unknown;
  removeAll(): Promise<void> | void;
}

/** Firefox's additions: the menu says when it opens, and an item can change while it is open. */
export interface ShownMenusApi {
  update(id: string, properties: { title?: string; visible?: boolean }): Promise<void> | void;
  refresh(): Promise<void> | void;
}

/** Firefox's `menus.onShown` / `onHidden` (Chrome has neither). */
export interface ShownMenuEvents {
  onShown: {
    addListener(cb: (info: { menuIds: (string | number)[]; frameId?: number }, tab?: { id?: number }) => void): void;
  };
  onHidden: { addListener(cb: () => void): void };
}

export async function createMenus(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_EXPLAIN, title: t('menuExplain'), contexts: ['selection'] });
  menus.create({ id: MENU_ADD_TERM, title: t('menuAddTerm'), contexts: ['selection'] });
  // A term in a link is a term too; on a Mac the right-click selects the word it is on.
  menus.create({ id: MENU_NOTE, title: t('menuNoteOnTerm'), contexts: ['page', 'link', 'selection'] });
  menus.create({
    id: MENU_OPEN_PDF_LINK,
    title: t('menuOpenPdf'),
    contexts: ['link'],
    targetUrlPatterns: PDF_PATTERNS,
  });
  menus.create({ id: MENU_OPEN_PDF, title: t('menuOpenPdf'), contexts: ['page'], documentUrlPatterns: PDF_PATTERNS });
}

/** The term at the last right-click of a frame, as it answers `termAtMenuPoint`. */
type TermAt = (tabId: number, frameId: number) => Promise<{ termId: string; text: string } | null>;

const termAtMenuPoint: TermAt = (tabId, frameId) => contentScript({ tabId, frameId }).termAtMenuPoint({});

/**
 * Firefox: names the right-clicked term in "Add a note on «…»", or hides the item off a term. The
 * frame is asked while the menu is open; an answer that comes after the menu closed (or after it
 * opened again) changes nothing.
 */
export function nameTermOnShown(menus: ShownMenusApi, termAt: TermAt = termAtMenuPoint) {
  let instance = 0;
  return {
    async onShown(info: { menuIds: (string | number)[]; frameId?: number }, tab?: { id?: number }): Promise<void> {
      const mine = ++instance;
      if (!info.menuIds.includes(MENU_NOTE) || tab?.id === undefined) return;
      const term = await termAt(tab.id, info.frameId ?? 0).catch(() => null);
      if (mine !== instance) return;
      // A `%` would read as a placeholder in a menu title.
      const title = term ? t('menuNoteOnNamed', term.text.replace(/%/g, '')) : t('menuNoteOnTerm');
      await menus.update(MENU_NOTE, { title, visible: term !== null });
      await menus.refresh();
    },
    onHidden(): void {
      instance++;
    },
  };
}

export interface MenuDeps {
  explain: (tabId: number, frameId: number) => Promise<unknown>;
  /** Opens the note editor of the term at the frame's last right-click; null when there is none. */
  note: (tabId: number, frameId: number) => Promise<{ opened: string | null }>;
  openPage: (url: string) => Promise<unknown>;
  /** Shows `url` in tab `tabId` instead of what it shows. */
  showInTab: (tabId: number, url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
}

const defaults: MenuDeps = {
  explain: (tabId, frameId) => contentScript({ tabId, frameId }).explainSelection({}),
  note: (tabId, frameId) => contentScript({ tabId, frameId }).noteAtMenuPoint({}),
  openPage: (url) => browser.tabs.create({ url }),
  showInTab: (tabId, url) => browser.tabs.update(tabId, { url }),
  pageUrl: (path) => browser.runtime.getURL(path as '/glossary.html'),
};

/** The most of a selection taken for a new term's name. */
const NAME_MAX = 300;

/** What a click on one of our items does; false for an item not ours or nothing to do. */
export async function onMenuClick(
  info: { menuItemId: string | number; selectionText?: string; frameId?: number; linkUrl?: string; pageUrl?: string },
  tab: { id?: number } | undefined,
  deps: MenuDeps = defaults,
): Promise<boolean> {
  const selection = (info.selectionText ?? '').replace(/\s+/g, ' ').trim();
  if (info.menuItemId === MENU_EXPLAIN || info.menuItemId === MENU_NOTE) {
    if (tab?.id === undefined) return false;
    const frameId = info.frameId ?? 0;
    try {
      if (info.menuItemId === MENU_EXPLAIN) await deps.explain(tab.id, frameId);
      else return (await deps.note(tab.id, frameId)).opened !== null;
      return true;
    } catch {
      return false; // no content script in that frame (a browser page): nothing to explain or note
    }
  }
  if (info.menuItemId === MENU_OPEN_PDF_LINK || info.menuItemId === MENU_OPEN_PDF) {
    const link = info.menuItemId === MENU_OPEN_PDF_LINK;
    const address = link ? info.linkUrl : info.pageUrl;
    // The viewer fetches only http(s); a file:// PDF is opened from the viewer's file picker.
    if (!address || !/^https?:/i.test(address)) return false;
    const viewer = viewerAddress(deps.pageUrl('/pdf.html'), address);
    if (link) await deps.openPage(viewer);
    else if (tab?.id !== undefined) await deps.showInTab(tab.id, viewer);
    else return false;
    return true;
  }
  if (info.menuItemId === MENU_ADD_TERM && selection) {
    const field = looksLikeAbbreviation(selection) ? 'abbreviation' : 'add';
    const hash = new URLSearchParams({ glossaries: '', [field]: selection.slice(0, NAME_MAX) });
    await deps.openPage(`${deps.pageUrl('/glossary.html')}#${hash.toString()}`);
    return true;
  }
  return false;
}
