/**
 * The popup (popup.html) as a user works it: search, the result list, the term detail with its
 * note editor, and the switches. Opened as a tab; `openFor` makes a web page the active tab first,
 * so that the popup's "On this page" and "On for HOST" are about that page.
 */
import { sleep, type TestBrowser, type TestPage } from '../harness';
import { bringToFront } from './tooltip-notes';

/**
 * A row of "On this page" (with its count), not the same term's row among the recent ones, which the
 * popup shows until the page's content script has answered.
 */
export const onThisPage = (row: ResultRow): boolean => row.badge?.endsWith('×') ?? false;

export interface ResultRow {
  id: string;
  name: string;
  /** The texts inside <mark> in this row (the matched characters). */
  marked: string[];
  badge: string | null;
  selected: boolean;
}

/** What the popup handed the clipboard or the browser's downloads (recorded by `recordExports`). */
export interface RecordedExport {
  kind: 'clipboard' | 'download';
  text: string;
  /** A download's file name and type, and whether its link was in the document when clicked. */
  name?: string;
  type?: string;
  linkInDocument?: boolean;
}

export class PopupUi {
  private constructor(readonly page: TestPage) {}

  /** The popup in a new tab (its "active tab" is then the popup itself). */
  static async open(browser: TestBrowser, page?: TestPage): Promise<PopupUi> {
    const tab = page ?? (await browser.newPage());
    await tab.goto(browser.extensionUrl('popup.html'));
    const ui = new PopupUi(tab);
    await ui.ready();
    return ui;
  }

  /**
   * The popup about `webPage`: opens the popup in a tab, then brings `webPage` to the front and
   * loads the popup again, so its `tabs.query({ active: true, currentWindow: true })` finds the
   * web page (a real popup would sit over that tab).
   */
  static async openFor(browser: TestBrowser, webPage: TestPage, page?: TestPage): Promise<PopupUi> {
    const tab = page ?? (await browser.newPage());
    await bringToFront(webPage);
    await tab.goto(browser.extensionUrl('popup.html'));
    const ui = new PopupUi(tab);
    await ui.ready();
    return ui;
  }

