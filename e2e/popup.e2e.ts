/**
 * The popup, in both browsers: search answers the queries people type (abbreviations, Dutch and
 * English words, article numbers, typos), Enter opens the detail, "On this page" counts the active
 * tab's terms and reveals them, the site switch clears that tab's highlights without a reload, and
 * axe-core finds no violations. The popup is opened as a tab; see PopupUi.openFor for the active tab.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, TEST_TIMEOUT, withPage, type TestPage, BROWSERS, sleep, useBrowser, useFixtures } from './harness';
import { HIGHLIGHT_NAME, highlightedTexts, waitForHighlight } from './pages/highlights';
import { onThisPage, PopupUi } from './pages/popup-ui';
import { FLASH_HIGHLIGHT, waitForBodyOccurrences } from './pages/tooltip-notes';

const fixture = useFixtures();

/** Query → the entry that must come first. */
const QUERIES: readonly [string, string][] = [
  ['etias', 'etias'],
  ['noordzee', 'nsec'],
  ['cfsp', 'gbvb'],
  ['art 350', 'artikel-350-vweu'],
  ['pentalaterall', 'pentalateraal-energieforum'],
  ['politieverdrag', 'benelux-politieverdrag'],
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Injects axe-core into the page (driver-level evaluate: the extension page's CSP does not apply) and runs it. */
async function runAxe(
  page: TestPage,
  rules: 'wcag' | 'best-practice',
): Promise<{ violations: AxeViolation[]; passes: number }> {
  const source = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (page.browserName === 'chromium') await page.raw.evaluate(source);
  else await page.raw.evaluate(source);
  const tags = rules === 'wcag' ? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] : ['best-practice'];
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
            passes: unknown[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => JSON.stringify(n.target)),
      })),
      passes: result.passes.length,
    };
  }, tags);
}

/** The range the popup's "reveal" flashed in the tab: its text, paragraph, whether it is on screen. */
async function flashed(
  web: TestPage,
): Promise<{ text: string; para: string | null; inView: boolean; scrollY: number }> {
  try {
    return await web.waitForFunction((flash) => {
      const h = CSS.highlights.get(flash);
      const r = h ? [...h][0] : undefined;
      if (!r) return false;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getBoundingClientRect();
      return {
        text: range.toString(),
        para: r.startContainer.parentElement?.id || r.startContainer.parentElement?.localName || null,
        inView: box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
        scrollY,
      };
    }, FLASH_HIGHLIGHT);
  } catch (error) {
    throw new Error(`Nothing flashed in the tab (no '${FLASH_HIGHLIGHT}' highlight)`, { cause: error });
  }
}

