/**
 * How a tooltip is asked for (the popup's "Show explanations" setting), in both browsers: on hover
 * (the default, tooltip.e2e.ts), on hover with Alt held, or on click. Resting the pointer opens
 * nothing in the quieter modes; the key, or the click, does; a click on a term inside a link follows
 * the link; the keyboard command works in every mode; and a change in the popup applies to an open
 * page without a reload.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import {
  BROWSERS,
  REPO_ROOT,
  TEST_TIMEOUT,
  useBrowser,
  useFixtures,
  withPage,
  type TestBrowser,
  type TestPage,
} from './harness';
import { waitForHighlight } from './pages/highlights';
import { TooltipPage } from './pages/tooltip';
import type { Glossary } from '../core/glossary-schema';

const fixture = useFixtures();

const ETIAS_EXPANSION = (
  JSON.parse(await readFile(path.join(REPO_ROOT, 'data/glossary.json'), 'utf8')) as Glossary
).entries.find((e) => e.id === 'etias')!.expansion!.en;

/** A short dwell, so "longer than the dwell" is a short wait. */
const DWELL_MS = 150;
/** How long a rest must open nothing: several dwells, and more than the ~1 s a tooltip takes to show under load. */
const QUIET_MS = 1_500;

async function open(browser: TestBrowser, page: TestPage, name = 'tt-basic.html'): Promise<TooltipPage> {
  await page.goto(fixture(name));
  await waitForHighlight(page, 'ETIAS');
  return new TooltipPage(browser, page);
}

/** Puts the page's tab in front again (after an extension page was opened beside it), so it gets the keys. */
async function toFront(page: TestPage): Promise<void> {
  if (page.browserName === 'chromium') await page.raw.bringToFront();
  else await page.raw.bringToFront();
}

