/**
 * The context menu, in both browsers, through the menus API (the harness cannot click a native menu;
 * e2e/pages/context-menu.ts says how each browser is driven): the five items exist (the PDF item on a
 * PDF is clicked in pdf.e2e.ts, in Chromium; the one on a link has a unit test); "Explain «…»" on a
 * selection opens the pinned tooltip with the definition; "Add «…» to my terms" opens the glossary
 * page's form filled in; "Add a note on this term" opens the note editor of the term right-clicked
 * last — a real right-click, which the frame hit-tests — and what is typed there is saved with the page.
 * Chromium runs the background's own onClicked listener; Firefox's events cannot be fired from a script,
 * so there the test sends what that listener sends (its unit test covers the listener).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSERS, TEST_TIMEOUT, useBrowser, useFixtures, withPage } from './harness';
import { ContextMenu, MENU_ITEMS } from './pages/context-menu';
import { waitForExactly } from './pages/highlights';
import { TooltipPage } from './pages/tooltip';
import { waitForStoredNoteVia } from './pages/tooltip-notes';

const fixture = useFixtures();

for (const name of BROWSERS) {
  void describe(`${name}: the context menu`, () => {
    const browser = useBrowser(name);

    void it(
      'its items exist; Explain and Add on a selection; a note on the right-clicked term',
      { timeout: 3 * TEST_TIMEOUT },
      () =>
        withPage(browser(), 'context-menu', async (page) => {
          await page.goto(fixture('cm-page.html'));
          await waitForExactly(page, ['Benelux countries', 'ETIAS', 'North Seas Energy Cooperation', 'NSEC']);
          const menu = new ContextMenu(browser(), page);
          const tooltip = new TooltipPage(browser(), page);

          const items = await menu.items([...MENU_ITEMS, 'not-an-item']);
          assert.deepEqual(
            Object.fromEntries(MENU_ITEMS.map((id) => [id, items[id]])),
            Object.fromEntries(MENU_ITEMS.map((id) => [id, 'ok'])),
          );
          assert.notEqual(items['not-an-item'], 'ok', 'the existence check cannot fail');

          // Explain «ETIAS»: the pinned tooltip with its definition.
          assert.equal(await tooltip.select({ term: 'ETIAS', within: '#etias' }), 'ETIAS');
          await menu.choose('explain-selection', 'ETIAS');
          const { card } = await tooltip.waitForShown('ETIAS', { pinned: true });
          assert.match(card.expansion, /European Travel Information and Authorisation System/i);
          await page.press('Escape');
          await tooltip.waitForHidden();

          // Add «North Sea Wind Alliance» to my terms: the glossary page's form, filled in.
          await menu.choose('add-to-my-terms', 'North Sea Wind Alliance');
          const form = await menu.openedForm('/glossary.html#');
          assert.equal(form.name, 'North Sea Wind Alliance');
          await page.raw.bringToFront();

          // Add a note on this term: right-click ETIAS, then NSEC — the note is NSEC's, the last one.
          await menu.rightClick(await tooltip.termPoint('ETIAS'));
          await page.press('Escape'); // closes the native menu, where there is one
          await menu.rightClick(await tooltip.termPoint('NSEC'));
          await page.press('Escape');
          await menu.choose('note-on-term');
          await tooltip.waitForShown('North Seas Energy Cooperation (NSEC)', { pinned: true });
          const frame = await tooltip.frame();
          await frame.waitForFunction(() => document.activeElement?.matches('textarea.note-text') ?? false, undefined, {
            timeout: 10_000,
          });
          await page.type('Chaired by NL in 2023');
          const note = await waitForStoredNoteVia(
            browser(),
            'nsec',
            (n) => n?.text === 'Chaired by NL in 2023',
            'typed',
          );
          assert.match(note?.context?.url ?? '', /cm-page\.html$/);
          assert.match(note?.context?.sentence ?? '', /North Seas Energy Cooperation \(NSEC\)/);
        }),
    );
  });
}
