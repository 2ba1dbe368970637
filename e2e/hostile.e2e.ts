/**
 * Hostile pages (issue 17): what a page shares with us — our one host element, the CSS highlight
 * registry, window-level events, the DOM's size and churn, `message` events — attacked by fixtures
 * (e2e/fixtures/hp-page.html + hp-attacks.js, one attack per tab). For each: no error of ours, the
 * right highlights once the page settles, a tooltip on the next hover, one host and one highlight
 * of ours. One browser launch per browser; the survivors are written to docs/reliability.json.
 *
 * The heavy pages run at a fraction of the issue's scale here (SCALE; bench/hostile-pages.ts runs
 * them in full): 200 000 elements, a 2 MB text node, nesting 2 500 deep (5 000 crashes Chromium's
 * renderer with or without us), 30 frames.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSERS, sleep, useBrowser, useFixtures, withPage, type TestBrowser, type TestPage } from './harness';
import { HIGHLIGHT_NAME, highlightedTexts, waitForHighlight } from './pages/highlights';
import { HOST_SELECTOR, HOST_TAG, TooltipPage } from './pages/tooltip';
import { watchErrors } from './pages/errors';
import { recording } from './reliability';

const fixture = useFixtures();

interface Case {
  attack: string;
  /** Fraction of the full scale for the heavy pages. */
  size?: number;
  /** Highlighted once the page settled (besides ETIAS and NSEC of the base page). */
  expect?: string[];
  /** Highlighted once the page settled after the late attack (text the attack adds). */
  added?: string[];
  /** Never highlighted. */
  never?: string[];
  /** The term hovered for the tooltip check, where (a selector) when it occurs twice, and its card's name. */
  hover?: { term: string; within?: string; name?: string };
  /** The attack keeps running: hover right after the page's next change (see `waitForChange`). */
  churn?: 'replaced' | 'renders';
  /** What the test does after the page's late attack, before the checks. */
  then?: (page: TestPage) => Promise<void>;
}

const GBVB = { term: 'GBVB', name: 'Common Foreign and Security Policy (CFSP)' };

const CASES: Case[] = [
  { attack: 'none' },
  { attack: 'host-removed' },
  { attack: 'host-moved' },
  { attack: 'host-hidden' },
  { attack: 'host-restyled' },
  { attack: 'host-inert' },
  { attack: 'host-popover' },
  { attack: 'tag-name', expect: ['GBVB'], hover: GBVB },
  { attack: 'page-top-layer' },
  { attack: 'page-modal', added: ['GBVB'], hover: { ...GBVB, within: '#page-modal' } },
  { attack: 'highlights-clear' },
  { attack: 'highlight-delete' },
  { attack: 'highlight-same-name', never: ['Nothing to explain in this sentence at all.'] },
  { attack: 'listeners' },
  { attack: 'elements', size: 0.2, expect: ['GBVB'] },
  { attack: 'text-10mb', size: 0.2, expect: ['GBVB'] },
  // 5 000 deep crashes Chromium's renderer without us (bench/hostile-pages.ts): 2 500 here.
  // (Firefox lays out no box that deep: the text is highlighted but not shown, so ETIAS is hovered.)
  { attack: 'deep', size: 0.5, expect: ['GBVB'] },
  { attack: 'body-replaced', expect: ['GBVB'], churn: 'replaced' },
  { attack: 'rerender', expect: ['GBVB'], churn: 'renders' },
  {
    attack: 'contenteditable',
    expect: ['GBVB'],
    hover: { ...GBVB, within: '#after' },
    then: async (page) => {
      await page.click('#editor p');
      await page.type(' And ETIAS, typed. ');
    },
  },
  { attack: 'frames', size: 0.3 },
  { attack: 'forged' },
  { attack: 'flood' },
];

/** Our hosts in the page (a page element of our tag name is not ours: it is no popover). */
function ourHosts(page: TestPage): Promise<number> {
  return page.evaluate((selector) => document.querySelectorAll(selector).length, HOST_SELECTOR);
}

/** Waits until the attack's counter (`__hostile.state[key]`) moves on from what it is now. */
async function waitForChange(page: TestPage, key: 'replaced' | 'renders'): Promise<void> {
  const read = () =>
    page.evaluate(
      (key) => (window as unknown as { __hostile: { state: Record<string, number> } }).__hostile.state[key] ?? 0,
      key,
    );
  const now = await read();
  await page.waitForFunction(
    ({ key, now }) =>
      ((window as unknown as { __hostile: { state: Record<string, number> } }).__hostile.state[key] ?? 0) > now,
    { key, now },
  );
}

