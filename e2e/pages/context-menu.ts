/**
 * The extension's context menu, driven through the menus API: the harness cannot click a native menu.
 *
 * - Chromium: the service worker's `chrome.contextMenus.onClicked.dispatch(info, tab)` runs the
 *   background's own listener (entrypoints/background/context-menu.ts) with what a real click gives
 *   it (the item's id, the selection, the frame; the tab). `contextMenus.update(id, {})` fails for an
 *   item that does not exist: that is how the items are checked.
 * - Firefox: the same `menus.update` check from an extension page. Its events cannot be fired from a
 *   script, so a click is what the background's handler does, done from an extension page: the
 *   message it sends to the frame (Explain, Add a note) or the page it opens (Add to my terms).
 */
import type { TestBrowser, TestPage } from '../harness';

export const MENU_ITEMS = [
  'explain-selection',
  'add-to-my-terms',
  'note-on-term',
  'open-pdf-link',
  'open-pdf',
] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** The part of `chrome.contextMenus` / `browser.menus` and `tabs` used here (the e2e code has no @types/chrome). */
interface Api {
  contextMenus?: MenusApi;
  menus?: MenusApi;
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    create(props: { url: string }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
}
interface MenusApi {
  update(id: string, props: object): Promise<void>;
  onClicked: { dispatch?: (info: object, tab: object) => void };
}

export class ContextMenu {
  constructor(
    readonly browser: TestBrowser,
    /** The page right-clicked in (brought back to the front after an extension page was used). */
    readonly page: TestPage,
  ) {}

  /** Per item, whether the background created it ('ok') or the browser's error. */
  async items(ids: readonly string[]): Promise<Record<string, string>> {
    return this.inExtension(async (ids) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      const menus = (api.menus ?? api.contextMenus)!;
      const out: Record<string, string> = {};
      for (const id of ids) {
        out[id] = await menus.update(id, {}).then(
          () => 'ok',
          (e: unknown) => String(e),
        );
      }
      return out;
    }, ids);
  }

  /** A real right-click at a point of the page (the frame remembers the term under it). */
  async rightClick(point: { x: number; y: number }): Promise<void> {
    await this.page.mouseMove(point.x, point.y);
    if (this.page.browserName === 'chromium') await this.page.raw.mouse.click(point.x, point.y, { button: 'right' });
    else await this.page.raw.mouse.click(point.x, point.y, { button: 'right' });
  }

  /** Chooses an item, as the reader would after a right-click in the page's top frame. */
  async choose(item: MenuItem, selectionText?: string): Promise<void> {
    const info = { menuItemId: item, frameId: 0, editable: false, ...(selectionText ? { selectionText } : {}) };
    await this.inExtension(
      async ({ info, chromium }) => {
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const api = (g.browser ?? g.chrome)!;
        // The tab is not known here (no `tabs` permission for its URL): every tab gets the click; only
        // the one right-clicked in has a selection or a term under the last right-click.
        const tabs = (await api.tabs.query({})).filter((t) => t.id !== undefined);
        if (chromium) {
          const onClicked = api.contextMenus!.onClicked;
          if (!onClicked.dispatch) throw new Error('chrome.contextMenus.onClicked.dispatch is gone');
          if (info.menuItemId === 'add-to-my-terms') onClicked.dispatch(info, tabs[0]!);
          else for (const tab of tabs) onClicked.dispatch(info, tab);
          return;
        }
        if (info.menuItemId === 'add-to-my-terms') {
          // As the background opens it for a selection that is not an abbreviation.
          const hash = new URLSearchParams({ glossaries: '', add: info.selectionText ?? '' });
          await api.tabs.create({ url: `${api.runtime.getURL('/glossary.html')}#${hash.toString()}` });
          return;
        }
        const type = info.menuItemId === 'explain-selection' ? 'explainSelection' : 'noteAtMenuPoint';
        await Promise.all(
          tabs.map((t) =>
            api.tabs.sendMessage(t.id!, { id: 1, type, data: {}, timestamp: Date.now() }).catch(() => undefined),
          ),
        );
      },
      { info, chromium: this.browser.name === 'chromium' },
    );
  }

  /**
   * Chromium: "Open in Benelux Glossary" chosen on the PDF at `address` shown in this page's tab
   * (`open-pdf`), or on a link to `address` in it (`open-pdf-link`). Only that tab, made the active
   * one, gets the click (the extension sees no tab's address without the `tabs` permission).
   */
  async openPdf(item: 'open-pdf' | 'open-pdf-link', address: string): Promise<void> {
    if (this.page.browserName !== 'chromium') throw new Error("Firefox's menu events cannot be fired from a script");
    await this.page.raw.bringToFront();
    const pageUrl = await this.page.evaluate(() => location.href);
    await this.inExtension(
      async ({ item, address, pageUrl }) => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        if (!tab) throw new Error('No active tab');
        const where = item === 'open-pdf' ? { pageUrl: address } : { linkUrl: address, pageUrl };
        api.contextMenus!.onClicked.dispatch!({ menuItemId: item, frameId: 0, editable: false, ...where }, tab);
      },
      { item, address, pageUrl },
    );
  }

  /** The extension page (`path`, e.g. '/glossary.html#') a menu item opened: its location and the add form's fields. */
  async openedForm(path: string, timeout = 15_000): Promise<{ url: string; name: string; abbreviation: string }> {
    const deadline = Date.now() + timeout;
    const wanted = this.browser.extensionUrl(path.replace(/^\//, ''));
    for (;;) {
      const pages = this.browser.name === 'chromium' ? this.browser.raw.pages() : await this.browser.raw.pages();
      for (const page of pages) {
        // Firefox: a tab the extension opened keeps `url()` at about:blank; its document knows (e2e/README.md).
        const found = await (page as { evaluate: (fn: () => unknown) => Promise<unknown> })
          .evaluate(() => {
            // No named inner functions: tsx would wrap them in a __name the page lacks (harness.ts).
            const form = document.querySelector<HTMLFormElement>('dialog.my-term-dialog[open] form');
            const [name, abbreviation] = ['name', 'abbreviation'].map(
              (n) => (form?.elements.namedItem(n) as HTMLInputElement | null)?.value ?? '',
            );
            return { url: location.href, name, abbreviation, open: !!form };
          })
          .catch(() => null);
        const f = found as { url: string; name: string; abbreviation: string; open: boolean } | null;
        if (f?.open && f.url.startsWith(wanted)) return { url: f.url, name: f.name, abbreviation: f.abbreviation };
      }
      if (Date.now() > deadline) throw new Error(`No ${path} with the add form open`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Runs `fn` in the service worker (Chromium), else in an extension page opened for it and closed after. */
  private async inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
    if (this.browser.name === 'chromium') {
      const worker =
        this.browser.raw.serviceWorkers().find((w) => w.url().startsWith(this.browser.extensionBaseUrl)) ??
        (await this.browser.raw.waitForEvent('serviceworker'));
      // Plain functions only: playwright sends the source as is (see harness.ts on __name).
      // The drivers' unboxing types do not follow a generic argument; ours are plain JSON.
      return worker.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
    }
    const extensionPage = await this.browser.openExtensionPage('popup.html');
    try {
      return await extensionPage.evaluate(fn, arg);
    } finally {
      await extensionPage.close().catch(() => undefined);
      await this.page.raw.bringToFront();
    }
  }
}
