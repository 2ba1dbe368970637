/**
 * The glossary page (glossary.html): entries by part with deep links (#term=ID), quote links into
 * the letter's reading view (#letter=BLOCK), a note editor per entry, and the notes tools (export,
 * import). Opened as an extension tab in both browsers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestBrowser, TestPage } from '../harness';

export interface ImportMessage {
  role: 'status' | 'alert';
  text: string;
}

export class GlossaryPage {
  private constructor(readonly page: TestPage) {}

  /** Opens glossary.html with an optional hash (e.g. '#term=etias') in `page` or a new tab. */
  static async open(browser: TestBrowser, hash = '', page?: TestPage): Promise<GlossaryPage> {
    const tab = page ?? (await browser.newPage());
    await tab.goto(browser.extensionUrl(`glossary.html${hash}`));
    const ui = new GlossaryPage(tab);
    await ui.ready();
    return ui;
  }

  /** The entries have rendered (and their note editors, which wait for the notes). */
  async ready(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.querySelectorAll('article.entry').length > 10 &&
        !!document.querySelector('article.entry textarea.note-text'),
      undefined,
      { timeout: 20_000 },
    );
  }

  /** Where an entry is and whether it has focus. */
  entryState(
    id: string,
  ): Promise<{ top: number; bottom: number; viewport: number; focused: boolean; scrollY: number } | null> {
    return this.page.evaluate((id) => {
      const el = document.getElementById(`entry-${id}`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: innerHeight, focused: document.activeElement === el, scrollY };
    }, id);
  }

  /** Types into an entry's note (real clicks and key presses), at the end of its text. */
  async typeNote(id: string, text: string): Promise<void> {
    const selector = `article#entry-${id} textarea.note-text`;
    await this.page.evaluate(
      (selector) => document.querySelector(selector)?.scrollIntoView({ block: 'center' }),
      selector,
    );
    await this.page.click(selector);
    await this.page.evaluate((selector) => {
      const area = document.querySelector<HTMLTextAreaElement>(selector);
      area?.setSelectionRange(area.value.length, area.value.length);
    }, selector);
    await this.page.type(text);
  }

  noteValue(id: string): Promise<string | null> {
    return this.page.evaluate(
      (id) => document.querySelector<HTMLTextAreaElement>(`article#entry-${id} textarea.note-text`)?.value ?? null,
      id,
    );
  }

  /** Waits for an entry's editor to show `expected` and "Saved". */
  async waitSaved(id: string, expected: string): Promise<void> {
    try {
      await this.page.waitForFunction(
        ({ id, expected }) =>
          document.querySelector<HTMLTextAreaElement>(`article#entry-${id} textarea.note-text`)?.value === expected &&
          document.querySelector(`article#entry-${id} span.note-state`)?.textContent?.trim() === 'Saved',
        { id, expected },
      );
    } catch (error) {
      throw new Error(
        `The glossary page's note of "${id}" did not settle on ${JSON.stringify(expected)} + "Saved"; it shows ` +
          JSON.stringify(await this.noteValue(id)),
        { cause: error },
      );
    }
  }

  /** The import message under the notes tools, if any. */
  importMessage(): Promise<ImportMessage | null> {
    return this.page.evaluate(() => {
      const p = document.querySelector('section.notes-tools p[role="status"], section.notes-tools p[role="alert"]');
      return p ? { role: p.getAttribute('role') as 'status' | 'alert', text: p.textContent ?? '' } : null;
    });
  }

  /**
   * Chooses a file with this content in "Import a JSON export:" (the file input, as a user's file
   * dialog would) and waits for a new message; returns it.
   */
  async importFile(fileName: string, content: string): Promise<ImportMessage> {
    const before = await this.importMessage();
    const dir = await mkdtemp(path.join(tmpdir(), 'benelux-e2e-import-'));
    const file = path.join(dir, fileName);
    try {
      await writeFile(file, content, 'utf8');
      const selector = 'section.notes-tools input[type="file"]';
      if (this.page.browserName === 'chromium') {
        await this.page.raw.setInputFiles(selector, file);
      } else {
        const input = await this.page.raw.$(selector);
        if (!input) throw new Error('No file input in the notes tools');
        await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
      }
      return await this.page.waitForFunction(
        (before) => {
          const p = document.querySelector('section.notes-tools p[role="status"], section.notes-tools p[role="alert"]');
          const input = document.querySelector<HTMLInputElement>('section.notes-tools input[type="file"]');
          if (!p || !input || input.value !== '') return false; // the page clears the input when it is done
          const now = { role: p.getAttribute('role') as 'status' | 'alert', text: p.textContent ?? '' };
          return before && now.role === before.role && now.text === before.text ? false : now;
        },
        before,
        { timeout: 15_000 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The href of the n-th "read in the letter" link of an entry's quotes. */
  quoteLink(id: string, n = 0): Promise<{ href: string; quote: string } | null> {
    return this.page.evaluate(
      ({ id, n }) => {
        const figure = document.querySelectorAll(`article#entry-${id} figure.entry-quote`)[n];
        const a = figure?.querySelector<HTMLAnchorElement>('a[href^="#letter="]');
        return a
          ? { href: a.getAttribute('href') ?? '', quote: figure?.querySelector('blockquote')?.textContent ?? '' }
          : null;
      },
      { id, n },
    );
  }

  /** Ids of the entries shown (not filtered out), in page order. */
  visibleEntryIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('main:not([hidden]) article.entry')].map((a) => a.id.replace(/^entry-/, '')),
    );
  }

  /** Clicks the filter checkbox whose label contains `label` (a real click). */
  async toggleFilter(label: string): Promise<void> {
    const found = await this.page.evaluate((label) => {
      const box = [...document.querySelectorAll('section.filters input[type="checkbox"]')].find((b) =>
        b.closest('label')?.textContent?.includes(label),
      );
      box?.setAttribute('data-e2e-target', '');
      return !!box;
    }, label);
    if (!found) throw new Error(`No filter labelled "${label}"`);
    try {
      await this.page.click('section.filters input[data-e2e-target]');
    } finally {
      await this.page.evaluate(() => document.querySelector('[data-e2e-target]')?.removeAttribute('data-e2e-target'));
    }
  }

  /** The reading view: is it shown, which block is marked "arrived", and where it is. */
  letterState(): Promise<{
    shown: boolean;
    arrived: { id: string; text: string; top: number; bottom: number }[];
    viewport: number;
  }> {
    return this.page.evaluate(() => {
      const letter = document.getElementById('letter');
      const shown = !!letter && letter.getClientRects().length > 0;
      const arrived = [...document.querySelectorAll('#letter .arrived')].map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.id, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), top: r.top, bottom: r.bottom };
      });
      return { shown, arrived, viewport: innerHeight };
    });
  }
}
