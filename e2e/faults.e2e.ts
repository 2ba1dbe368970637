/**
 * Faults (issue 17): the service worker stopped in the middle of a request (Chromium: CDP
 * `ServiceWorker.stopAllWorkers`; Firefox's event page has no such switch), corrupt values in
 * browser.storage, the storage quota used up during a note save, the database deleted while the
 * popup is open, and the extension reloaded or updated with a tab open. After each, the next action
 * works, with no error of ours, and every note written before it is still there. Survivors and the
 * notes count go to docs/reliability.json (e2e/reliability.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSERS, useBrowser, useFixtures, withPage, type ChromiumTestPage } from './harness';
import { waitForHighlight } from './pages/highlights';
import { PopupPage } from './pages/popup';
import { TooltipPage } from './pages/tooltip';
import { watchErrors } from './pages/errors';
import { reloadExtension, RELOAD_CHROMIUM_ARGS } from './pages/extension-reload';
import { highlightedTexts } from './pages/highlights';
import { NoteLedger } from './pages/note-ledger';
import { PopupUi } from './pages/popup-ui';
import {
  deleteDatabase,
  exhaustQuota,
  FIREFOX_QUOTA_PREFS,
  incompressibleWords,
  pasteIntoNote,
} from './pages/storage-faults';
import { readNote, readStore } from './pages/tooltip-notes';
import { HOST_SELECTOR } from './pages/tooltip';
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
    // Firefox's storage limit small enough to fill (pages/storage-faults.ts; ours uses ~0.5 MB);
    // Chromium's CDP switch that loads the build again over itself (pages/extension-reload.ts).
    const browser = useBrowser(name, { firefoxPrefs: FIREFOX_QUOTA_PREFS, chromiumArgs: RELOAD_CHROMIUM_ARGS });
    const ledger = new NoteLedger(browser);

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
                await ledger.write('benelux-unie', 'Before the worker stopped.');
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
                await ledger.check('service worker stopped');
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
              await ledger.write('benelux-landen', 'Before the settings went bad.');
              await tt.storeSettings(CORRUPT);
              await page.goto(fixture('hp-page.html'));
              await waitForHighlight(page, 'ETIAS', { timeout: 20_000 });
              await tt.hover('ETIAS');
              await tt.waitForShown('ETIAS');
              await popupOpens(browser());
              assert.deepEqual(errors.ours(), [], 'errors of ours');
              await ledger.check('corrupt storage values');
            });
          } finally {
            await errors.stop();
            await tt.removeSettings(Object.keys(CORRUPT).filter((k) => k !== 'compiledGlossary' && k !== 'knownTerms'));
          }
        });
      },
    );

    void it(
      'the storage quota used up during a note save: the text stays with a message, saved once space returns',
      { timeout: 90_000 },
      async () => {
        const popup = await PopupUi.open(browser());
        const errors = await watchErrors(popup.page);
        try {
          await recording('faults', name, 'storage quota exhausted', async () => {
            await popup.openTerm('etias', 'etias');
            const before = 'Written before the disk filled.';
            await popup.typeNote(before);
            await popup.waitSaved(before);
            await ledger.write('vweu', 'Before the disk filled.');
            const quota = await exhaustQuota(browser(), popup.page);
            // Pasted, and big enough to need new space (pages/storage-faults.ts).
            const typed = ` ${incompressibleWords(17)}`;
            await pasteIntoNote(popup.page, typed);
            const shown = await popup.page.waitForFunction(() => {
              const state = document.querySelector('span.note-state-full');
              const retry = document.querySelector('button.note-retry');
              return !!state && !!retry && { state: state.textContent ?? '', retry: retry.textContent ?? '' };
            });
            assert.match(shown.state, /no room left/, 'the message says why');
            assert.equal(shown.retry, 'Retry');
            assert.equal(await popup.noteValue(), before + typed, 'the text stays in the editor');
            assert.equal((await readNote(popup.page, 'etias'))?.text, before, 'the stored note is untouched');
            await quota.restore();
            await popup.page.click('button.note-retry');
            await popup.waitSaved(before + typed);
            assert.equal((await readNote(popup.page, 'etias'))?.text, before + typed, 'saved once space returned');
            assert.deepEqual(errors.ours(), [], 'errors of ours');
            ledger.expect('etias', before + typed);
            await ledger.check('storage quota exhausted');
          });
        } finally {
          await errors.stop();
          await popup.page.close();
        }
      },
    );

    void it(
      'the database deleted while the popup is open: the popup keeps working, the letter and the notes come back',
      { timeout: 90_000 },
      async () => {
        const popup = await PopupUi.open(browser());
        const errors = await watchErrors(popup.page);
        const other = await browser().openExtensionPage('popup.html');
        try {
          await recording('faults', name, 'database deleted', async () => {
            await ledger.write('nsec', 'Before the database was deleted.');
            await popup.openTerm('noordzee', 'nsec');
            const noteShown = (text: string) =>
              popup.page.waitForFunction(
                (text) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === text,
                text,
              );
            await noteShown('Before the database was deleted.');
            // Another page of ours deletes it: not blocked for long (our pages let go), then gone.
            assert.equal(await deleteDatabase(other), 'deleted');
            // The letter is seeded again and the notes put back by the open popup.
            await other.waitForFunction(
              async () => {
                const list = await indexedDB.databases();
                return list.some((d) => d.name === 'benelux-glossary');
              },
              undefined,
              { timeout: 15_000 },
            );
            await ledger.check('database deleted');
            assert.ok(((await readStore(other, 'entries')) ?? []).length > 50, 'the letter is seeded again');
            // The open popup still shows the term and its note, live; a new popup opens.
            await noteShown('Before the database was deleted.');
            await popupOpens(browser());
            assert.deepEqual(errors.ours(), [], 'errors of ours');
          });
        } finally {
          await errors.stop();
          await other.close();
          await popup.page.close();
        }
      },
    );

    void it(
      'the extension reloaded with a tab open: the old copy goes quiet, one host and one set of highlights',
      { timeout: 90_000 },
      async () => {
        await withPage(browser(), 'fault-extension-reloaded', async (page) => {
          const errors = await watchErrors(page);
          const tt = new TooltipPage(browser(), page);
          const hosts = () => page.evaluate((selector) => document.querySelectorAll(selector).length, HOST_SELECTOR);
          try {
            await recording('faults', name, 'extension reloaded', async () => {
              await ledger.write('europese-unie', 'Before the extension was reloaded.');
              await page.goto(fixture('hp-page.html'));
              await waitForHighlight(page, 'ETIAS');
              await tt.hover('ETIAS');
              await tt.waitForShown('ETIAS');
              await page.press('Escape');
              const before = (await highlightedTexts(page)).sort();
              await reloadExtension(browser());
              if (name === 'firefox') {
                // Firefox runs the new copy in the open tab: it takes over.
                await waitForHighlight(page, 'NSEC');
              } else {
                // Chromium runs no new copy in open tabs: the old one stops and removes what it added.
                await page.waitForFunction(
                  (selector) => !document.querySelector(selector) && !CSS.highlights.has('benelux-glossary'),
                  HOST_SELECTOR,
                );
                // The page works again after a reload.
                await page.goto(fixture('hp-page.html'));
                await waitForHighlight(page, 'NSEC');
              }
              await tt.hover('NSEC');
              await tt.waitForShown('North Seas Energy Cooperation (NSEC)');
              assert.equal(await hosts(), 1, 'one tooltip host');
              assert.deepEqual((await highlightedTexts(page)).sort(), before, 'the same highlights, once each');
              assert.deepEqual(errors.ours(), [], 'errors of ours');
              await ledger.check('extension reloaded');
            });
          } finally {
            await errors.stop();
          }
        });
      },
    );
  });
}
