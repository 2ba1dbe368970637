/**
 * Sync through the browser's account storage, in both browsers: a note written in profile A appears in
 * profile B once A's sync items are loaded into B's sync storage (what the browser's own sync does
 * between two signed-in browsers; without an account both browsers keep `storage.sync` locally); so does
 * a term A added to its own terms.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSERS, TEST_TIMEOUT, useBrowser, withPage, type TestPage } from './harness';
import { GlossariesPage } from './pages/glossaries';
import { GlossaryPage } from './pages/glossary';

type Items = Record<string, unknown>;

async function switchSyncOn(page: TestPage): Promise<void> {
  await page.evaluate(() => document.querySelector('section.sync')?.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>('section.sync input[role="switch"]');
    return !!input && !input.disabled;
  });
  await page.click('section.sync input[role="switch"]');
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('section.sync input[role="switch"]')?.checked === true,
  );
}

/** This profile's sync items, once its manifest was written after `since`. */
async function syncItemsAfter(page: TestPage, since: number): Promise<Items> {
  return page.waitForFunction(
    async (since) => {
      type Area = { get(keys: string | null): Promise<Items> };
      type Api = { storage: { local: Area; sync: Area } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const storage = (g.browser ?? g.chrome)!.storage;
      const { syncDevice } = (await storage.local.get('syncDevice')) as { syncDevice?: string };
      const items = await storage.sync.get(null);
      const manifest = syncDevice ? (items[`gs.${syncDevice}`] as { at?: number } | undefined) : undefined;
      return manifest && (manifest.at ?? 0) >= since ? items : null;
    },
    since,
    { timeout: 20_000 },
  );
}

for (const name of BROWSERS) {
  void describe(`${name}: sync`, () => {
    const profileA = useBrowser(name);
    const profileB = useBrowser(name);

    void it(
      "a note and an own term written in profile A appear in profile B after A's sync items are loaded into B's",
      { timeout: TEST_TIMEOUT },
      async () => {
        const text = 'Synced from profile A.';
        let items: Items = {};
        await withPage(profileA(), 'sync-a', async (page) => {
          const mine = await GlossariesPage.open(profileA(), page);
          await mine.addMyTerm({ name: 'North Sea Wind Alliance', abbreviation: 'NSWA', lang: 'en' });
          const glossary = await GlossaryPage.open(profileA(), '', page);
          await switchSyncOn(page);
          await glossary.typeNote('etias', text);
          await glossary.waitSaved('etias', text);
          const savedAt = await page.evaluate(() => Date.now());
          items = await syncItemsAfter(page, savedAt);
        });
        assert.ok(
          Object.keys(items).some((key) => key.startsWith('gs.')),
          `A wrote no sync items: ${Object.keys(items).join(', ')}`,
        );
        // Nothing readable as text: the document is compressed, the note is not in the clear.
        assert.ok(!JSON.stringify(items).includes(text));

        await withPage(profileB(), 'sync-b', async (page) => {
          const glossary = await GlossaryPage.open(profileB(), '', page);
          assert.equal(await glossary.noteValue('etias'), '');
          await switchSyncOn(page);
          await page.evaluate(async (items) => {
            type Api = { storage: { sync: { set(items: Items): Promise<void> } } };
            const g = globalThis as unknown as { browser?: Api; chrome?: Api };
            await (g.browser ?? g.chrome)!.storage.sync.set(items);
          }, items);
          await page.waitForFunction(
            (text) => {
              const area = document.querySelector<HTMLTextAreaElement>('article#entry-etias textarea.note-text');
              return area?.value === text;
            },
            text,
            { timeout: 20_000 },
          );
          const glossaries = await GlossariesPage.open(profileB(), page);
          await glossaries.waitForList(['Benelux-voorzitterschap 2023 — prioriteiten', 'My terms']);
        });
      },
    );
  });
}
