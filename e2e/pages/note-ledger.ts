/**
 * The "notes lost" figure: notes written before each fault and read back after it. Notes are
 * written as every note editor writes them (the background's `saveNote`, from an extension page)
 * and read from the extension's IndexedDB.
 */
import { sleep, type TestBrowser, type TestPage } from '../harness';
import { recordNotes } from '../reliability';
import { readNotes } from './tooltip-notes';

export class NoteLedger {
  private readonly notes = new Map<string, string>();

  constructor(private readonly browser: () => TestBrowser) {}

  /** Saves `text` as the note of `termId` through the background; throws if it is refused. */
  async write(termId: string, text: string): Promise<void> {
    await this.onExtensionPage(async (page) => {
      const current = (await readNotes(page)).find((n) => n.termId === termId);
      const answer = await page.evaluate(
        (data) => {
          const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
          // @webext-core/messaging's envelope, as the typed client sends it.
          const message = { id: Math.floor(Math.random() * 1e9), type: 'saveNote', data, timestamp: Date.now() };
          return (g.browser ?? g.chrome)!.runtime.sendMessage<typeof message, { res?: unknown; err?: unknown }>(
            message,
          );
        },
        { termId, text, baseRevision: current?.revision ?? 0, baseText: current?.text ?? '' },
      );
      if (!answer?.res) throw new Error(`saving the note of ${termId} failed: ${JSON.stringify(answer)}`);
    });
    this.notes.set(termId, text);
  }

  /** A note saved another way (typed in an editor) that must be kept from now on. */
  expect(termId: string, text: string): void {
    this.notes.set(termId, text);
  }

  /**
   * Reads every note written so far; records how many are missing or changed after `fault`. A note
   * being put back (after the database was deleted, the open page restores them one by one) has
   * `timeout` to arrive; a lost one never does.
   */
  async check(fault: string, timeout = 10_000): Promise<void> {
    const lost = await this.onExtensionPage(async (page) => {
      for (const deadline = Date.now() + timeout; ;) {
        const byTerm = new Map((await readNotes(page)).map((n) => [n.termId, n.text]));
        const missing = [...this.notes].filter(([termId, text]) => byTerm.get(termId) !== text).map(([id]) => id);
        if (missing.length === 0 || Date.now() > deadline) return missing;
        await sleep(200);
      }
    });
    recordNotes(this.browser().name, fault, this.notes.size, lost.length);
    if (lost.length) throw new Error(`notes lost after "${fault}": ${lost.join(', ')}`);
  }

  private async onExtensionPage<R>(run: (page: TestPage) => Promise<R>): Promise<R> {
    const page = await this.browser().openExtensionPage('popup.html');
    try {
      return await run(page);
    } finally {
      await page.close();
    }
  }
}
