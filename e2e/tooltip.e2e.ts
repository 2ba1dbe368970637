/**
 * The tooltip, in both browsers, as a reader meets it: pointing at a term explains it in the
 * reader's language, Escape / scrolling / clicking away close it, a click or a tap pins it as a
 * dialog without taking the click from the page, the keyboard command explains the selection, and
 * "I know this term" stops the highlighting. And as a hostile page meets it: the tooltip shows on
 * top of anything the page styles or stacks, never leaves the viewport, and the page can read none
 * of what it says. axe-core checks the tooltip page itself.
 *
 * Firefox: the tooltip frame is read through a local helper (see e2e/pages/tooltip.ts): BiDi in
 * Firefox does not expose extension frames.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  REPO_ROOT,
  TEST_TIMEOUT,
  withPage,
  type TestBrowser,
  type TestPage,
  BROWSERS,
  sleep,
  useBrowser,
  useFixtures,
} from './harness';
import { HIGHLIGHT_NAME, waitForHighlight, waitForStableHighlights } from './pages/highlights';
import { HOST_TAG, TooltipPage, type Box, type TooltipFrame } from './pages/tooltip';
import { LANGS, type Lang } from '../core/constants';
import type { Glossary } from '../core/glossary-schema';

const fixture = useFixtures();

/** ETIAS as the glossary explains it (data/glossary.json), in each language. */
const etiasEntry = (
  JSON.parse(await readFile(path.join(REPO_ROOT, 'data/glossary.json'), 'utf8')) as Glossary
).entries.find((e) => e.id === 'etias')!;
const ETIAS = {
  id: 'etias',
  name: 'ETIAS',
  expansion: etiasEntry.expansion!,
  /** The first words of the short definition. */
  short: Object.fromEntries(LANGS.map((lang) => [lang, etiasEntry.short[lang].slice(0, 60)])) as Record<Lang, string>,
  quote:
    'Ook zullen de Benelux-landen samen optrekken in de implementatie van het Europese reisautorisatiesysteem (ETIAS).',
};

/** Pieces of what the ETIAS tooltip shows that a page must never be able to read. */
const SECRETS = [
  'European Travel Information',
  'Authorisation System',
  'visa-exempt',
  'Regulation (EU) 2018/1240',
  'In the letter',
  'Ook zullen de Benelux-landen',
  'I know this term',
  'Open in glossary',
  'Explanation of ETIAS',
];

/** axe rules about whole pages (a main landmark, an h1, content in landmarks): the tooltip frame
 * is a fragment of the host page, not a page; every other rule counts. */
const AXE_PAGE_LEVEL_RULES = ['landmark-one-main', 'page-has-heading-one', 'region'];

const DOCS_DIR = path.join(REPO_ROOT, 'docs');

async function open(browser: TestBrowser, page: TestPage, name: string, term = 'ETIAS'): Promise<TooltipPage> {
  await page.goto(fixture(name));
  await waitForHighlight(page, term);
  return new TooltipPage(browser, page);
}

function inside(box: Box, viewport: { width: number; height: number }): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function viewport(page: TestPage): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
}

/** Records pointerdown / click on the page (capture), to see what input the page got. */
async function recordInput(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const log: { type: string; pointerType: string; target: string; defaultPrevented: boolean }[] = [];
    (window as unknown as { __input: typeof log }).__input = log;
    for (const type of ['pointerdown', 'click']) {
      addEventListener(
        type,
        (e) => {
          const target = e.target as Element;
          // Read after every listener ran, so a default prevented by anyone shows.
          setTimeout(() =>
            log.push({
              type,
              pointerType: (e as PointerEvent).pointerType ?? '',
              target: target.id || target.nodeName,
              defaultPrevented: e.defaultPrevented,
            }),
          );
        },
        true,
      );
    }
  });
}

function recordedInput(page: TestPage) {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __input: { type: string; pointerType: string; target: string; defaultPrevented: boolean }[];
        }
      ).__input,
  );
}

