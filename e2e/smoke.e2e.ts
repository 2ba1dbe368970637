/**
 * Smoke tests, the same in both browsers: the content script highlights terms it got from the
 * background by message (no answer → no highlight), in frames and under a strict page CSP, and the
 * popup renders its localised title.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_TIMEOUT, withPage, BROWSERS, useBrowser, useFixtures } from './harness';
import { waitForHighlight, waitForStableHighlights } from './pages/highlights';
import { PopupPage } from './pages/popup';

const fixture = useFixtures();

for (const name of BROWSERS) {
  void describe(`${name}: smoke`, () => {
    const running = useBrowser(name);

    void it(
      'highlights ETIAS: the content script got the term index from the background',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'smoke-etias', async (page) => {
          await page.goto(fixture('smoke.html'));
          const texts = await waitForHighlight(page, 'ETIAS');
          assert.ok(texts.includes('ETIAS'), `highlighted: ${JSON.stringify(texts)}`);
        }),
    );

    void it('highlights every glossary term the smoke page names', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'smoke-terms', async (page) => {
        await page.goto(fixture('smoke.html'));
        await waitForHighlight(page, 'ETIAS');
        const texts = await waitForStableHighlights(page);
        for (const term of ['ETIAS', 'NSEC', 'GBVB', 'Noordrijn-Westfalen', 'artikel 350 VWEU']) {
          assert.ok(texts.includes(term), `${term} not highlighted; highlighted: ${JSON.stringify(texts)}`);
        }
      }),
    );

    void it("highlights on a page whose CSP is default-src 'self'", { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'csp', async (page) => {
        await page.goto(fixture('csp.html'));
        const texts = await waitForHighlight(page, 'ETIAS');
        assert.ok(texts.includes('ETIAS'));
      }),
    );

    void it('highlights inside same-origin and cross-origin iframes', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'frames', async (page) => {
        await page.goto(fixture('frames.html'));
        const same = await page.frame('/frame-nsec.html');
        const cross = await page.frame('/frame-gbvb.html');
        assert.ok((await waitForHighlight(same, 'NSEC')).includes('NSEC'));
        assert.ok((await waitForHighlight(cross, 'GBVB')).includes('GBVB'));
      }),
    );

    void it('opens the popup and shows its localised title', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'popup', async (page) => {
        const popup = await PopupPage.open(running(), page);
        assert.equal(await page.url(), running().extensionUrl('popup.html'));
        assert.equal(await popup.heading(), 'Benelux Glossary');
      }),
    );
  });
}
