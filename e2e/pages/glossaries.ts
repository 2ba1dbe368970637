/** The glossary page's Glossaries tab (glossary.html#glossaries): the list and the import dialog. */
import type { TestBrowser, TestPage } from '../harness';

export interface ImportOutcome {
  role: 'status' | 'alert';
  text: string;
  /** The progress bar's values seen while the import ran (percent). */
  progress: number[];
}

export class GlossariesPage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: TestBrowser, page: TestPage): Promise<GlossariesPage> {
    await page.goto(browser.extensionUrl('glossary.html#glossaries'));
    const screen = new GlossariesPage(page);
    await page.waitForFunction(() => document.querySelectorAll('li.glossary-item').length > 0 || false, undefined, {
      timeout: 15_000,
    });
    return screen;
  }

  /** The glossaries listed, in order, with whether each is on. */
  list(): Promise<{ title: string; enabled: boolean }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('li.glossary-item')].map((li) => ({
        title: li.querySelector('h3')?.textContent?.trim() ?? '',
        enabled: li.querySelector<HTMLInputElement>('input[role="switch"]')?.checked ?? false,
      })),
    );
  }

  /** Waits until the list reads `titles`, in this order. */
  async waitForList(titles: string[]): Promise<void> {
    await this.page.waitForFunction(
      (titles) => {
        const now = [...document.querySelectorAll('li.glossary-item h3')].map((h) => h.textContent?.trim() ?? '');
        return JSON.stringify(now) === JSON.stringify(titles);
      },
      titles,
      { timeout: 15_000 },
    );
  }

  /**
   * Opens the import dialog, chooses `file` in "Glossary file" (as a file dialog would), waits for
   * the preview, clicks "Import" and waits for the outcome; records the progress bar meanwhile.
   * A file refused at its preview ends there, with the dialog's alert.
   */
  async importFile(
    file: string,
    options: { timeout?: number; beforeImport?: () => Promise<void> } = {},
  ): Promise<ImportOutcome> {
    await this.clickButton('Import a glossary…');
    const selector = 'dialog.import-dialog input[type="file"]';
    await this.page.waitForFunction((s) => !!document.querySelector(s), selector);
    if (this.page.browserName === 'chromium') {
      await this.page.raw.setInputFiles(selector, file);
    } else {
      const input = await this.page.raw.$(selector);
      if (!input) throw new Error('No file input in the import dialog');
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
    }
    const ready = await this.page.waitForFunction(
      () => {
        const dialog = document.querySelector('dialog.import-dialog');
        const alert = dialog?.querySelector('[role="alert"]');
        if (alert) return { alert: alert.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
        const start = [...(dialog?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === 'Import' && !b.disabled,
        );
        return start ? { alert: null } : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    if (ready.alert !== null) return { role: 'alert', text: ready.alert, progress: [] };
    await options.beforeImport?.();
    await this.clickButton('Import', 'dialog.import-dialog');
    const progress: number[] = [];
    const deadline = Date.now() + (options.timeout ?? 120_000);
    for (;;) {
      const state = await this.page.evaluate(() => {
        const dialog = document.querySelector('dialog.import-dialog');
        const bar = dialog?.querySelector('progress');
        const done = dialog?.querySelector('p[role="status"].import-ok, [role="alert"]');
        return {
          value: bar ? Number(bar.value) : null,
          done: done ? { role: done.getAttribute('role'), text: done.textContent?.replace(/\s+/g, ' ').trim() } : null,
        };
      });
      if (state.value !== null && progress.at(-1) !== state.value) progress.push(state.value);
      if (state.done) return { role: state.done.role as 'status' | 'alert', text: state.done.text ?? '', progress };
      if (Date.now() > deadline) throw new Error(`The import did not end; progress seen: ${progress.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Closes the import dialog once it is done. */
  closeDialog(): Promise<void> {
    return this.clickButton('Close', 'dialog.import-dialog');
  }

  /** Switches a glossary on or off with its switch ("Use {title}"). */
  async setEnabled(title: string, enabled: boolean): Promise<void> {
    const changed = await this.page.evaluate(
      ({ title, enabled }) => {
        const box = document.querySelector<HTMLInputElement>(`input[role="switch"][aria-label="Use ${title}"]`);
        if (!box) throw new Error(`No switch for ${title}`);
        if (box.checked === enabled) return false;
        box.click();
        return true;
      },
      { title, enabled },
    );
    if (changed) {
      await this.page.waitForFunction(
        ({ title, enabled }) =>
          document.querySelector<HTMLInputElement>(`input[role="switch"][aria-label="Use ${title}"]`)?.checked ===
          enabled,
        { title, enabled },
      );
    }
  }

  /** Sets one of a glossary's precision rules ("Skip common words") with its checkbox in the row. */
  async setRule(title: string, rule: string, on: boolean): Promise<void> {
    await this.page.waitForFunction(
      ({ title, rule, on }) => {
        const row = [...document.querySelectorAll('li.glossary-item')].find(
          (li) => li.querySelector('h3')?.textContent?.trim() === title,
        );
        const label = [...(row?.querySelectorAll('.glossary-rules label') ?? [])].find((l) =>
          l.textContent?.startsWith(rule),
        );
        const box = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (!box) return false;
        if (box.checked !== on) box.click();
        return true;
      },
      { title, rule, on },
    );
  }

  /** Deletes a glossary: "Delete {title}", then "Yes, delete". */
  async delete(title: string): Promise<void> {
    await this.page.evaluate((title) => {
      const button = document.querySelector<HTMLButtonElement>(`button[aria-label="Delete ${title}"]`);
      if (!button) throw new Error(`No delete button for ${title}`);
      button.click();
    }, title);
    await this.clickButton('Yes, delete');
  }

  /** The notes listed under "Notes on deleted glossaries", as text. */
  orphanedNotes(): Promise<string> {
    return this.page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2, h3')].find(
        (h) => h.textContent?.trim() === 'Notes on deleted glossaries',
      );
      return heading?.closest('section')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    });
  }

  /**
   * Edits one of the reader's terms on its entry (`#term=my-terms:<id>`): "Edit", the form filled in
   * with it (returned, as it was shown), the fields in `changes` typed over, "Save changes".
   */
  async editMyTerm(
    browser: TestBrowser,
    key: string,
    changes: { definition?: string },
  ): Promise<{ name: string; abbreviation: string; definition: string }> {
    await this.page.goto(browser.extensionUrl(`glossary.html#term=${encodeURIComponent(key)}`));
    await this.clickButton('Edit', '.my-term-actions');
    await this.page.waitForFunction(
      () => !!document.querySelector('.my-term-actions dialog.my-term-dialog[open] input[name="name"]'),
      undefined,
      { timeout: 15_000 },
    );
    const shown = await this.page.evaluate((changes) => {
      const form = document.querySelector<HTMLFormElement>('.my-term-actions dialog[open] form')!;
      const [name, abbreviation, definition] = ['name', 'abbreviation', 'definition'].map(
        (n) => (form.elements.namedItem(n) as HTMLInputElement).value,
      );
      if (changes.definition !== undefined) {
        const field = form.elements.namedItem('definition') as HTMLTextAreaElement;
        field.value = changes.definition;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return { name: name!, abbreviation: abbreviation!, definition: definition! };
    }, changes);
    await this.clickButton('Save changes', '.my-term-actions dialog');
    return shown;
  }

  /** The version of the enabled glossaries the background last published to every frame (storage.local). */
  publishedVersion(): Promise<string | null> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
      const { compiledGlossary } = await (g.browser ?? g.chrome)!.storage.local.get('compiledGlossary');
      return (compiledGlossary as { version?: string } | undefined)?.version ?? null;
    });
  }

  /** Waits until the background has published another version than `version` (after a change). */
  async waitForPublished(version: string | null): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await this.publishedVersion()) === version) {
      if (Date.now() > deadline) throw new Error(`The background did not publish a version after ${version}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Deletes one of the reader's terms from its entry: "Delete", then "Delete the term"; waits for the status. */
  async deleteMyTerm(browser: TestBrowser, key: string): Promise<void> {
    await this.page.goto(browser.extensionUrl(`glossary.html#term=${encodeURIComponent(key)}`));
    await this.clickButton('Delete', '.my-term-actions');
    await this.clickButton('Delete the term', '.my-term-actions');
    await this.page.waitForFunction(
      () => document.querySelector('.my-term-deleted')?.textContent?.includes('deleted from your terms') ?? false,
      undefined,
      { timeout: 15_000 },
    );
  }

  /** Clicks the first enabled button whose text is `text` (within `scope`), waiting for it. */
  async addMyTerm(term: { name: string; abbreviation?: string; definition?: string; lang: string }): Promise<void> {
    await this.clickButton('Add a term…');
    await this.page.waitForFunction(
      () => !!document.querySelector('dialog.my-term-dialog[open] input[name="name"]'),
      undefined,
      {
        timeout: 15_000,
      },
    );
    await this.page.evaluate((term) => {
      const form = document.querySelector<HTMLFormElement>('dialog.my-term-dialog form')!;
      const set = (name: string, value: string) => {
        const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
        field.value = value;
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        field.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set('name', term.name);
      set('abbreviation', term.abbreviation ?? '');
      set('definition', term.definition ?? '');
      set('lang', term.lang);
    }, term);
    await this.clickButton('Add the term', 'dialog.my-term-dialog');
    await this.page.waitForFunction(
      (name) => document.querySelector('.my-term-added')?.textContent?.includes(name) ?? false,
      term.name,
      { timeout: 15_000 },
    );
  }

  private async clickButton(text: string, scope = 'body'): Promise<void> {
    await this.page.waitForFunction(
      ({ text, scope }) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find(
          (b) => b.textContent?.trim() === text && !b.disabled,
        );
        if (!button) return false;
        button.click();
        return true;
      },
      { text, scope },
      { timeout: 15_000 },
    );
  }
}
