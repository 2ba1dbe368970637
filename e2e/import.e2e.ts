/**
 * The reader's own glossaries, in both browsers: a TBX imported on the glossary page is highlighted on
 * a page (its abbreviations case-exact, its everyday words not), explained in the tooltip and found in
 * the popup; a big generated file imports with the progress bar moving and moves matching to the
 * background; switched off, the terms leave open pages without a reload; deleted, the glossary goes
 * and the reader's note on its entry stays; a truncated file changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BROWSERS,
  FIXTURES_DIR,
  REPO_ROOT,
  TEST_TIMEOUT,
  sleep,
  useBrowser,
  useFixtures,
  withPage,
  type TestPage,
} from './harness';
import { GlossariesPage } from './pages/glossaries';
import { PopupUi } from './pages/popup-ui';
import { TooltipPage } from './pages/tooltip';
import { waitForExactly, waitForHighlight } from './pages/highlights';
import { writeTbxFile } from '../scripts/make-tbx';

const fixture = useFixtures();
const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const ENERGY = 'IATE energy and climate (test slice)';
const LETTER = 'Benelux-voorzitterschap 2023 — prioriteiten';
/** What gl-page.html shows highlighted with the letter and the energy slice on. */
const PAGE_TERMS = ['CBAM', 'Carbon Border Adjustment Mechanism', 'ETIAS', 'EU ETS'];
/** With the letter alone: its "EU" in "EU ETS" (the slice's longer match wins while it is on). */
const LETTER_TERMS = ['ETIAS', 'EU'];

/** The slice's CBAM concept, by its term key. */
const CBAM_KEY = 'iate-energy-and-climate-test-slice:3580347';
const NOTE = 'Phase-in from 2026: check the 2023/956 regulation';