  /** Loaded: the search box is there and the glossary has been read (the list or "nothing yet" shows). */
  async ready(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        !!document.querySelector('input.search') &&
        (!!document.querySelector('li.result') || !!document.querySelector('main.popup p.no-results')),
      undefined,
      { timeout: 20_000 },
    );
  }

  /** Types a query into the search box (real key presses) and waits until the list answers it. */
  async search(query: string): Promise<ResultRow[]> {
    await this.page.click('input.search');
    await this.page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input.search');
      input?.select();
    });
    await this.page.type(query);
    return this.waitForResults(query);
  }

  /** Waits until the search box holds `query` and the list has been the same for two polls. */
  async waitForResults(query: string): Promise<ResultRow[]> {
    let last = '';
    let stable = 0;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await this.page.evaluate(() => ({
        value: document.querySelector<HTMLInputElement>('input.search')?.value ?? null,
        ids: [...document.querySelectorAll('li.result')].map((li) => li.getAttribute('data-term-id')).join(','),
        none: !!document.querySelector('main.popup p.no-results'),
      }));
      const key = `${state.value}|${state.ids}|${state.none}`;
      if (state.value === query && (state.ids || state.none)) {
        stable = key === last ? stable + 1 : 0;
        if (stable >= 2) return this.results();
      }
      last = key;
      if (Date.now() > deadline) throw new Error(`The popup did not answer the query ${JSON.stringify(query)}: ${key}`);
      await sleep(100);
    }
  }

  results(): Promise<ResultRow[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('ul[role="listbox"] li.result[role="option"]')].map((li) => ({
        id: li.getAttribute('data-term-id') ?? '',
        name: li.querySelector('.result-name')?.textContent?.trim() ?? '',
        marked: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        badge: li.querySelector('.result-badge')?.textContent?.trim() ?? null,
        selected: li.getAttribute('aria-selected') === 'true',
      })),
    );
  }

  /** The list's heading ("On this page" / "Recently viewed"), or null. */
  listHeading(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('h2.list-heading')?.textContent?.trim() ?? null);
  }

  /** Waits for a row with this term id (e.g. in "On this page"). */
  async waitForRow(id: string, timeout = 15_000, accept: (row: ResultRow) => boolean = () => true): Promise<ResultRow> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const row = (await this.results()).find((r) => r.id === id);
      if (row && accept(row)) return row;
      if (Date.now() > deadline) {
        throw new Error(`No result row for "${id}"; rows: ${JSON.stringify(await this.results())}`);
      }
      await sleep(150);
    }
  }

  /** The option aria-activedescendant points at. */
  activeOptionId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const id = document.querySelector('input.search')?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.getAttribute('data-term-id') ?? null) : null;
    });
  }

  /** Enter in the search box: opens the active result's detail; returns the detail's heading. */
  async pressEnter(): Promise<string> {
    await this.page.press('Enter');
    return this.detailName();
  }

  /** Clicks the row of a term (a real click). */
  async clickRow(id: string): Promise<string> {
    await this.page.click(`li.result[data-term-id="${id}"]`);
    return this.detailName();
  }

  /** The open detail's name (h1#detail-name), waiting for it. */
  detailName(): Promise<string> {
    return this.page.waitForFunction(
      () => document.querySelector('article.detail h1#detail-name')?.textContent?.trim() || false,
      undefined,
      { timeout: 15_000 },
    );
  }

  /** Opens a term's detail by searching it and pressing Enter; checks the detail is that term. */
  async openTerm(query: string, id: string): Promise<void> {
    const rows = await this.search(query);
    if (rows[0]?.id !== id)
      throw new Error(`"${query}" did not give "${id}" first: ${JSON.stringify(rows.slice(0, 3))}`);
    await this.pressEnter();
    await this.page.waitForFunction(() => !!document.querySelector('article.detail textarea.note-text'), undefined, {
      timeout: 15_000,
    });
  }

  noteValue(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value ?? null);
  }

  noteState(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('span.note-state')?.textContent?.trim() ?? '');
  }

  /** Clicks into the note, moves to its end and types (real key presses). */
  async typeNote(text: string): Promise<void> {
    await this.page.click('textarea.note-text');
    await this.page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('textarea.note-text');
      area?.setSelectionRange(area.value.length, area.value.length);
    });
    await this.page.type(text);
  }

  /** Waits until the note editor shows `expected` and says "Saved". */
  async waitSaved(expected: string, timeout = 15_000): Promise<void> {
    try {
      await this.page.waitForFunction(
        (expected) =>
          document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === expected &&
          document.querySelector('span.note-state')?.textContent?.trim() === 'Saved',
        expected,
        { timeout },
      );
    } catch (error) {
      throw new Error(
        `The popup's note did not settle on ${JSON.stringify(expected)} + "Saved"; it shows ` +
          `${JSON.stringify(await this.noteValue())} / ${JSON.stringify(await this.noteState())}`,
        { cause: error },
      );
    }
  }

  /** The checkbox whose label contains `label`: its state. */
  checkbox(label: string): Promise<{ checked: boolean; disabled: boolean } | null> {
    return this.page.evaluate((label) => {
      const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.includes(label));
      const box = l?.querySelector<HTMLInputElement>('input[type="checkbox"]');
      return box ? { checked: box.checked, disabled: box.disabled } : null;
    }, label);
  }

  /** Clicks the checkbox whose label contains `label` (a real click on the box). */
  async toggle(label: string): Promise<void> {
    // The boxes have no ids or names: mark the one to click, click it for real, unmark it.
    const found = await this.page.evaluate((label) => {
      const box = [...document.querySelectorAll('input[type="checkbox"]')].find((b) =>
        b.closest('label')?.textContent?.includes(label),
      );
      box?.setAttribute('data-e2e-target', '');
      return !!box;
    }, label);
    if (!found) throw new Error(`No checkbox labelled "${label}" in the popup`);
    try {
      await this.page.click('input[type="checkbox"][data-e2e-target]');
    } finally {
      await this.page.evaluate(() => document.querySelector('[data-e2e-target]')?.removeAttribute('data-e2e-target'));
    }
  }

  /** The labels of the buttons that export the page's digest; null when the popup shows none. */
  digestButtons(): Promise<string[] | null> {
    return this.page.evaluate(() => {
      const group = document.querySelector('.page-digest[role="group"]');
      return group ? [...group.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '') : null;
    });
  }

  /** Waits for the digest's buttons (they come once every term and note of the list is read). */
  async waitForDigest(): Promise<string[]> {
    try {
      return await this.page.waitForFunction(
        () => {
          const group = document.querySelector('.page-digest[role="group"]');
          return group ? [...group.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '') : false;
        },
        undefined,
        { timeout: 15_000 },
      );
    } catch (error) {
      throw new Error(`The popup shows no digest buttons; rows: ${JSON.stringify(await this.results())}`, {
        cause: error,
      });
    }
  }

  /**
   * From now on, records what the popup writes to the clipboard (after the clipboard accepted it) and
   * the files it hands the browser (the Blob behind a download link), instead of saving them to disk.
   */
  async recordExports(): Promise<void> {
    await this.page.evaluate(() => {
      type Rec = {
        kind: 'clipboard' | 'download';
        text?: string;
        blob?: Blob;
        name?: string;
        linkInDocument?: boolean;
      };
      const w = window as unknown as { e2eExports: Rec[] };
      w.e2eExports = [];
      const blobs = new Map<string, Blob>();
      const createObjectURL = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        const url = createObjectURL(object);
        if (object instanceof Blob) blobs.set(url, object);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.e2eExports.push({
          kind: 'download',
          blob: blobs.get(this.href),
          name: this.download,
          linkInDocument: this.isConnected,
        });
      };
      const writeText = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = async (text: string) => {
        await writeText(text);
        w.e2eExports.push({ kind: 'clipboard', text });
      };
    });
  }

  /** What was recorded since `recordExports`, downloads read back from their Blob. */
  exports(): Promise<RecordedExport[]> {
    return this.page.evaluate(async () => {
      type Rec = {
        kind: 'clipboard' | 'download';
        text?: string;
        blob?: Blob;
        name?: string;
        linkInDocument?: boolean;
      };
      const recorded = (window as unknown as { e2eExports?: Rec[] }).e2eExports ?? [];
      return Promise.all(
        recorded.map(async (r) =>
          r.kind === 'clipboard'
            ? { kind: r.kind, text: r.text ?? '' }
            : {
                kind: r.kind,
                // The bytes as saved: a byte-order mark stays in the text.
                text: r.blob ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.blob.arrayBuffer()) : '',
                name: r.name,
                type: r.blob?.type,
                linkInDocument: r.linkInDocument,
              },
        ),
      );
    });
  }

  /** Waits until `count` exports were recorded; returns the last. */
  async waitForExport(count: number): Promise<RecordedExport> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const all = await this.exports();
      if (all.length >= count) return all[count - 1]!;
      if (Date.now() > deadline) {
        const status = await this.digestStatus();
        throw new Error(
          `Export ${count} never came (recorded ${all.length}); the popup says ${JSON.stringify(status)}`,
        );
      }
      await sleep(100);
    }
  }

  /** The digest's status line ("Copied"), '' when empty. */
  digestStatus(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('.page-digest [role="status"]')?.textContent?.trim() ?? '');
  }

  /** Clicks a digest button by its label (a real click). */
  async clickDigest(label: string): Promise<void> {
    const index = (await this.digestButtons())?.indexOf(label) ?? -1;
    if (index < 0) throw new Error(`No digest button "${label}": ${JSON.stringify(await this.digestButtons())}`);
    await this.page.click(`.page-digest button:nth-of-type(${index + 1})`);
  }
}
