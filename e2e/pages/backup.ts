/**
 * The glossary page's Backup section: "Save a backup…" (the file is read from the download in
 * Chromium), "Restore from a backup…" (a file chosen as a file dialog would), the summary shown
 * before anything is written, Restore / Cancel, and the message after.
 */
import { readFile } from 'node:fs/promises';
import type { TestPage } from '../harness';

const SECTION = 'section.backup-tools';

export interface BackupMessage {
  role: 'status' | 'alert';
  text: string;
}

export class BackupSection {
  constructor(readonly page: TestPage) {}

  /**
   * Clicks "Save a backup…" (ticking "include my imported glossaries" if asked) and returns the
   * downloaded file's text. Chromium only: playwright hands over the download.
   */
  async save(options: { includeGlossaries?: boolean } = {}): Promise<string> {
    const page = this.page;
    if (page.browserName !== 'chromium') throw new Error('Saving a backup is read from the download in Chromium only');
    if (options.includeGlossaries) await page.click(`${SECTION} input.backup-include`);
    const [download] = await Promise.all([
      page.raw.waitForEvent('download'),
      page.click(`${SECTION} button.backup-save`),
    ]);
    const file = await download.path();
    await this.waitForMessage(null);
    return readFile(file, 'utf8');
  }

  /** Chooses `file` in "Restore from a backup…"; returns the summary shown, or the error. */
  async choose(file: string): Promise<{ summary: string } | { alert: string }> {
    const selector = `${SECTION} input[type="file"]`;
    if (this.page.browserName === 'chromium') {
      await this.page.raw.setInputFiles(selector, file);
    } else {
      const input = await this.page.raw.$(selector);
      if (!input) throw new Error('No file input in the backup section');
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
    }
    return this.page.waitForFunction(
      (section) => {
        const alert = document.querySelector(`${section} [role="alert"]`);
        if (alert) return { alert: alert.textContent ?? '' };
        const summary = document.querySelector(`${section} .backup-summary`);
        return summary ? { summary: summary.textContent ?? '' } : false;
      },
      SECTION,
      { timeout: 30_000 },
    );
  }

  /** Clicks Restore under the summary and waits for the outcome. */
  async restore(): Promise<BackupMessage> {
    await this.page.click(`${SECTION} button.backup-confirm-restore`);
    return this.waitForMessage(null);
  }

  /** The message under the section, once there is one other than `before`. */
  waitForMessage(before: BackupMessage | null): Promise<BackupMessage> {
    return this.page.waitForFunction(
      ({ section, before }) => {
        const p = document.querySelector(`${section} p.backup-ok, ${section} p.backup-error`);
        if (!p) return false;
        const now = { role: p.getAttribute('role') as 'status' | 'alert', text: p.textContent ?? '' };
        return before && before.text === now.text ? false : now;
      },
      { section: SECTION, before },
      { timeout: 60_000 },
    );
  }
}