/** Waits until the tooltip's card names a term starting with `name`; returns the card. */
async function waitForCard(tooltip: TooltipPage, name: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const card = await tooltip.card().catch(() => null);
    if (card?.name.startsWith(name)) return card;
    if (Date.now() > deadline) throw new Error(`The tooltip did not explain ${name}: ${JSON.stringify(card)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A generated IATE-shaped file big enough that matching moves to the background. */
const BIG_CONCEPTS = 20_000;
let bigDir = '';
let bigFile = '';
before(async () => {
  bigDir = await mkdtemp(path.join(tmpdir(), 'benelux-e2e-tbx-'));
  bigFile = path.join(bigDir, 'generated.tbx');
  await writeTbxFile(bigFile, { concepts: BIG_CONCEPTS, langs: ['nl', 'en', 'fr', 'de'], title: 'Generated slice' });
});
after(async () => {
  await rm(bigDir, { recursive: true, force: true });
});

/**
 * Waits until the enabled glossaries reach pages by `route`: copied into every frame, or matched by
 * the background (what the background published to storage.local for content scripts).
 */
async function waitForRoute(page: TestPage, route: 'frames' | 'background'): Promise<void> {
  await page.waitForFunction(
    async (route) => {
      type Api = { storage: { local: { get(k: string): Promise<Record<string, { route?: string } | undefined>> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const stored = (await (g.browser ?? g.chrome)!.storage.local.get('compiledGlossary')).compiledGlossary;
      return stored !== undefined && (stored.route ?? 'frames') === route;
    },
    route,
    { timeout: 60_000 },
  );
}

for (const name of BROWSERS) {
  void describe(`${name}: importing the reader's own glossaries`, () => {
    const browser = useBrowser(name);

    void it(
      'a TBX slice is highlighted; a big one imports with progress and is matched in the background; off, on, deleted without a reload',
      { timeout: 6 * TEST_TIMEOUT },
      () =>
        withPage(browser(), 'import-flow', async (admin) => {
          const glossaries = await GlossariesPage.open(browser(), admin);
          await glossaries.waitForList([LETTER]);
          const imported = await glossaries.importFile(path.join(FIXTURES_DIR, 'gl-energy.tbx'), {
            // The README's picture of the dialog: the preview and the choices, before anything is written.
            beforeImport: async () => {
              if (admin.browserName !== 'chromium') return;
              await mkdir(DOCS_DIR, { recursive: true });
              await sleep(300);
              await admin.raw
                .locator('dialog.import-dialog')
                .screenshot({ path: path.join(DOCS_DIR, 'import-dialog.png') });
            },
          });
          assert.deepEqual([imported.role, imported.text], ['status', '3 entries imported from gl-energy.tbx.']);
          await glossaries.closeDialog();
          await glossaries.waitForList([LETTER, ENERGY]);
          await waitForRoute(admin, 'frames');

          await withPage(browser(), 'import-page', async (reader) => {
            await reader.goto(fixture('gl-page.html'));
            // "market" is an everyday word: not highlighted by default; "cbam" would not be CBAM.
            await waitForExactly(reader, PAGE_TERMS);

            // The rules are the reader's: with common words allowed, the slice's "market" shows too.
            await glossaries.setRule(ENERGY, 'Skip common words', false);
            await waitForExactly(reader, [...PAGE_TERMS, 'market', 'market']);
            await glossaries.setRule(ENERGY, 'Skip common words', true);
            await waitForExactly(reader, PAGE_TERMS);

            // Explained in the tooltip, with the definition as text (the file's markup is characters).
            const tooltip = new TooltipPage(browser(), reader);
            await tooltip.hover('CBAM');
            const card = await waitForCard(tooltip, 'Carbon Border Adjustment Mechanism');
            assert.match(card.short, /certain goods imported into the EU <img src=x onerror=alert\(1\)>/);
            assert.match(card.text, /IATE energy and climate \(test slice\)/);
            assert.match(card.text, /3580347/);
            if (reader.browserName === 'chromium') {
              await sleep(300); // let the frame paint
              await reader.raw.screenshot({
                path: path.join(DOCS_DIR, 'tooltip-imported.png'),
                clip: { x: 0, y: 0, width: 900, height: 520 },
              });
            }
            await tooltip.clickAway();

            // Found in the popup, and a note on it.
            const popupTab = await browser().newPage();
            // Read by the popup's search worker: a worker that failed would be said on the console
            // (and the popup would search on its own thread, so the row alone would not tell).
            const said: string[] = [];
            const raw = popupTab.raw as unknown as { on(e: 'console', f: (m: { text(): string }) => void): void };
            raw.on('console', (message) => said.push(message.text()));
            try {
              const popup = await PopupUi.open(browser(), popupTab);
              await popup.search('CBAM');
              await popup.waitForRow(CBAM_KEY);
              assert.deepEqual(
                said.filter((text) => /worker/i.test(text)),
                [],
              );
              await popup.clickRow(CBAM_KEY);
              await popup.typeNote(NOTE);
              await popup.waitSaved(NOTE);
            } finally {
              await popupTab.close();
            }

            const big = await glossaries.importFile(bigFile, { timeout: 240_000 });
            assert.equal(big.role, 'status', big.text);
            assert.match(big.text, new RegExp(`^${BIG_CONCEPTS.toLocaleString('en')} entries imported`));
            assert.ok(
              big.progress.filter((p) => p > 0 && p < 100).length >= 3,
              `the progress bar moved: ${big.progress.join(', ')}`,
            );
            await glossaries.closeDialog();
            await waitForRoute(admin, 'background');
            // Its 20 000 entries are listed a window at a time, and filtered by a word.
            await withPage(browser(), 'import-entries', async (list) => {
              await list.goto(browser().extensionUrl('glossary.html#glossary=generated-slice'));
              await list.waitForFunction(
                (n) => document.getElementById('entries-status')?.textContent?.trim() === `${n} entries`,
                BIG_CONCEPTS.toLocaleString('en'),
              );
              const rendered = await list.evaluate(() => document.querySelectorAll('li.virtual-row').length);
              assert.ok(rendered > 0 && rendered < 100, `a window of rows, not all: ${rendered}`);
              await list.evaluate(() => {
                const input = document.querySelector<HTMLInputElement>('input#entries-filter')!;
                input.value = 'verdraag';
                input.dispatchEvent(new Event('input', { bubbles: true }));
              });
              await list.waitForFunction(() =>
                /with a word starting with “verdraag”/.test(
                  document.getElementById('entries-status')?.textContent ?? '',
                ),
              );
              const names = await list.evaluate(() =>
                [...document.querySelectorAll('.entry-row-name')].map((a) => a.textContent ?? ''),
              );
              assert.ok(names.length > 0, 'rows for the filter');
            });

            // Same page, no reload: the terms are now matched by the background, and still there.
            await waitForHighlight(reader, 'CBAM', { timeout: 30_000 });
            await waitForExactly(reader, PAGE_TERMS);

            await glossaries.setEnabled(ENERGY, false);
            await waitForExactly(reader, LETTER_TERMS);
            await glossaries.setEnabled(ENERGY, true);
            await waitForExactly(reader, PAGE_TERMS);

            await glossaries.delete('Generated slice');
            await glossaries.waitForList([LETTER, ENERGY]);
            await waitForRoute(admin, 'frames');
            await waitForExactly(reader, PAGE_TERMS);

            await glossaries.delete(ENERGY);
            await glossaries.waitForList([LETTER]);
            await waitForExactly(reader, LETTER_TERMS);
            // The note stays, named, until the same glossary is imported again.
            const orphaned = await glossaries.orphanedNotes();
            assert.match(orphaned, new RegExp(NOTE));
            assert.match(orphaned, /Carbon Border Adjustment Mechanism/);
            assert.equal((await glossaries.importFile(path.join(FIXTURES_DIR, 'gl-energy.tbx'))).role, 'status');
            await glossaries.closeDialog();
            await waitForExactly(reader, PAGE_TERMS);
            assert.doesNotMatch(await glossaries.orphanedNotes(), new RegExp(NOTE));
          });
        }),
    );

    void it('a truncated file is refused, saying where, and nothing changes', { timeout: TEST_TIMEOUT }, () =>
      withPage(browser(), 'import-truncated', async (admin) => {
        const glossaries = await GlossariesPage.open(browser(), admin);
        const before = await glossaries.list();
        const outcome = await glossaries.importFile(path.join(FIXTURES_DIR, 'gl-truncated.tbx'));
        assert.equal(outcome.role, 'alert');
        assert.match(outcome.text, /line \d+/);
        assert.match(outcome.text, /cut short/);
        await admin.goto(browser().extensionUrl('glossary.html#glossaries'));
        await glossaries.waitForList(before.map((g) => g.title));
      }),
    );
  });
}