for (const name of BROWSERS) {
  void describe(`${name}: how a tooltip is asked for`, () => {
    const running = useBrowser(name);
    afterEach(async () => {
      const page = await running().openExtensionPage('popup.html');
      try {
        await page.evaluate(async () => {
          const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
          await (g.browser ?? g.chrome)!.storage.local.remove(['tooltipTrigger', 'dwellMs']);
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    });

    void it(
      'with Alt: resting opens nothing until the key is pressed; moving with it held works like hover; the keyboard command still works',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-trigger-modifier', async (page) => {
          // Stored before the page loads: it reads them at its start (the live change is tested below).
          await new TooltipPage(running(), page).storeSettings({ tooltipTrigger: 'modifier', dwellMs: DWELL_MS });
          const tt = await open(running(), page); // settings read at load (the live change is tested below)

          await tt.hover('ETIAS', { within: '#etias' });
          await tt.expectNothingShown(QUIET_MS, 'resting on ETIAS without Alt');

          await tt.keyDown('Alt');
          const { card } = await tt.waitForShown('ETIAS', { pinned: false });
          assert.equal(card.expansion, ETIAS_EXPANSION);
          await tt.keyUp('Alt');
          await page.press('Escape');
          await tt.waitForHidden();

          // Alt held while the pointer travels onto the term: a rest there opens it, as on hover.
          await page.mouseMove(10, 10);
          await tt.keyDown('Alt');
          await tt.expectNothingShown(300, 'pressing Alt away from any term');
          await tt.hover('ETIAS', { within: '#etias' });
          await tt.waitForShown('ETIAS', { pinned: false });
          await tt.keyUp('Alt');
          await page.press('Escape');
          await tt.waitForHidden();

          await tt.select({ term: 'ETIAS', within: '#etias' });
          await tt.sendExplainSelection();
          await tt.waitForShown('ETIAS', { pinned: true });
        }),
    );

    void it(
      'on click: resting opens nothing, a click pins it; a click on a term in a link opens nothing and is not prevented',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-trigger-click', async (page) => {
          // Stored before the page loads: it reads them at its start (the live change is tested below).
          await new TooltipPage(running(), page).storeSettings({ tooltipTrigger: 'click', dwellMs: DWELL_MS });
          const tt = await open(running(), page);

          await tt.hover('ETIAS', { within: '#etias' });
          await tt.keyDown('Alt');
          await tt.keyUp('Alt');
          await tt.expectNothingShown(QUIET_MS, 'resting on ETIAS (and pressing Alt) in click mode');

          await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
          const { card } = await tt.waitForShown('ETIAS', { pinned: true });
          assert.equal(card.expansion, ETIAS_EXPANSION);
          await tt.clickAway();
          await tt.waitForHidden();

          await page.evaluate(() => {
            const w = window as unknown as { __prevented?: boolean[] };
            w.__prevented = [];
            addEventListener('click', (e) => setTimeout(() => w.__prevented!.push(e.defaultPrevented)), true);
          });
          const inLink = await tt.termPoint('ETIAS', { within: '#link' });
          await page.mouseMove(inLink.x, inLink.y);
          await tt.clickAt(inLink);
          await page
            .waitForFunction(() => location.hash === '#clicked')
            .catch(() => {
              throw new Error('The link around the term did not navigate to #clicked');
            });
          await tt.expectNothingShown(QUIET_MS, 'clicking ETIAS inside a link');
          assert.deepEqual(await page.evaluate(() => (window as unknown as { __prevented: boolean[] }).__prevented), [
            false,
          ]);

          await tt.select({ term: 'ETIAS', within: '#etias' });
          await tt.sendExplainSelection();
          await tt.waitForShown('ETIAS', { pinned: true });
        }),
    );

    void it('on click: a link around a term takes the reader to its page', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'tt-trigger-link', async (page) => {
        await new TooltipPage(running(), page).storeSettings({ tooltipTrigger: 'click' });
        const tt = await open(running(), page, 'tt-trigger.html');
        const inLink = await tt.termPoint('ETIAS', { within: '#link' });
        await page.mouseMove(inLink.x, inLink.y);
        await tt.clickAt(inLink);
        await page
          .waitForFunction(() => location.pathname.endsWith('/tt-nl.html'))
          .catch(async () => {
            throw new Error(`The link around the term did not go to tt-nl.html (at ${await page.url()})`);
          });
      }),
    );

    void it(
      'choosing the mode in the popup applies to an open page at once, without a reload',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-trigger-live', async (page) => {
          const tt = await open(running(), page);
          await page.evaluate(() => {
            (window as unknown as { __notReloaded?: boolean }).__notReloaded = true;
          });
          await tt.hover('ETIAS', { within: '#etias' });
          await tt.waitForShown('ETIAS', { pinned: false });
          const popup = await running().openExtensionPage('popup.html');
          const choose = async (trigger: string) => {
            const select = '.tooltip-trigger select';
            await popup.waitForFunction((s) => !!document.querySelector(s), select, { timeout: 20_000 });
            if (popup.browserName === 'chromium') await popup.raw.selectOption(select, trigger);
            else await popup.raw.select(select, trigger);
            await popup.waitForFunction(async (want) => {
              const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
              return (await (g.browser ?? g.chrome)!.storage.local.get('tooltipTrigger')).tooltipTrigger === want;
            }, trigger);
            await toFront(page);
          };
          try {
            // The settings appear once their stored values are read.
            await popup.waitForFunction(
              () => document.querySelectorAll('.tooltip-trigger option').length > 0,
              undefined,
              {
                timeout: 20_000,
              },
            );
            const labels = await popup.evaluate(() =>
              [...document.querySelectorAll('.tooltip-trigger option')].map((o) => o.textContent),
            );
            assert.deepEqual(labels, [
              'when the pointer rests on a term',
              'when the pointer rests on a term with Alt held',
              'when a term is clicked',
            ]);

            // A change closes the tooltip open in the page: that is how the test knows the page has it.
            await choose('click');
            await tt.waitForHidden();
            await tt.hover('ETIAS', { within: '#etias' });
            await tt.expectNothingShown(QUIET_MS, 'resting on ETIAS after choosing "click" in the popup');
            await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
            await tt.waitForShown('ETIAS', { pinned: true });

            await choose('hover');
            await tt.waitForHidden();
            await tt.hover('ETIAS', { within: '#etias' });
            await tt.waitForShown('ETIAS', { pinned: false });

            // The dwell, typed in ms, is stored as typed.
            await popup.evaluate(() => {
              const input = document.querySelector<HTMLInputElement>('.dwell input')!;
              input.value = '800';
              input.dispatchEvent(new Event('change', { bubbles: true }));
            });
            await popup.waitForFunction(async () => {
              const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
              return (await (g.browser ?? g.chrome)!.storage.local.get('dwellMs')).dwellMs === 800;
            });
            assert.equal(
              await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded),
              true,
              'the page was reloaded',
            );
          } finally {
            await popup.close().catch(() => undefined);
          }
        }),
    );
  });
}
