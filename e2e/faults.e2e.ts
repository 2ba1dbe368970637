/**
 * Faults (issue 17): the service worker stopped in the middle of a request (Chromium: CDP
 * `ServiceWorker.stopAllWorkers`; Firefox's event page has no such switch) and corrupt values in
 * browser.storage (both browsers). After each, the next action works, with no error of ours.
 * Survivors go to docs/reliability.json (e2e/reliability.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSERS, useBrowser, useFixtures, withPage, type ChromiumTestPage } from './harness';
import { waitForHighlight } from './pages/highlights';
import { PopupPage } from './pages/popup';
import { TooltipPage } from './pages/tooltip';
import { watchErrors } from './pages/errors';
import { recording } from './reliability';

const fixture = useFixtures();

/** Every stored value a page reads, of a wrong type or out of range. */
const CORRUPT: Record<string, unknown> = {
  enabled: 'yes',
  disabledSites: { '127.0.0.1': true },
  highlightMode: 42,
  everydayTermsOn: 'all',
  dwellMs: -300,
  benchTimings: 'true',
  recentTerms: [1, { id: 'etias' }, null],
  explainLang: 'tlh',
  tooltipTrigger: ['hover'],
  syncEnabled: 'on',
  declinedDefinitions: 7,
  knownTerms: 'etias',
  compiledGlossary: { format: 'not ours', bytes: '%%%' },
};

/**
 * Stops every service worker of the profile (ours is the only one) and waits until CDP reports
 * ours stopped (playwright's worker `close` does not fire: the worker may start again at once).
 */
async function stopServiceWorker(page: ChromiumTestPage, extensionId: string): Promise<void> {
  const session = await page.raw.context().newCDPSession(page.raw);
  try {
    type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the service worker was not reported stopped')), 10_000);
      session.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
        if (e.versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The popup still opens and renders. */
async function popupOpens(browser: Parameters<typeof PopupPage.open>[0]): Promise<void> {
  const popup = await browser.newPage();
  try {
    assert.equal(await (await PopupPage.open(browser, popup)).heading(), 'Benelux Glossary');
  } finally {
    await popup.close();
  }
}

for (const name of BROWSERS) {
  void describe(`${name}: faults`, () => {
    const browser = useBrowser(name);

    if (name === 'chromium') {
      void it(
        'the service worker stopped in the middle of a request: the next hover and popup work',
        { timeout: 90_000 },
        async () => {
          await withPage(browser(), 'fault-worker-stopped', async (page) => {
            assert.equal(page.browserName, 'chromium');
            const errors = await watchErrors(page);
            try {
              await recording('faults', name, 'service worker stopped', async () => {
                await page.goto(fixture('hp-page.html'));
                await waitForHighlight(page, 'ETIAS');
                const tt = new TooltipPage(browser(), page);
                // The hover's card is asked of the background; the worker stops while the pointer rests.
                const hovering = tt.hover('ETIAS');
                await stopServiceWorker(page, browser().extensionId);
                await hovering;
                await tt.waitForShown('ETIAS').catch(async () => {
                  // The request the worker dropped is lost; the next hover asks again.
                  await tt.clickAway();
                  await tt.hover('ETIAS');
                  await tt.waitForShown('ETIAS');
                });
                await page.press('Escape');
                await tt.waitForHidden();
                // Stopped while idle too: the next hover wakes it.
                await stopServiceWorker(page, browser().extensionId);
                await tt.hover('NSEC');
                await tt.waitForShown('North Seas Energy Cooperation (NSEC)');
                await stopServiceWorker(page, browser().extensionId);
                await popupOpens(browser());
                assert.deepEqual(errors.ours(), [], 'errors of ours');
              });
            } finally {
              await errors.stop();
            }
          });
        },
      );
    }

    void it(
      'corrupt values in browser.storage read as defaults: highlights, tooltip and popup work',
      { timeout: 90_000 },
      async () => {
        await withPage(browser(), 'fault-corrupt-storage', async (page) => {
          const errors = await watchErrors(page);
          const tt = new TooltipPage(browser(), page);
          try {
            await recording('faults', name, 'corrupt storage values', async () => {
              await tt.storeSettings(CORRUPT);
              await page.goto(fixture('hp-page.html'));
              await waitForHighlight(page, 'ETIAS', { timeout: 20_000 });
              await tt.hover('ETIAS');
              await tt.waitForShown('ETIAS');
              await popupOpens(browser());
              assert.deepEqual(errors.ours(), [], 'errors of ours');
            });
          } finally {
            await errors.stop();
            await tt.removeSettings(Object.keys(CORRUPT).filter((k) => k !== 'compiledGlossary' && k !== 'knownTerms'));
          }
        });
      },
    );
  });
}