/** axe-core's violations in the tooltip frame, minus the page-level rules (see above). */
async function axeViolations(frame: TooltipFrame, axeSource: string) {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluateScript(axeSource);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
      passes: unknown[];
    }
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
      })),
    };
  });
  assert.ok(result.passes > 5, `axe checked almost nothing (${result.passes} passes): is the card rendered?`);
  return result.violations.filter((v) => !AXE_PAGE_LEVEL_RULES.includes(v.id));
}

/** A picture for the README: the paragraph #etias and the tooltip under it, saved in docs/. */
async function screenshotTooltip(page: TestPage, tooltip: Box, file: string): Promise<void> {
  if (page.browserName !== 'chromium') throw new Error('Chromium only');
  await mkdir(DOCS_DIR, { recursive: true });
  const paragraph = await page.evaluate(() => {
    const r = document.getElementById('etias')!.getBoundingClientRect();
    return { x: r.x, y: r.y, right: r.right };
  });
  await sleep(300); // let the frame paint
  const size = await viewport(page);
  const x = Math.max(0, Math.min(paragraph.x, tooltip.x) - 24);
  const y = Math.max(0, paragraph.y - 20);
  const right = Math.min(size.width, Math.max(paragraph.right, tooltip.x + tooltip.width) + 24);
  const bottom = Math.min(size.height, tooltip.y + tooltip.height + 24);
  await page.raw.screenshot({ path: path.join(DOCS_DIR, file), clip: { x, y, width: right - x, height: bottom - y } });
}