/** The ids WXT builds its event names from: the extension id in Chromium, the gecko id in Firefox. */
function runtimeIds(browser: TestBrowser): string[] {
  return browser.name === 'chromium' ? [browser.extensionId] : ['benelux-glossary@example.org', browser.extensionId];
}

async function hoverShows(browser: TestBrowser, page: TestPage, c: Case): Promise<void> {
  const term = c.hover?.term ?? 'ETIAS';
  // A churning page may replace the term under the pointer: the tooltip comes back on the next hover.
  for (let attempt = 1; ; attempt++) {
    if (c.churn) await waitForChange(page, c.churn);
    const tt = new TooltipPage(browser, page);
    await tt.page.mouseMove(2, 2);
    try {
      await tt.hover(term, { within: c.hover?.within });
      const { host } = await tt.waitForShown(c.hover?.name ?? term, { timeout: c.churn ? 3_000 : 10_000 });
      const topmost = await page.evaluate(({ x, y, tag }) => document.elementFromPoint(x, y)?.localName === tag, {
        x: host.rect.x + host.rect.width / 2,
        y: host.rect.y + host.rect.height / 2,
        tag: HOST_TAG,
      });
      assert.ok(topmost, `the tooltip is not the topmost element at its centre (${c.attack})`);
      await page.press('Escape');
      await tt.waitForHidden();
      return;
    } catch (error) {
      if (!c.churn || attempt >= 3) throw error;
    }
  }
}

for (const name of BROWSERS) {
  void describe(`${name}: hostile pages`, () => {
    const browser = useBrowser(name);

    for (const c of CASES) {
      void it(c.attack, { timeout: 90_000 }, async () => {
        await withPage(browser(), `hostile-${c.attack}`, async (page) => {
          const errors = await watchErrors(page);
          try {
            await recording('pages', name, c.attack, async () => {
              const query = `attack=${c.attack}${c.size ? `&size=${c.size}` : ''}`;
              await page.goto(fixture(`hp-page.html?${query}`));
              for (const term of ['ETIAS', 'NSEC', ...(c.expect ?? [])])
                await waitForHighlight(page, term, { timeout: 30_000 });
              // The host is made once the first scan is done (ahead of the first hover).
              await page.waitForFunction((selector) => !!document.querySelector(selector), HOST_SELECTOR, {
                timeout: 30_000,
              });
              await page.evaluate(
                (arg) => (window as unknown as { __hostile: { late(arg: unknown): void } }).__hostile.late(arg),
                { runtimeIds: runtimeIds(browser()) },
              );
              await c.then?.(page);
              // Once the page settles, the highlights are ours and right again.
              for (const term of ['ETIAS', 'NSEC', ...(c.expect ?? []), ...(c.added ?? [])])
                await waitForHighlight(page, term, { timeout: 30_000 });
              const texts = await highlightedTexts(page);
              for (const text of c.never ?? [])
                assert.ok(!texts.includes(text), `"${text}" is highlighted (${c.attack})`);
              if (c.attack === 'contenteditable')
                assert.equal(texts.filter((t) => t === 'ETIAS').length, 1, 'ETIAS highlighted in an editor');
              if (c.churn) assert.ok(texts.length < 20, `highlights pile up on a churning page: ${texts.length}`);
              await hoverShows(browser(), page, c);
              if (c.attack === 'body-replaced') {
                // The tooltip of a term whose text left the page goes with it (it never sticks at 0,0).
                const tt = new TooltipPage(browser(), page);
                await waitForChange(page, 'replaced');
                await tt.hover('ETIAS');
                await tt.waitForShown('ETIAS', { timeout: 3_000 }).catch(() => undefined);
                await waitForChange(page, 'replaced');
                await tt.waitForHidden({ timeout: 3_000 });
              }
              assert.equal(await ourHosts(page), 1, 'one host of ours');
              const registered = await page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT_NAME);
              assert.ok(registered, 'our highlight is registered');
              if (c.attack === 'frames') await framesHighlighted(page);
              await sleep(200); // errors from the last events reach us through the driver
              assert.deepEqual(errors.ours(), [], `errors of ours on the ${c.attack} page`);
            });
          } finally {
            await errors.stop();
          }
        });
      });
    }
  });
}

/** Every frame of the many-frames page highlights its NSEC. */
async function framesHighlighted(page: TestPage): Promise<void> {
  await page.waitForFunction(
    (name) => {
      const frames = [...document.querySelectorAll('iframe')];
      return (
        frames.length > 0 &&
        frames.every(
          (f) => ((f.contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights.get(name)?.size ?? 0) > 0,
        )
      );
    },
    HIGHLIGHT_NAME,
    { timeout: 30_000 },
  );
}
