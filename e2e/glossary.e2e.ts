/**
 * The glossary page, in both browsers: a deep link lands on its entry, a quote link lands on its
 * paragraph of the letter, the letter's terms explain themselves on hover like on any web page, a
 * note typed here shows at once in an open popup, and the "with my notes" filter shows exactly
 * the entries that have one.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, TEST_TIMEOUT, withPage, type TestPage, BROWSERS, sleep, useBrowser } from './harness';
import { GlossaryPage } from './pages/glossary';
import { PopupUi } from './pages/popup-ui';
import { readNotes, termBox, tooltipFrame, visibleTooltipHostBox, type Rect } from './pages/tooltip-notes';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Moves the pointer onto a highlighted term of the page and waits for its (unpinned) tooltip. */
async function hoverTerm(page: TestPage, text: string, name: string): Promise<Rect> {
  const box = await termBox(page, text);
  await sleep(400); // let scrolling settle: a scroll hides an unpinned tooltip
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  const frame = await tooltipFrame(page);
  await frame
    .waitForFunction(
      (name) => {
        const card = document.querySelector('.term-card');
        return (
          !!card &&
          card.getAttribute('role') === 'tooltip' &&
          card.querySelector('.term-name')?.textContent?.trim() === name
        );
      },
      name,
      { timeout: 15_000 },
    )
    .catch(async (error: unknown) => {
      const shown = await frame.evaluate(() => document.querySelector('.term-card .term-name')?.textContent ?? null);
      throw new Error(`Hovering "${text}" did not show its tooltip; the frame shows ${JSON.stringify(shown)}`, {
        cause: error,
      });
    });
  return box;
}