for (const name of BROWSERS) {
  void describe(`${name}: tooltip`, () => {
    const running = useBrowser(name);

    void it(
      'pointing at ETIAS on an English page explains it in English, below the term; Escape closes it',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-hover', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          const term = (await tt.termBoxes('ETIAS', { within: '#etias' }))[0]!;
          await tt.hover('ETIAS', { within: '#etias' });
          const { host, card } = await tt.waitForShown(ETIAS.name);

          assert.equal(card.role, 'tooltip', 'a hover shows a transient tooltip, not a dialog');
          assert.equal(card.expansion, ETIAS.expansion.en);
          assert.ok(card.short.startsWith(ETIAS.short.en), `short definition: ${card.short}`);
          assert.ok(card.quoteCaption.startsWith('In the letter:'), `quote caption: ${card.quoteCaption}`);
          assert.equal(card.quote, ETIAS.quote);
          assert.deepEqual(card.buttons, ['Add note', 'Open in glossary', 'I know this term']);
          assert.notEqual(host.opacity, '0');
          assert.ok(
            host.rect.y >= term.y + term.height && host.rect.y - (term.y + term.height) < 30,
            `placed just below the term: term ${JSON.stringify(term)}, tooltip ${JSON.stringify(host.rect)}`,
          );
          assert.ok(!overlaps(host.rect, term), 'the tooltip covers its own term');

          await page.press('Escape');
          const hidden = await tt.waitForHidden();
          assert.equal(hidden?.opacity, '0');
          assert.equal(hidden?.inert, true);
          assert.equal(hidden?.pointerEvents, 'none');
          assert.equal((await tt.card()).text, '', 'the hidden frame still shows text');
        }),
    );

    void it('on a Dutch page (lang="nl") the same term is explained in Dutch', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'tt-hover-nl', async (page) => {
        const tt = await open(running(), page, 'tt-nl.html');
        await tt.hover('ETIAS', { within: '#etias' });
        const { card } = await tt.waitForShown(ETIAS.name);
        assert.equal(card.expansion, ETIAS.expansion.nl);
        assert.ok(card.short.startsWith(ETIAS.short.nl), `short definition: ${card.short}`);
      }),
    );

    // The term is explained in the language it stands in: the page's, or a quote's own.
    const languageCases = [
      { fixture: 'tt-fr.html', within: '#etias', lang: 'fr', what: 'on a French page (lang="fr") in French' },
      { fixture: 'tt-de.html', within: '#etias', lang: 'de', what: 'on a German page (lang="de") in German' },
      {
        fixture: 'tt-mixed.html',
        within: '#etias-nl',
        lang: 'nl',
        what: 'in a Dutch quote (lang="nl") inside an English page in Dutch',
      },
      {
        fixture: 'tt-mixed.html',
        within: '#etias-en',
        lang: 'en',
        what: 'beside that quote, in the English page, in English',
      },
    ] as const;
    for (const c of languageCases) {
      void it(`ETIAS ${c.what}`, { timeout: TEST_TIMEOUT }, () =>
        withPage(running(), `tt-lang-${c.lang}-${c.within.slice(1)}`, async (page) => {
          const tt = await open(running(), page, c.fixture);
          await tt.hover('ETIAS', { within: c.within });
          const { host, card } = await tt.waitForShown(ETIAS.name);
          assert.equal(card.expansion, ETIAS.expansion[c.lang]);
          assert.ok(card.short.startsWith(ETIAS.short[c.lang]), `short definition: ${card.short}`);
          // The README shows a French and a German tooltip.
          if (page.browserName === 'chromium' && c.fixture !== 'tt-mixed.html') {
            await screenshotTooltip(page, host.rect, `tooltip-${c.lang}.png`);
          }
        }),
      );
    }

    void it(
      'on a Dutch page in an English browser, a screen reader is told which parts are Dutch and which English',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-lang-of-parts', async (page) => {
          const tt = await open(running(), page, 'tt-nl.html');
          await tt.hover('ETIAS', { within: '#etias' });
          const { card } = await tt.waitForShown(ETIAS.name);
          // The labels come from the browser's UI language (English here), the explanation from the page's.
          assert.ok(card.buttons.includes('I know this term'), `labels: ${JSON.stringify(card.buttons)}`);
          const langs = await (
            await tt.frame()
          ).evaluate(() => {
            // The primary language subtag: the browser may say en-US.
            const langOf = (selector: string) =>
              (document.querySelector(selector)?.closest('[lang]')?.getAttribute('lang') ?? '(none)').split('-')[0];
            return {
              short: langOf('.term-short'),
              expansion: langOf('.term-expansion'),
              knownButton: langOf('.term-known'),
              openButton: langOf('.term-open'),
              quoteCaption: langOf('.term-quote figcaption'),
            };
          });
          assert.deepEqual(langs, {
            short: 'nl',
            expansion: 'nl',
            knownButton: 'en',
            openButton: 'en',
            quoteCaption: 'en',
          });
        }),
    );

    if (name === 'chromium') {
      void it(
        'follows the colour scheme: screenshots docs/tooltip-light.png and docs/tooltip-dark.png',
        { timeout: TEST_TIMEOUT },
        () =>
          withPage(running(), 'tt-screenshots', async (page) => {
            if (page.browserName !== 'chromium') throw new Error('Chromium only');
            await mkdir(DOCS_DIR, { recursive: true });
            const colours: Record<string, { dark: boolean; background: string; page: string }> = {};
            for (const scheme of ['light', 'dark'] as const) {
              await page.raw.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
              const tt = await open(running(), page, 'tt-basic.html');
              await tt.hover('ETIAS', { within: '#etias' });
              const { host } = await tt.waitForShown(ETIAS.name);
              const frame = await tt.frame();
              colours[scheme] = {
                ...(await frame.evaluate(() => ({
                  dark: matchMedia('(prefers-color-scheme: dark)').matches,
                  background: getComputedStyle(document.body).backgroundColor,
                }))),
                page: await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
              };
              await screenshotTooltip(page, host.rect, `tooltip-${scheme}.png`);
              await page.press('Escape');
              await tt.waitForHidden();
            }
            assert.deepEqual(
              { light: colours.light?.dark, dark: colours.dark?.dark },
              { light: false, dark: true },
              'the tooltip frame sees the emulated colour scheme',
            );
            assert.equal(colours.light?.background, 'rgb(255, 255, 255)');
            assert.equal(colours.dark?.background, 'rgb(28, 32, 38)', 'dark tooltip background (--bg of tooltip.css)');
            assert.notEqual(colours.light?.page, colours.dark?.page, 'the fixture page follows the scheme too');
          }),
      );
    }

    void it(
      'shows on top of a page that hides it with !important rules and covers everything at z-index 2147483647',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-hostile-style', async (page) => {
          const tt = await open(running(), page, 'tt-hostile-style.html');
          await tt.hover('ETIAS', { within: '#etias' });
          const { host, card } = await tt.waitForShown(ETIAS.name);
          assert.equal(card.expansion, ETIAS.expansion.en);

          const probe = (tag: string) => {
            const el = document.querySelector(tag) as HTMLElement;
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            const points: [number, number][] = [
              [r.x + r.width / 2, r.y + r.height / 2],
              [r.x + 12, r.y + 12],
              [r.right - 12, r.y + 12],
              [r.x + 12, r.bottom - 12],
              [r.right - 12, r.bottom - 12],
            ];
            return {
              hits: points.map(([x, y]) => document.elementFromPoint(x, y)?.localName ?? null),
              opacity: s.opacity,
              display: s.display,
              visibility: s.visibility,
              clipPath: s.clipPath,
              width: r.width,
              height: r.height,
            };
          };
          const shown = await page.evaluate(probe, HOST_TAG);
          assert.deepEqual(
            shown.hits,
            Array(5).fill(HOST_TAG),
            'the page sees our host on top at its centre and corners',
          );
          assert.equal(shown.opacity, '1');
          assert.equal(shown.display, 'block');
          assert.equal(shown.visibility, 'visible');
          assert.equal(shown.clipPath, 'none');
          assert.ok(shown.width > 100 && shown.height > 50, `host size ${shown.width}×${shown.height}`);
          assert.ok(host.shown);
          // Inside the frame the card is laid out and visible (page rules do not reach it).
          const inFrame = await (
            await tt.frame()
          ).evaluate(() => {
            const article = document.querySelector('.term-card')!;
            return { height: article.getBoundingClientRect().height, visibility: getComputedStyle(article).visibility };
          });
          assert.ok(inFrame.height > 50 && inFrame.visibility === 'visible', JSON.stringify(inFrame));

          // The control: hidden, the same points hit the page's cover, so the checks above can fail.
          await page.press('Escape');
          await tt.waitForHidden();
          const hidden = await page.evaluate(probe, HOST_TAG);
          assert.ok(
            hidden.hits.every((h) => h !== HOST_TAG),
            `a hidden tooltip must not take the page's hits: ${JSON.stringify(hidden.hits)}`,
          );
        }),
    );

    void it(
      'stays inside the viewport for terms at each corner and for a term wrapped over two lines',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-edges', async (page) => {
          const tt = await open(running(), page, 'tt-edges.html');
          const size = await viewport(page);
          const cases = [
            { where: '#top-left', term: 'ETIAS', line: 0 },
            { where: '#top-right', term: 'ETIAS', line: 0 },
            { where: '#bottom-left', term: 'ETIAS', line: 0 },
            { where: '#bottom-right', term: 'ETIAS', line: 0 },
            { where: '#wrapped', term: ETIAS.expansion.en, line: 1 },
          ];
          const wrapped = await tt.termBoxes(ETIAS.expansion.en, { within: '#wrapped' });
          assert.ok(wrapped.length >= 2, `the long name should wrap: ${JSON.stringify(wrapped)}`);
          const problems: string[] = [];
          for (const c of cases) {
            const boxes = await tt.termBoxes(c.term, { within: c.where });
            const line = boxes[c.line]!;
            await tt.hover(c.term, { within: c.where, line: c.line });
            const { host } = await tt.waitForShown(ETIAS.name);
            if (!inside(host.rect, size)) {
              problems.push(`${c.where}: ${JSON.stringify(host.rect)} leaves ${size.width}×${size.height}`);
            }
            if (overlaps(host.rect, line)) {
              problems.push(`${c.where}: ${JSON.stringify(host.rect)} covers the term ${JSON.stringify(line)}`);
            }
            await page.press('Escape');
            await tt.waitForHidden();
          }
          assert.deepEqual(problems, []);
        }),
    );

    void it(
      'a page that reads everything it can learns nothing of what the tooltip says',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-spy', async (page) => {
          const tt = await open(running(), page, 'tt-spy.html');
          const collect = (secrets: string[]) => {
            const host = document.querySelector<HTMLElement>('benelux-glossary-ui');
            // What a script gets from serialising nodes (outerHTML / innerHTML, which the lint rule
            // keeps out of product code, would read the same).
            const serialise = (node: Node) => new XMLSerializer().serializeToString(node);
            const spy = (
              window as unknown as {
                __spy: { mutations: unknown[]; messages: string[]; hookedRoots: ShadowRoot[]; events: string[] };
              }
            ).__spy;
            const shadowRoots = [...document.querySelectorAll('*')]
              .filter((el) => el.shadowRoot)
              .map((el) => `${el.localName}: ${serialise(el.shadowRoot!)}`);
            const frames: string[] = [];
            for (let i = 0; i < window.frames.length; i++) {
              try {
                frames.push(`read: ${window.frames[i]!.document.body.innerText}`);
              } catch (error) {
                frames.push(`blocked: ${(error as Error).name}`);
              }
            }
            const select = () => {
              const selection = getSelection()!;
              selection.removeAllRanges();
              selection.selectAllChildren(document.documentElement);
              const all = selection.toString();
              selection.removeAllRanges();
              document.execCommand('selectAll');
              const command = getSelection()!.toString();
              getSelection()!.removeAllRanges();
              return { all, command };
            };
            const selected = select();
            const find = (text: string) => {
              getSelection()!.removeAllRanges();
              const found = (window as unknown as { find: (s: string) => boolean }).find(text);
              getSelection()!.removeAllRanges();
              return found;
            };
            return {
              innerText: document.documentElement.innerText,
              textContent: document.documentElement.textContent,
              serialised: serialise(document),
              hostShadowRoot: host ? (host.shadowRoot === null ? 'null' : 'readable') : 'no host',
              hostText: host ? `${serialise(host)}|${host.textContent}|${host.innerText}` : '',
              shadowRoots,
              hookedRoots: spy.hookedRoots.map(serialise),
              frames,
              selected,
              found: Object.fromEntries([...secrets, 'Authorisation'].map((s) => [s, find(s)])),
              foundOwnText: find('cooperate on'),
              mutations: spy.mutations,
              messages: spy.messages,
              events: spy.events,
              resources: performance.getEntries().map((e) => e.name),
            };
          };
          type Seen = ReturnType<typeof collect>;
          const check = (when: string, seen: Seen) => {
            // Controls: the spy works (it sees the page, our host arriving, its own text found).
            assert.ok(seen.innerText.includes('The Benelux countries will cooperate on ETIAS'), `${when}: innerText`);
            assert.ok(seen.selected.all.includes('cooperate on ETIAS'), `${when}: select-all`);
            assert.equal(seen.foundOwnText, true, `${when}: window.find should find the page's own text`);
            assert.ok(
              JSON.stringify(seen.mutations).includes(HOST_TAG),
              `${when}: the MutationObserver should have seen our host arrive`,
            );
            assert.equal(seen.hostShadowRoot, 'null', `${when}: our shadow root is closed`);
            // A frame in a shadow tree is not even in window.frames; any frame there must be unreadable.
            for (const f of seen.frames) assert.match(f, /^blocked/, `${when}: the page read a frame: ${f}`);
            assert.deepEqual(
              Object.entries(seen.found).filter(([, found]) => found),
              [],
              `${when}: window.find found tooltip text`,
            );
            const leaks: string[] = [];
            for (const [vector, value] of Object.entries(seen)) {
              const text = JSON.stringify(value);
              if (vector === 'found') continue; // keys are the secrets; the values were checked above
              for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${vector} ⊃ "${secret}"`);
            }
            assert.deepEqual(leaks, [], `${when}: the page learned tooltip text`);
          };

          await tt.hover('ETIAS', { within: '#etias' });
          const transient = await tt.waitForShown(ETIAS.name, { pinned: false });
          // The tooltip really shows every secret right now (else there would be nothing to leak).
          for (const s of SECRETS.filter((s) => s !== 'Explanation of ETIAS')) {
            assert.ok(transient.card.text.includes(s), `the tooltip should show "${s}"`);
          }
          check('transient', await page.evaluate(collect, SECRETS));

          await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
          const pinned = await tt.waitForShown(ETIAS.name, { pinned: true });
          assert.equal(pinned.card.ariaLabel, 'Explanation of ETIAS');
          check('pinned', await page.evaluate(collect, SECRETS));
        }),
    );

    void it(
      'a click pins the tooltip as a dialog with the focus; a link around a term still gets its click',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-pin', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          await recordInput(page);
          const point = await tt.termPoint('ETIAS', { within: '#etias' });
          await page.mouseMove(point.x, point.y);
          await tt.clickAt(point);
          const { card } = await tt.waitForShown(ETIAS.name, { pinned: true });
          assert.equal(card.role, 'dialog');
          assert.equal(card.ariaLabel, 'Explanation of ETIAS');
          assert.ok(card.buttons.includes('Close'), `buttons: ${JSON.stringify(card.buttons)}`);
          assert.equal(card.focusInDialog, true, 'the focus should be on the dialog inside the frame');
          assert.equal(await page.evaluate(() => document.activeElement?.localName), HOST_TAG);

          // Pinned, it stays when the pointer leaves (a transient one goes after a grace period).
          const size = await viewport(page);
          await page.mouseMove(10, size.height - 10);
          await sleep(1_000);
          assert.equal((await tt.host())?.shown, true, 'a pinned tooltip closed when the pointer left');

          // Click-away closes it.
          await tt.clickAway({ x: 10, y: size.height - 10 });
          await tt.waitForHidden();

          // A term inside a link: the link navigates, nobody prevented the click, and it pins.
          const inLink = await tt.termPoint('ETIAS', { within: '#link' });
          await page.mouseMove(inLink.x, inLink.y);
          await tt.clickAt(inLink);
          await page
            .waitForFunction(() => location.hash === '#clicked')
            .catch(() => {
              throw new Error('The link around the term did not navigate to #clicked');
            });
          await tt.waitForShown(ETIAS.name, { pinned: true });
          await sleep(100);
          const clicks = (await recordedInput(page)).filter((e) => e.type === 'click');
          assert.equal(clicks.length, 3, `the page should get all three clicks: ${JSON.stringify(clicks)}`);
          assert.deepEqual(
            clicks.filter((c) => c.defaultPrevented),
            [],
            'no click on the page may be prevented',
          );
          assert.deepEqual(
            [clicks[0]?.target, clicks[2]?.target],
            ['etias', 'etias-link'],
            'the clicks on the terms reached their elements',
          );

          // Close closes it.
          await tt.clickInCard('.term-close');
          await tt.waitForHidden();
        }),
    );

    void it(
      'the keyboard command (explain-selection) explains the term at the selection, pinned',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-command', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          const explained = (answers: unknown[]) =>
            answers.map((a) => (a as { res?: { explained?: unknown } } | undefined)?.res?.explained);

          // A selection without a term explains nothing.
          assert.equal(await tt.select({ selector: '#plain' }), 'Nothing to explain in this sentence at all.');
          const none = await tt.sendExplainSelection();
          assert.ok(explained(none).includes(null), `no tab answered the command: ${JSON.stringify(none)}`);
          assert.ok(!explained(none).some((e) => typeof e === 'string'), JSON.stringify(none));
          await sleep(500);
          const host = await tt.host();
          assert.ok(!host?.shown, 'a tooltip showed without a term at the selection');

          assert.equal(await tt.select({ term: 'ETIAS', within: '#etias' }), 'ETIAS');
          const answers = await tt.sendExplainSelection();
          assert.ok(explained(answers).includes(ETIAS.id), `answers: ${JSON.stringify(answers)}`);
          const { card, host: shown } = await tt.waitForShown(ETIAS.name, { pinned: true });
          assert.equal(card.ariaLabel, 'Explanation of ETIAS');
          assert.equal(card.expansion, ETIAS.expansion.en);
          const term = (await tt.termBoxes('ETIAS', { within: '#etias' }))[0]!;
          assert.ok(
            Math.abs(shown.rect.y - (term.y + term.height)) < 30,
            `shown at the selected term: term ${JSON.stringify(term)}, tooltip ${JSON.stringify(shown.rect)}`,
          );
        }),
    );

    void it(
      'Escape in a pinned tooltip closes it and gives the keyboard focus back to where it was',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-focus-return', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          // A keyboard user on the link selects a term and asks for its explanation.
          await page.evaluate(() => document.getElementById('etias-link')!.focus());
          await tt.select({ term: 'ETIAS', within: '#etias' });
          await tt.sendExplainSelection();
          const { card } = await tt.waitForShown(ETIAS.name, { pinned: true });
          assert.equal(card.focusInDialog, true, 'the focus should be in the pinned tooltip');

          await page.press('Escape'); // goes to the focused tooltip frame
          await tt.waitForHidden();
          const focus = await page.evaluate(() => ({
            hasFocus: document.hasFocus(),
            active: document.activeElement?.id || document.activeElement?.localName,
          }));
          assert.deepEqual(focus, { hasFocus: true, active: 'etias-link' }, 'where the keyboard focus went on close');
        }),
    );

    void it('axe-core finds no violations in the tooltip frame, transient and pinned', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'tt-axe', async (page) => {
        const axeSource = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
        const tt = await open(running(), page, 'tt-basic.html');
        const found: Record<string, Awaited<ReturnType<typeof axeViolations>>> = {};

        await tt.hover('ETIAS', { within: '#etias' });
        await tt.waitForShown(ETIAS.name, { pinned: false });
        found.transient = await axeViolations(await tt.frame(), axeSource);

        await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
        await tt.waitForShown(ETIAS.name, { pinned: true });
        found.pinned = await axeViolations(await tt.frame(), axeSource);

        if (page.browserName === 'chromium') {
          await page.raw.emulateMedia({ colorScheme: 'dark' });
          await sleep(200);
          found.pinnedDark = await axeViolations(await tt.frame(), axeSource);
        }
        const summary = Object.entries(found).flatMap(([state, violations]) =>
          violations.map((v) => `${state}: ${v.id} (${v.impact}) — ${v.help} — ${v.nodes.join(' / ')}`),
        );
        assert.deepEqual(summary, [], 'axe violations in the tooltip frame');
      }),
    );

    void it('a touch tap on a term pins its tooltip', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'tt-touch', async (page) => {
        const tt = await open(running(), page, 'tt-basic.html');
        await recordInput(page);
        const point = await tt.termPoint('ETIAS', { within: '#etias' });
        if (page.browserName === 'chromium') {
          // The persistent context has no hasTouch; CDP turns touch on for this page and taps.
          const cdp = await page.raw.context().newCDPSession(page.raw);
          await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x, y: point.y }] });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        } else {
          // WebDriver BiDi input.performActions with a touch pointer.
          await page.raw.touchscreen.tap(point.x, point.y);
        }
        const { card } = await tt.waitForShown(ETIAS.name, { pinned: true });
        assert.equal(card.ariaLabel, 'Explanation of ETIAS');
        await sleep(100);
        const input = await recordedInput(page);
        assert.ok(
          input.some((e) => e.type === 'pointerdown' && e.pointerType === 'touch'),
          `the page should have seen a touch: ${JSON.stringify(input)}`,
        );
      }),
    );

    void it(
      'a term further down the page, scrolled to before anything was hovered, gets its tooltip; scrolling hides a transient tooltip, not a pinned one',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-scroll', async (page) => {
          const tt = await open(running(), page, 'tt-long.html');
          // The reader scrolls first, then points at a term that was below the first screen.
          await page.evaluate(() => document.getElementById('below')!.scrollIntoView({ block: 'center' }));
          await sleep(300);
          await tt.hover('ETIAS', { within: '#below' });
          const { card } = await tt.waitForShown(ETIAS.name, { pinned: false });
          assert.equal(card.expansion, ETIAS.expansion.en);

          await page.evaluate(() => scrollBy(0, 40));
          await tt.waitForHidden();

          await tt.clickAt(await tt.termPoint('ETIAS', { within: '#below' }));
          await tt.waitForShown(ETIAS.name, { pinned: true });
          await page.evaluate(() => scrollBy(0, 20));
          await sleep(800);
          assert.equal((await tt.host())?.shown, true, 'scrolling closed a pinned tooltip');
        }),
    );

    void it('a pointer that flicks fast onto a term and stops there opens its tooltip', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'tt-flick', async (page) => {
        const tt = await open(running(), page, 'tt-basic.html');
        // One jump of several hundred px between two events: what a flick of the wrist sends.
        await tt.flickOnto(await tt.termPoint('ETIAS', { within: '#etias' }));
        const { card } = await tt.waitForShown(ETIAS.name, { pinned: false });
        assert.equal(card.expansion, ETIAS.expansion.en);
      }),
    );

    void it(
      'a tooltip appears where and as large as it stays, also when its frame is slow to lay out the card',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-no-jump', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          // A shorter card first, so that a tooltip shown before its own card is laid out would
          // show at that card's height.
          await tt.clickAt(await tt.termPoint('Benelux countries'));
          const before = await tt.waitForShown('Benelux countries', { pinned: true });
          await page.press('Escape');
          await tt.waitForHidden();

          // Hold back the frame's answers (its card's size, then "shown"), as on a busy machine.
          await tt.delayFrameReplies(600);
          await tt.recordHostFrames();
          await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
          await tt.waitForShown(ETIAS.name, { pinned: true });
          await tt.delayFrameReplies(0);
          await tt.waitForFrameReplies();
          const { host } = await tt.waitForShown(ETIAS.name, { pinned: true });
          const frames = await tt.visibleHostFrames();

          assert.notDeepEqual(host.rect, before.host.rect, 'the two cards should differ in size or place');
          assert.ok(frames.length > 0, 'no frame with the tooltip visible was recorded');
          const moved = frames.filter((box) => JSON.stringify(box) !== JSON.stringify(host.rect));
          assert.deepEqual(
            moved,
            [],
            `The tooltip showed elsewhere or at another size before it settled at ${JSON.stringify(host.rect)} ` +
              `(${moved.length} of ${frames.length} visible frames)`,
          );
        }),
    );

    // Last: it changes what this profile highlights (and undoes it).
    void it(
      '"I know this term" stops highlighting the term, here and on pages opened later',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'tt-known', async (page) => {
          const tt = await open(running(), page, 'tt-basic.html');
          try {
            await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
            await tt.waitForShown(ETIAS.name, { pinned: true });
            await tt.clickInCard('.term-known');
            await tt.waitForHidden().catch(async (error: unknown) => {
              throw new Error(
                `After a click on "I know this term" the tooltip stayed; the frame received: ${JSON.stringify(await tt.frameInput())}`,
                { cause: error },
              );
            });
            const texts = await page
              .waitForFunction((name) => {
                const texts = [...(CSS.highlights.get(name) ?? [])].map((r) => {
                  const range = document.createRange();
                  range.setStart(r.startContainer, r.startOffset);
                  range.setEnd(r.endContainer, r.endOffset);
                  return range.toString();
                });
                return texts.length > 0 && !texts.includes('ETIAS') ? texts : false;
              }, HIGHLIGHT_NAME)
              .catch(async (error: unknown) => {
                throw new Error(`ETIAS is still highlighted: ${JSON.stringify(await waitForStableHighlights(page))}`, {
                  cause: error,
                });
              });
            assert.ok(texts.includes('NSEC'), `other terms should stay highlighted: ${JSON.stringify(texts)}`);

            // Pointing where ETIAS was shows nothing now.
            await tt.pointAt(
              await page.evaluate(() => {
                const r = document.createRange();
                const node = document.getElementById('etias')!.firstChild!;
                const at = node.textContent!.indexOf('ETIAS');
                r.setStart(node, at);
                r.setEnd(node, at + 5);
                const b = r.getBoundingClientRect();
                return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
              }),
              { restMs: 1_000 },
            );
            assert.ok(!(await tt.host())?.shown, 'a tooltip showed for a known term');

            // Remembered: a page opened later does not highlight it either.
            await page.goto(fixture('tt-basic.html'));
            await waitForHighlight(page, 'NSEC');
            const later = await waitForStableHighlights(page);
            assert.ok(!later.includes('ETIAS'), `ETIAS highlighted again on a new page: ${JSON.stringify(later)}`);
          } finally {
            await tt.setKnown(ETIAS.id, false);
          }
          await page.goto(fixture('tt-basic.html'));
          await waitForHighlight(page, 'ETIAS'); // undone: later suites see the profile as before
        }),
    );
  });
}
