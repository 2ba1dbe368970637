/**
 * The reader's own terms, in both browsers: a term added on the glossary page (with its abbreviation)
 * is highlighted on an open page without a reload — the abbreviation as written, not in lower case —
 * explained in the tooltip with its definition, and found in the popup. A page that defines an
 * abbreviation no glossary knows makes the popup offer it: added, it is highlighted and explained on
 * the next page; declined, it is not offered again. Edited on its entry on the glossary page (the form
 * filled in with it), the open page explains it anew; deleted there, it is no longer highlighted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryIdFromTerm } from '../core/import/naming';
import { BROWSERS, TEST_TIMEOUT, sleep, useBrowser, useFixtures, withPage, type TestPage } from './harness';
import { GlossariesPage } from './pages/glossaries';
import { waitForExactly } from './pages/highlights';
import { PopupUi } from './pages/popup-ui';
import { TooltipPage } from './pages/tooltip';

const fixture = useFixtures();
const NAME = 'Gezamenlijk Rekenkamer Overleg';
const DEFINITION = 'Het overleg van de rekenkamers van België, Nederland en Luxemburg.';
const KEY = `my-terms:${entryIdFromTerm('nl', NAME)}`;
const EDITED = 'Het jaarlijkse overleg van de drie rekenkamers.';

for (const name of BROWSERS) {
  void describe(`${name}: the reader's own terms`, () => {
    const browser = useBrowser(name);

    void it(
      'a term added on the glossary page is highlighted, explained and found; edited and deleted there',
      { timeout: 4 * TEST_TIMEOUT },
      () =>
        withPage(browser(), 'my-terms-reader', async (reader) => {
          await reader.goto(fixture('mt-page.html'));
          await waitForExactly(reader, ['ETIAS']);

          await withPage(browser(), 'my-terms-admin', async (admin) => {
            const glossaries = await GlossariesPage.open(browser(), admin);
            await glossaries.addMyTerm({ name: NAME, abbreviation: 'GRO', definition: DEFINITION, lang: 'nl' });
            await glossaries.waitForList(['Benelux-voorzitterschap 2023 — prioriteiten', 'My terms']);
          });

          // The open page follows without a reload; "gro" in lower case is not the abbreviation.
          await waitForExactly(reader, ['ETIAS', 'GRO', 'Gezamenlijk Rekenkamer Overleg']);

          const tooltip = new TooltipPage(browser(), reader);
          await tooltip.hover('GRO');
          const { card } = await tooltip.waitForShown(`${NAME} (GRO)`);
          assert.ok(card.name.startsWith(NAME), card.name);
          assert.match(card.short, /rekenkamers van België, Nederland en Luxemburg/);
          await tooltip.clickAway();

          const popupTab = await browser().newPage();
          try {
            const popup = await PopupUi.open(browser(), popupTab);
            await popup.search('gro');
            const row = await popup.waitForRow(KEY);
            assert.equal(row.name, NAME);
          } finally {
            await popupTab.close();
          }

          // Edited on its entry (the form filled in with it), the open page explains it anew; deleted
          // (asked once), it is no longer highlighted.
          await withPage(browser(), 'my-terms-edit', async (admin) => {
            const glossaries = await GlossariesPage.open(browser(), admin);
            const before = await glossaries.publishedVersion();
            const shown = await glossaries.editMyTerm(browser(), KEY, { definition: EDITED });
            assert.deepEqual(shown, { name: NAME, abbreviation: 'GRO', definition: DEFINITION });
            // Nothing on the page changes with a definition: the frames hear of it with the next publish.
            await glossaries.waitForPublished(before);
          });
          await tooltip.hover('GRO');
          const edited = await tooltip.waitForShown(`${NAME} (GRO)`);
          assert.equal(edited.card.short, EDITED);
          await tooltip.clickAway();
          await withPage(browser(), 'my-terms-delete', async (admin) => {
            const glossaries = await GlossariesPage.open(browser(), admin);
            await glossaries.deleteMyTerm(browser(), KEY);
          });
          await waitForExactly(reader, ['ETIAS']);
        }),
    );

    void it(
      'a page that defines an abbreviation: the popup offers it; added, the next page explains it',
      { timeout: 3 * TEST_TIMEOUT },
      () =>
        withPage(browser(), 'my-terms-defines', async (reader) => {
          await reader.goto(fixture('mt-defines.html'));
          // The letter's "offshore grid" is in the second name: the page is read, its highlights are in.
          await waitForExactly(reader, ['ETIAS', 'Offshore Grid']);
          const popupTab = await browser().newPage();
          try {
            const popup = await PopupUi.openFor(browser(), reader, popupTab);
            await popupTab.waitForFunction(
              () => document.querySelectorAll('.definition-offer').length === 2,
              undefined,
              { timeout: 15_000 },
            );
            const offered = await popupTab.evaluate(() =>
              [...document.querySelectorAll('.definition-offer p')].map((p) => p.textContent?.trim()),
            );
            assert.deepEqual(offered, [
              'This page defines NSWA: North Sea Wind Alliance.',
              'This page defines JOGO: Joint Offshore Grid Office.',
            ]);
            await clickByLabel(popupTab, 'Do not add JOGO');
            await clickByLabel(popupTab, 'Add NSWA to my terms');
            await popupTab.waitForFunction(
              () =>
                document.querySelector('.definition-offers [role="status"]')?.textContent?.includes('NSWA') ?? false,
              undefined,
              { timeout: 15_000 },
            );
            // Neither is offered again: one is a term now, the other was declined.
            await PopupUi.openFor(browser(), reader, popupTab);
            await popup.search('');
            await sleep(1_000);
            assert.equal(await popupTab.evaluate(() => document.querySelectorAll('.definition-offer').length), 0);
          } finally {
            await popupTab.close();
          }

          await reader.goto(fixture('mt-next.html'));
          await waitForExactly(reader, ['NSWA']);
          const tooltip = new TooltipPage(browser(), reader);
          await tooltip.hover('NSWA');
          const { card } = await tooltip.waitForShown('North Sea Wind Alliance (NSWA)');
          // Its source: the sentence that defined it, and the page.
          assert.match(
            card.text,
            /The North Sea Wind Alliance \(NSWA\) met in Ostend on Monday\. — http:.*mt-defines\.html/,
          );
        }),
    );
  });
}

/** Clicks the button with this accessible name (aria-label) in an extension page. */
async function clickByLabel(page: TestPage, label: string): Promise<void> {
  await page.waitForFunction(
    (label) => {
      const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
      button?.click();
      return !!button;
    },
    label,
    { timeout: 15_000 },
  );
}