for (const name of BROWSERS) {
  void describe(`${name}: glossary page`, () => {
    const running = useBrowser(name);

    void it('glossary.html#term=etias scrolls to the ETIAS entry and focuses it', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'glossary-deep-link', async (page) => {
        const glossary = await GlossaryPage.open(running(), '#term=etias', page);
        // Wait for the scroll (or give up), then look at everything at once.
        await page
          .waitForFunction(() => {
            const r = document.getElementById('entry-etias')?.getBoundingClientRect();
            return !!r && scrollY > 0 && r.top >= -1 && r.top < innerHeight / 2;
          })
          .catch(() => undefined);
        const state = await glossary.entryState('etias');
        const focused = await page.evaluate(() => ({
          id: document.activeElement?.id ?? null,
          heading: document.activeElement?.querySelector('h3')?.textContent?.trim() ?? null,
        }));
        assert.ok(state, 'there is no #entry-etias');
        assert.deepEqual(
          {
            scrolled: state.scrollY > 0,
            atTopOfViewport: state.top >= -1 && state.top < state.viewport / 2,
            focused,
          },
          { scrolled: true, atTopOfViewport: true, focused: { id: 'entry-etias', heading: 'ETIAS' } },
          `entry: ${JSON.stringify(state)}`,
        );
      }),
    );

    void it(
      'a quote\'s "read in the letter" link lands on its paragraph of the reading view, marked as arrived',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'glossary-quote-link', async (page) => {
          const glossary = await GlossaryPage.open(running(), '#term=etias', page);
          const link = await glossary.quoteLink('etias');
          assert.ok(link, 'the ETIAS quote has no "read in the letter" link');
          await page.click('article#entry-etias figure.entry-quote a[href^="#letter="]');
          const target = link.href.replace('#letter=', '');
          const state = await page
            .waitForFunction((target) => {
              const el = document.getElementById(target);
              if (!el || !el.classList.contains('arrived') || el.getClientRects().length === 0) return false;
              const r = el.getBoundingClientRect();
              // Scrolling to it happens a frame after it is marked.
              if (r.bottom <= 0 || r.top >= innerHeight) return false;
              return { top: r.top, bottom: r.bottom, viewport: innerHeight, hash: location.hash };
            }, target)
            .catch(async (error: unknown) => {
              throw new Error(
                `The reading view did not arrive at ${target}: ${JSON.stringify(await glossary.letterState())}`,
                { cause: error },
              );
            });
          assert.equal(state.hash, link.href);
          assert.ok(
            state.bottom > 0 && state.top < state.viewport,
            `the paragraph is not on screen: ${JSON.stringify(state)}`,
          );
          const letter = await glossary.letterState();
          assert.equal(letter.shown, true, 'the reading view is not shown');
          assert.equal(
            letter.arrived.length,
            1,
            `not exactly one paragraph is marked: ${JSON.stringify(letter.arrived)}`,
          );
          assert.ok(
            letter.arrived[0]!.text.includes(collapse(link.quote)),
            `the paragraph does not contain the quote.\nquote: ${collapse(link.quote)}\nparagraph: ${letter.arrived[0]!.text}`,
          );
          assert.equal(
            await page.evaluate(() => document.querySelector('main:not([hidden]) article.entry') !== null),
            false,
            'the glossary entries are still shown beside the letter',
          );
        }),
    );

    void it('hovering a term in the reading view shows its tooltip', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'glossary-letter-hover', async (page) => {
        await page.goto(running().extensionUrl('glossary.html#letter='));
        await page.waitForFunction(() => (document.getElementById('letter')?.getClientRects().length ?? 0) > 0);
        const box = await hoverTerm(page, 'ETIAS', 'ETIAS');
        const host = await visibleTooltipHostBox(page);
        assert.equal(host.visible, true, 'the tooltip host is not visible');
        // Placed at the term: it starts just below it (or flips above it).
        const near = Math.abs(host.y - (box.y + box.height)) < 40 || Math.abs(host.y + host.height - box.y) < 40;
        assert.ok(
          near,
          `the tooltip is not next to the term: term ${JSON.stringify(box)}, tooltip ${JSON.stringify(host)}`,
        );
      }),
    );

    void it(
      'a note typed on the glossary page shows in an open popup, without a reload',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const popup = await PopupUi.open(b);
        try {
          await popup.openTerm('noordzee', 'nsec');
          const before = (await popup.noteValue()) ?? '';
          await popup.page.evaluate(() => {
            (window as unknown as { e2eNotReloaded: boolean }).e2eNotReloaded = true;
          });
          const text = ` Getypt op de glossary-pagina ${Date.now()}.`;
          await withPage(b, 'glossary-live-note', async (page) => {
            const glossary = await GlossaryPage.open(b, '#term=nsec', page);
            assert.equal(await glossary.noteValue('nsec'), before);
            await glossary.typeNote('nsec', text);
            await glossary.waitSaved('nsec', before + text);
          });
          await popup.page
            .waitForFunction(
              (t) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === t,
              before + text,
            )
            .catch(async (error: unknown) => {
              throw new Error(
                `The open popup shows ${JSON.stringify(await popup.noteValue())}, not the note typed on the glossary page`,
                {
                  cause: error,
                },
              );
            });
          assert.equal(
            await popup.page.evaluate(() => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded),
            true,
            'the popup was reloaded',
          );
        } finally {
          await popup.page.close();
        }
      },
    );

    void it('"With my notes" shows exactly the entries that have a note', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'glossary-with-notes', async (page) => {
        const glossary = await GlossaryPage.open(running(), '#term=waterstof', page);
        await glossary.typeNote('waterstof', 'Groen of grijs?');
        await glossary.waitSaved('waterstof', 'Groen of grijs?');
        const withNotes = (await readNotes(page)).map((n) => n.termId).sort();
        assert.ok(withNotes.includes('waterstof'));
        const all = await glossary.visibleEntryIds();
        await glossary.toggleFilter('With my notes');
        await page.waitForFunction(
          (n) => document.querySelectorAll('main:not([hidden]) article.entry').length === n,
          withNotes.length,
        );
        assert.deepEqual((await glossary.visibleEntryIds()).sort(), withNotes);
        await glossary.toggleFilter('With my notes');
        await page.waitForFunction(
          (n) => document.querySelectorAll('main:not([hidden]) article.entry').length === n,
          all.length,
        );
      }),
    );

    if (name === 'chromium') {
      void it(
        'screenshots: docs/glossary.png (an entry with its note) and docs/letter.png (the reading view with a tooltip)',
        { timeout: TEST_TIMEOUT },
        () =>
          withPage(running(), 'glossary-screenshots', async (page) => {
            if (page.browserName !== 'chromium') throw new Error('unreachable');
            await mkdir(path.join(REPO_ROOT, 'docs'), { recursive: true });
            await page.raw.setViewportSize({ width: 1100, height: 800 });
            const glossary = await GlossaryPage.open(running(), '#term=etias', page);
            const note = 'Vanaf eind 2026 — checken vóór de reis naar Canada.';
            if ((await glossary.noteValue('etias')) !== note) {
              await glossary.typeNote('etias', note);
              await glossary.waitSaved('etias', note);
            }
            await page.evaluate(() => {
              (document.activeElement as HTMLElement | null)?.blur();
              document.getElementById('entry-etias')?.scrollIntoView({ block: 'start' });
              scrollBy(0, -16);
            });
            await sleep(300);
            await page.raw.screenshot({ path: path.join(REPO_ROOT, 'docs/glossary.png') });

            const link = await glossary.quoteLink('etias');
            assert.ok(link);
            await page.click('article#entry-etias figure.entry-quote a[href^="#letter="]');
            await page.waitForFunction(() => !!document.querySelector('#letter .arrived'));
            await hoverTerm(page, 'ETIAS', 'ETIAS');
            await sleep(300);
            await page.raw.screenshot({ path: path.join(REPO_ROOT, 'docs/letter.png') });
          }),
      );
    }
  });
}