for (const name of BROWSERS) {
  void describe(`${name}: popup`, () => {
    const running = useBrowser(name);

    void it(
      'search: each query gives the expected entry first, with the matched characters marked',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'popup-queries', async (page) => {
          const popup = await PopupUi.open(running(), page);
          const wrong: string[] = [];
          for (const [query, expected] of QUERIES) {
            const rows = await popup.search(query);
            const first = rows[0];
            if (first?.id !== expected) {
              wrong.push(
                `"${query}" → ${JSON.stringify(rows.slice(0, 3).map((r) => r.id))}, expected "${expected}" first`,
              );
              continue;
            }
            // The first row says why it matched: some of its characters are in <mark>, and they are characters of the query.
            assert.ok(
              first.marked.length > 0,
              `"${query}": nothing is marked in the first row ${JSON.stringify(first)}`,
            );
            const marked = fold(first.marked.join(''));
            const letters = new Set(fold(query).replace(/\s+/g, ''));
            assert.ok(
              [...marked.replace(/\s+/g, '')].every((c) => letters.has(c)),
              `"${query}": marked text ${JSON.stringify(first.marked)} has characters that are not in the query`,
            );
            assert.ok(first.selected, `"${query}": the first row is not the selected option`);
            assert.equal(
              await popup.activeOptionId(),
              expected,
              `"${query}": aria-activedescendant is not the first row`,
            );
          }
          assert.deepEqual(wrong, [], wrong.join('\n'));
        }),
    );

    void it(
      'Enter opens the active result; ArrowDown moves to the next one; Back returns',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'popup-enter', async (page) => {
          const popup = await PopupUi.open(running(), page);
          await popup.search('etias');
          assert.equal(await popup.pressEnter(), 'ETIAS');
          // The note editor's code loads beside the detail's first render: it comes a moment later.
          await page
            .waitForFunction(() => !!document.querySelector('article.detail textarea.note-text'), undefined, {
              timeout: 15_000,
            })
            .catch(() => undefined);
          const detail = await page.evaluate(() => ({
            quotes: document.querySelectorAll('article.detail figure.quote blockquote').length,
            related: document.querySelectorAll('article.detail ul.related button').length,
            source: document.querySelector('article.detail p.source')?.textContent ?? '',
            editor: !!document.querySelector('article.detail textarea.note-text'),
          }));
          assert.ok(detail.quotes >= 1, 'the detail shows no quote from the letter');
          assert.ok(detail.related >= 1, 'the detail shows no related entries');
          assert.ok(detail.source.length > 0, 'the detail shows no source');
          assert.ok(detail.editor, 'the detail has no note editor');

          await page.click('article.detail button.back');
          assert.equal((await popup.waitForResults('etias'))[0]?.id, 'etias', 'Back did not return to the results');
          const rows = await popup.search('benelux');
          assert.ok(rows.length >= 2, `expected at least two results for "benelux", got ${JSON.stringify(rows)}`);
          await page.click('input.search');
          await page.press('ArrowDown');
          await page.waitForFunction((id) => {
            const active = document.querySelector('input.search')?.getAttribute('aria-activedescendant');
            return active ? document.getElementById(active)?.getAttribute('data-term-id') === id : false;
          }, rows[1]?.id);
          assert.equal(await popup.pressEnter(), rows[1]?.name);
        }),
    );

    void it(
      "search finds a term by a word only the reader's note has: in the popup that wrote it, and in a new one",
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'popup-note-search', async (page) => {
          // The popup searches in its worker once the worker has the notes: a new note must reach it.
          const word = 'zilverreigerkolonie';
          const popup = await PopupUi.open(running(), page);
          assert.deepEqual(await popup.search(word), [], 'a word no entry has found something before the note');
          await popup.openTerm('nsec', 'nsec');
          const start = (await popup.noteValue()) ?? '';
          await popup.typeNote(`Vergelijk de ${word}.`);
          await popup.waitSaved(`${start}Vergelijk de ${word}.`);
          await page.click('article.detail button.back');
          assert.equal((await popup.search(word))[0]?.id, 'nsec', 'the popup that wrote the note does not find it');
          const fresh = await PopupUi.open(running());
          try {
            assert.equal((await fresh.search(word))[0]?.id, 'nsec', 'a new popup does not find the note');
          } finally {
            await fresh.page.close();
          }
        }),
    );

    void it(
      '"On this page" lists the active tab\'s terms, most frequent first: ETIAS 2×, NSEC 1×',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const web = await b.newPage();
        try {
          await web.goto(fixture('pp-on-this-page.html'));
          await waitForBodyOccurrences(web, 'ETIAS', 2);
          await withPage(b, 'popup-on-this-page', async (page) => {
            const popup = await PopupUi.openFor(b, web, page);
            const row = await popup.waitForRow('etias', 15_000, onThisPage);
            assert.equal(await popup.listHeading(), 'On this page');
            // Rows with a count are the page's terms; recently viewed ones follow without one.
            const rows = (await popup.results()).filter((r) => r.badge !== null && r.badge.endsWith('×'));
            assert.deepEqual(
              rows.map((r) => [r.id, r.badge]),
              [
                ['etias', '2×'],
                ['nsec', '1×'],
              ],
              `rows: ${JSON.stringify(rows)}`,
            );
            assert.equal(row.name, 'ETIAS');
          });
        } finally {
          await web.close();
        }
      },
    );

    void it(
      'choosing a term from "On this page" scrolls the tab to it and flashes it; again: the next one',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const web = await b.newPage();
        try {
          await web.goto(fixture('pp-reveal.html'));
          // Both are far below the first screen.
          assert.deepEqual(await waitForBodyOccurrences(web, 'ETIAS', 2), ['etias-1', 'etias-2']);
          await withPage(b, 'popup-reveal', async (page) => {
            const popup = await PopupUi.openFor(b, web, page);
            assert.equal((await popup.waitForRow('etias', 15_000, onThisPage)).badge, '2×');
            assert.equal(await web.evaluate(() => scrollY), 0);
            const reveals: { text: string; para: string | null; inView: boolean; scrollY: number }[] = [];
            for (let i = 0; i < 2; i++) {
              if (i > 0) {
                await page.click('article.detail button.back');
                await popup.waitForRow('etias');
              }
              await web.evaluate((flash) => CSS.highlights.delete(flash), FLASH_HIGHLIGHT);
              await popup.clickRow('etias');
              reveals.push(await flashed(web));
            }
            assert.deepEqual(
              reveals.map((r) => [r.text, r.para, r.inView]),
              [
                ['ETIAS', 'etias-1', true],
                ['ETIAS', 'etias-2', true],
              ],
            );
            assert.ok(
              reveals[0]!.scrollY > 0 && reveals[1]!.scrollY > reveals[0]!.scrollY,
              `scroll positions: ${JSON.stringify(reveals)}`,
            );
          });
        } finally {
          await web.close();
        }
      },
    );

    void it(
      '"On this page" counts what the reader sees: a term in the page\'s <title> is not counted, and reveal goes to the body',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const web = await b.newPage();
        try {
          await web.goto(fixture('pp-title.html'));
          await waitForBodyOccurrences(web, 'ETIAS', 1);
          await withPage(b, 'popup-title', async (page) => {
            const popup = await PopupUi.openFor(b, web, page);
            const row = await popup.waitForRow('etias', 15_000, onThisPage);
            await web.evaluate((flash) => CSS.highlights.delete(flash), FLASH_HIGHLIGHT);
            await popup.clickRow('etias');
            const reveal = await flashed(web);
            // The page shows ETIAS once in its text, and once in its <title>, which is not text on the page.
            assert.deepEqual(
              { badge: row.badge, flashedIn: reveal.para, flashedOnScreen: reveal.inView },
              { badge: '1×', flashedIn: 'etias', flashedOnScreen: true },
            );
          });
        } finally {
          await web.close();
        }
      },
    );

    void it(
      "switching the site off in the popup clears the tab's highlights at once, without a reload; on brings them back",
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const web = await b.newPage();
        try {
          await web.goto(fixture('pp-on-this-page.html'));
          await waitForHighlight(web, 'ETIAS');
          // A mark that a reload would wipe.
          await web.evaluate(() => {
            (window as unknown as { e2eNotReloaded: boolean }).e2eNotReloaded = true;
          });
          await withPage(b, 'popup-site-switch', async (page) => {
            const popup = await PopupUi.openFor(b, web, page);
            const host = new URL(fixture('pp-on-this-page.html')).hostname;
            const label = `On for ${host}`;
            await page.waitForFunction(
              (label) => [...document.querySelectorAll('label')].some((l) => l.textContent?.includes(label)),
              label,
            );
            assert.deepEqual(await popup.checkbox(label), { checked: true, disabled: false });
            assert.deepEqual(await popup.checkbox('Explain terms on web pages'), { checked: true, disabled: false });

            await popup.toggle(label);
            try {
              assert.deepEqual(await popup.checkbox(label), { checked: false, disabled: false });
              await web
                .waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) === 0, HIGHLIGHT_NAME)
                .catch(async (error: unknown) => {
                  throw new Error(`The tab still shows highlights: ${JSON.stringify(await highlightedTexts(web))}`, {
                    cause: error,
                  });
                });
              assert.equal(
                await web.evaluate(() => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded),
                true,
                'the tab was reloaded',
              );
              // Still off a moment later (no rescan brings them back).
              await sleep(1000);
              assert.equal(await web.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME), 0);
            } finally {
              await popup.toggle(label);
            }
            assert.deepEqual(await popup.checkbox(label), { checked: true, disabled: false });
            await waitForHighlight(web, 'ETIAS');
            assert.equal(
              await web.evaluate(() => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded),
              true,
              'the tab was reloaded',
            );
          });
        } finally {
          await web.close();
        }
      },
    );

    for (const rules of ['wcag', 'best-practice'] as const) {
      void it(
        `axe-core: no ${rules === 'wcag' ? 'WCAG 2.0/2.1 A/AA' : 'best-practice'} violations in the popup (on-this-page list, search results, term detail)`,
        { timeout: TEST_TIMEOUT },
        async () => {
          const b = running();
          const web = await b.newPage();
          try {
            await web.goto(fixture('pp-on-this-page.html'));
            await waitForBodyOccurrences(web, 'ETIAS', 2);
            await withPage(b, `popup-axe-${rules}`, async (page) => {
              const popup = await PopupUi.openFor(b, web, page);
              await popup.waitForRow('etias');
              const found: Record<string, AxeViolation[]> = {};
              found['on-this-page list'] = (await runAxe(page, rules)).violations;
              await popup.search('noordzee');
              found['search results'] = (await runAxe(page, rules)).violations;
              await popup.pressEnter();
              found['term detail'] = (await runAxe(page, rules)).violations;
              assert.deepEqual(
                found,
                { 'on-this-page list': [], 'search results': [], 'term detail': [] },
                JSON.stringify(found, null, 2),
              );
            });
          } finally {
            await web.close();
          }
        },
      );
    }

    if (name === 'chromium') {
      void it(
        'screenshot: docs/popup.png (400 px wide, "On this page" for a page with ETIAS twice)',
        { timeout: TEST_TIMEOUT },
        async () => {
          const b = running();
          const web = await b.newPage();
          try {
            await web.goto(fixture('pp-on-this-page.html'));
            await waitForBodyOccurrences(web, 'ETIAS', 2);
            await withPage(b, 'popup-screenshot', async (page) => {
              if (page.browserName !== 'chromium') throw new Error('unreachable');
              await page.raw.setViewportSize({ width: 400, height: 300 }); // fullPage: as tall as the popup
              const popup = await PopupUi.openFor(b, web, page);
              // Only this page's terms in the picture: forget the terms opened by the tests before.
              await page.evaluate(() =>
                (
                  globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }
                ).chrome.storage.local.remove('recentTerms'),
              );
              await page.goto(b.extensionUrl('popup.html'));
              await popup.waitForRow('etias');
              assert.deepEqual(
                (await popup.results()).map((r) => r.id),
                ['etias', 'nsec'],
              );
              await mkdir(path.join(REPO_ROOT, 'docs'), { recursive: true });
              const file = path.join(REPO_ROOT, 'docs/popup.png');
              await page.raw.screenshot({ path: file, fullPage: true });
              const png = await readFile(file);
              assert.equal(png.readUInt32BE(16), 400, 'docs/popup.png is not 400 px wide');
            });
          } finally {
            await web.close();
          }
        },
      );
    }
  });
}
