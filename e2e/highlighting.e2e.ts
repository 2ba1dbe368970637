/**
 * What the content script highlights, the same in both browsers: exactly the glossary terms on a
 * page (and none of their look-alikes), never in form fields, editors, scripts or styles; text that
 * arrives later, in open shadow roots and in frames; under a strict CSP, with the underline painted;
 * without changing the page's DOM; and how the popup's switches change it in an open tab.
 *
 * Every check compares the highlighted strings (sorted, duplicates kept) with an exact expectation.
 * Highlighting runs in idle slices and after batched mutations, so each check first waits (polling)
 * until the highlights equal what is expected, then waits a quiet period and compares again: a
 * stray highlight that arrives late still fails the test.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import {
  TEST_TIMEOUT,
  startFixtureServer,
  withPage,
  type FixtureServer,
  type TestFrame,
  type TestPage,
  BROWSERS,
  FIXTURES_DIR,
  sleep,
  useBrowser,
} from './harness';
import { HIGHLIGHT_NAME } from './pages/highlights';
import { LABELS, SettingsPanel, resetSettings } from './pages/settings';

/** How long to wait for highlights to reach the expected state (2 shared cores: be generous). */
const SETTLE_TIMEOUT = 25_000;
/** How long the highlights must then stay as they are. */
const QUIET_MS = 1_500;
/** Tests that open a popup and switch settings back and forth do more than one test's worth. */
const LONG_TEST_TIMEOUT = 2 * TEST_TIMEOUT;

/**
 * hl-terms.html: every string the content script must highlight there, checked against the aliases
 * in data/glossary.json. Not highlighted on purpose: "12 nsec", "Nsec-waarden", "NSECs" (acronyms are
 * case-sensitive and whole words), "Osaka" and "OSA" (the bare acronym is no alias: it has too many other
 * meanings), "REPowerEU" and "EUR" (EU), "Article 35 TFEU"
 * (only its TFEU), "Article 3501", and the everyday words "overeenkomst" and "waterstof".
 */
const TERMS_PAGE = [
  'Art. 350 AEUV',
  'Article 350 TFEU',
  'Benelux-landen',
  'Comite van Ministers',
  'Comité van Ministers',
  'ETIAS',
  'EU',
  'GBVB',
  'NRW',
  'NSEC',
  'Noordrijn-Westfalen',
  'Raad\n   Algemene\u00a0Zaken',
  'TFEU',
  'art. 350 VwEU',
  'article 350 du TFUE',
];

/**
 * everyday-senses.html: what its "terms" paragraphs list in data-expect; its "everyday" paragraphs (a
 * glossary word in a sense it does not have, in four languages) contribute nothing.
 */
const EVERYDAY_PAGE = [
  ...(await readFile(path.join(FIXTURES_DIR, 'everyday-senses.html'), 'utf8')).matchAll(/data-expect="([^"]*)"/g),
].flatMap((m) => m[1]!.split('|'));

/** hl-frames.html, per document. */
const FRAMES_PAGE = {
  top: ['NSEC'],
  same: ['GBVB', 'JBZ'],
  cross: ['Benelux-landen', 'ETIAS'],
} as const;

let server: FixtureServer | undefined;
before(async () => {
  server = await startFixtureServer();
});
after(async () => {
  await server?.close();
});
function fixture(name: string, options?: { crossOrigin?: boolean }): string {
  if (!server) throw new Error('The fixture server did not start');
  return server.url(name, options);
}
/** The same fixture on another site: "localhost" instead of "127.0.0.1" (same server, other hostname). */
function fixtureOnOtherSite(name: string): string {
  const url = new URL(fixture(name));
  url.hostname = 'localhost';
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Reading what is highlighted
// ---------------------------------------------------------------------------------------------

interface Hit {
  /** The highlighted text. */
  text: string;
  /** The id of the nearest element with an id around it (within its own tree), or ''. */
  block: string;
  /** The shadow hosts it sits in, outermost first ("card > card-inner"), or '' in the document. */
  shadow: string;
}

/** Every range of the highlight, read in the frame's main world (it shares CSS.highlights). */
function readHits(frame: TestFrame): Promise<Hit[]> {
  return frame.evaluate(
    (name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const node = r.startContainer;
        let text: string;
        try {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          text = range.toString();
        } catch {
          // A StaticRange is not updated when its text changes: until the scanner replaces it,
          // its offsets may point past the end. Reported as such; the wait goes on.
          text = `<stale range ${r.startOffset}-${r.endOffset} in ${JSON.stringify(node.textContent)}>`;
        }
        const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
        const hosts: string[] = [];
        for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
          hosts.unshift(root.host.id || root.host.localName);
        }
        return { text, block: element?.closest('[id]')?.id ?? '', shadow: hosts.join(' > ') };
      }),
    HIGHLIGHT_NAME,
  );
}

const byText = (hit: Hit): string => hit.text;
const byBlock = (hit: Hit): string => `${hit.text} @${hit.block}`;
const byShadow = (hit: Hit): string => `${hit.text} @${hit.shadow || 'document'}`;

async function readKeys(frame: TestFrame, key: (hit: Hit) => string): Promise<string[]> {
  return (await readHits(frame)).map(key).sort();
}

/**
 * Waits until the highlighted strings (as `key` shows them, sorted, duplicates kept) equal
 * `expected`, then for QUIET_MS, and asserts they still do. On timeout the assertion shows the diff.
 */
async function expectHighlights(
  frame: TestFrame,
  expected: readonly string[],
  what: string,
  key: (hit: Hit) => string = byText,
): Promise<void> {
  const want = [...expected].sort();
  const deadline = Date.now() + SETTLE_TIMEOUT;
  let seen = await readKeys(frame, key);
  while (JSON.stringify(seen) !== JSON.stringify(want) && Date.now() < deadline) {
    await sleep(150);
    seen = await readKeys(frame, key);
  }
  assert.deepEqual(seen, want, `${what}: highlighted (left) ≠ expected (right) after ${SETTLE_TIMEOUT} ms`);
  await sleep(QUIET_MS);
  assert.deepEqual(await readKeys(frame, key), want, `${what}: the highlights changed after they had settled`);
}

/** A marker in the page's main world: still there later = the page was not reloaded. */
async function markPage(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { hlNotReloaded?: boolean }).hlNotReloaded = true;
  });
}
async function assertNotReloaded(page: TestPage): Promise<void> {
  assert.equal(
    await page.evaluate(() => (window as unknown as { hlNotReloaded?: boolean }).hlNotReloaded === true),
    true,
    'the page was reloaded',
  );
}

/** hl-frames.html in `page`: each document checked at once (the three quiet periods overlap). */
async function expectFramesPage(page: TestPage, what: string, cleared = false): Promise<void> {
  const expect = (list: readonly string[]) => (cleared ? [] : list);
  const [same, cross] = await Promise.all([page.frame('/hl-frame-same.html'), page.frame('/hl-frame-cross.html')]);
  await Promise.all([
    expectHighlights(page, expect(FRAMES_PAGE.top), `${what}, top document`),
    expectHighlights(same, expect(FRAMES_PAGE.same), `${what}, same-origin frame`),
    expectHighlights(cross, expect(FRAMES_PAGE.cross), `${what}, cross-origin frame`),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Pixels: is the underline painted?
// ---------------------------------------------------------------------------------------------

interface Bitmap {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** Decodes the 8-bit RGB/RGBA, non-interlaced PNGs that both drivers write (no dependency needed). */
function decodePng(png: Buffer): Bitmap {
  let width = 0;
  let height = 0;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = body;
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const [bitDepth, colorType, , , interlace] = header ? [...header.subarray(8, 13)] : [];
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    throw new Error(`Unsupported PNG (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  }
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (data[row + x - channels] ?? 0) : 0;
      const b = y > 0 ? (data[row - stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (data[row - stride + x - channels] ?? 0) : 0;
      let v = raw[line + x] ?? 0;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`Bad PNG filter ${filter} in row ${y}`);
      data[row + x] = v & 0xff;
    }
  }
  return { width, height, channels, data };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Pixels in `box` (CSS px) that are clearly blue, as the underline's #4f83d9 is and black text on
 * white (greys) is not.
 */
function bluePixels(bitmap: Bitmap, box: Box, scale: number): number {
  let count = 0;
  const x0 = Math.max(0, Math.floor(box.left * scale));
  const x1 = Math.min(bitmap.width, Math.ceil(box.right * scale));
  const y0 = Math.max(0, Math.floor(box.top * scale));
  const y1 = Math.min(bitmap.height, Math.ceil(box.bottom * scale));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * bitmap.width + x) * bitmap.channels;
      const r = bitmap.data[i] ?? 0;
      const b = bitmap.data[i + 2] ?? 0;
      if (b - r >= 60 && b >= 140) count++;
    }
  }
  return count;
}

async function screenshotBitmap(page: TestPage): Promise<Bitmap> {
  const dir = await mkdtemp(path.join(tmpdir(), 'benelux-e2e-shot-'));
  try {
    const file = path.join(dir, 'shot.png');
    await page.screenshot(file);
    return decodePng(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The tests, once per browser
// ---------------------------------------------------------------------------------------------

for (const name of BROWSERS) {
  void describe(`${name}: highlighting`, () => {
    const running = useBrowser(name);

    void it(
      'explains no word in a sense it does not have (Dutch, English, French, German), and the real terms beside them',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'everyday-senses', async (page) => {
          await page.goto(fixture('everyday-senses.html'));
          assert.ok(EVERYDAY_PAGE.length >= 8, EVERYDAY_PAGE.join());
          await expectHighlights(page, EVERYDAY_PAGE, 'everyday-senses.html');
        }),
    );

    void it('highlights exactly the glossary terms on a page of terms and look-alikes', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'hl-terms', async (page) => {
        await page.goto(fixture('hl-terms.html'));
        await expectHighlights(page, TERMS_PAGE, 'hl-terms.html');
      }),
    );

    void it('leaves input values, textareas, editors, scripts and styles alone', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'hl-skip', async (page) => {
        await page.goto(fixture('hl-skip.html'));
        await expectHighlights(page, ['GBVB'], 'hl-skip.html as loaded');

        // What a user types into the fields and the editor is not ours to mark either.
        for (const [selector, typed] of [
          ['#field', ' GBVB'],
          ['#area', ' GBVB'],
          ['#editor p', ' Getypt: GBVB en RAZ.'],
          ['#plain-editor', ' Getypt: GBVB.'],
        ] as const) {
          await page.click(selector);
          await page.press('End');
          await page.type(typed);
        }
        const typedIn = await page.evaluate(() => ({
          field: (document.getElementById('field') as HTMLInputElement).value,
          area: (document.getElementById('area') as HTMLTextAreaElement).value,
          // Editors may keep a typed space as a no-break space.
          editor: document.getElementById('editor')?.textContent?.replaceAll('\u00a0', ' '),
          plain: document.getElementById('plain-editor')?.textContent?.replaceAll('\u00a0', ' '),
        }));
        assert.deepEqual(typedIn, {
          field: 'ETIAS en NSEC GBVB',
          area: 'Het NSEC en ETIAS in een textarea. GBVB',
          editor: 'Een editor met ETIAS en NSEC. Getypt: GBVB en RAZ.',
          plain: 'Ook hier ETIAS. Getypt: GBVB.',
        });

        // A page script adds terms inside the editor, a style and a script; then a paragraph with
        // JBZ: once JBZ shows, the mutations before it have been seen.
        await page.evaluate(() => {
          const add = (parent: Element, tag: string, text: string) =>
            parent.appendChild(Object.assign(document.createElement(tag), { textContent: text }));
          add(document.getElementById('editor')!, 'p', 'Geplakt: RBZ.');
          add(document.body, 'style', '/* RBZ */');
          Object.assign(add(document.body, 'script', 'RBZ'), { type: 'text/plain' });
          add(document.body, 'textarea', 'Nieuw veld: RBZ.');
          add(document.body, 'p', 'Tot slot: JBZ.');
        });
        await expectHighlights(page, ['GBVB', 'JBZ'], 'hl-skip.html after typing and page-script additions');
      }),
    );

    void it(
      'highlights a paragraph a page script adds after load, and text it changes',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-dynamic', async (page) => {
          await page.goto(fixture('hl-dynamic.html'));
          await expectHighlights(page, ['NSEC @first'], 'as loaded', byBlock);

          await page.evaluate(() => {
            const p = Object.assign(document.createElement('p'), { id: 'added', textContent: 'Nieuw: het GBVB.' });
            document.getElementById('feed')!.append(p);
          });
          await expectHighlights(page, ['GBVB @added', 'NSEC @first'], 'after a paragraph was added', byBlock);

          await page.evaluate(() => {
            document.getElementById('feed')!.append('Los tekstknooppunt: JBZ.');
          });
          await expectHighlights(
            page,
            ['GBVB @added', 'JBZ @feed', 'NSEC @first'],
            'after a text node was added',
            byBlock,
          );

          // characterData: a term appears in existing text, and another one disappears from it.
          await page.evaluate(() => {
            (document.getElementById('changing')!.firstChild as Text).data = 'Nu noemt deze zin ETIAS.';
          });
          await expectHighlights(
            page,
            ['ETIAS @changing', 'GBVB @added', 'JBZ @feed', 'NSEC @first'],
            'after a text changed to name a term',
            byBlock,
          );
          await page.evaluate(() => {
            (document.getElementById('first')!.firstChild as Text).data = 'Hier stond iets.';
          });
          await expectHighlights(
            page,
            ['ETIAS @changing', 'GBVB @added', 'JBZ @feed'],
            'after a text changed to name none',
            byBlock,
          );

          await page.evaluate(() => document.getElementById('added')!.remove());
          await expectHighlights(page, ['ETIAS @changing', 'JBZ @feed'], 'after a paragraph was removed', byBlock);
        }),
    );

    void it('highlights text in open shadow roots, nested ones and ones added later', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'hl-shadow', async (page) => {
        await page.goto(fixture('hl-shadow.html'));
        await expectHighlights(
          page,
          ['NSEC @document', 'GBVB @card', 'Benelux-landen @card', 'ETIAS @card > card-inner'],
          'hl-shadow.html as loaded',
          byShadow,
        );

        await page.evaluate(() => {
          const text = document.getElementById('card')!.shadowRoot!.querySelector('p')!.firstChild as Text;
          text.data = 'In de schaduw nu: JBZ.';
          const late = Object.assign(document.createElement('hl-card'), { id: 'late' });
          late.setAttribute('text', 'Later toegevoegd: RAZ.');
          late.setAttribute('nested', 'Later en dieper: RBZ.');
          document.body.append(late);
        });
        await expectHighlights(
          page,
          ['NSEC @document', 'JBZ @card', 'ETIAS @card > card-inner', 'RAZ @late', 'RBZ @late > late-inner'],
          'after a shadow text changed and a component was added',
          byShadow,
        );
      }),
    );

    void it('highlights inside a same-origin and a cross-origin iframe', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'hl-frames', async (page) => {
        await page.goto(fixture('hl-frames.html'));
        const cross = await page.frame('/hl-frame-cross.html');
        assert.equal(
          await cross.evaluate(() => location.origin),
          new URL(fixture('hl-frame-cross.html', { crossOrigin: true })).origin,
        );
        assert.notEqual(await cross.evaluate(() => location.origin), await page.evaluate(() => location.origin));
        await expectFramesPage(page, 'hl-frames.html');
      }),
    );

    void it(
      "highlights under a page CSP of default-src 'self', and the underline is painted",
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-csp', async (page) => {
          await page.goto(fixture('hl-csp.html'));
          // The CSP is in force: the page's own inline script was blocked.
          assert.equal(
            await page.evaluate(() => (window as unknown as { hlInlineRan?: boolean }).hlInlineRan),
            undefined,
            'the inline script ran: the fixture is not served with its CSP',
          );
          await expectHighlights(page, ['ETIAS @term'], 'hl-csp.html', byBlock);

          const boxes = await page.evaluate((name) => {
            const box = (r: { getBoundingClientRect(): DOMRect }) => {
              const { left, top, right, bottom } = r.getBoundingClientRect();
              // The underline sits below the glyphs' box; look a little lower too.
              return { left, top, right, bottom: bottom + 12 };
            };
            const [range] = [...(CSS.highlights.get(name) ?? [])];
            const live = document.createRange();
            live.setStart(range!.startContainer, range!.startOffset);
            live.setEnd(range!.endContainer, range!.endOffset);
            const plain = document.createRange();
            const text = document.getElementById('plain')!.firstChild!;
            plain.setStart(text, 4); // "ETXAS": same place in the line, no term
            plain.setEnd(text, 9);
            return { term: box(live), plain: box(plain), scale: window.devicePixelRatio };
          }, HIGHLIGHT_NAME);

          const shown = await screenshotBitmap(page);
          // The same page without our highlight: remove it from the registry for one screenshot.
          await page.evaluate((name) => {
            const saved = globalThis as unknown as { hlSaved?: Highlight };
            saved.hlSaved = CSS.highlights.get(name);
            CSS.highlights.delete(name);
          }, HIGHLIGHT_NAME);
          let hidden: Bitmap;
          try {
            hidden = await screenshotBitmap(page);
          } finally {
            await page.evaluate((name) => {
              const saved = globalThis as unknown as { hlSaved?: Highlight };
              if (saved.hlSaved) CSS.highlights.set(name, saved.hlSaved);
            }, HIGHLIGHT_NAME);
          }
          const counts = {
            underTerm: bluePixels(shown, boxes.term, boxes.scale),
            underTermWithoutHighlight: bluePixels(hidden, boxes.term, boxes.scale),
            underPlainText: bluePixels(shown, boxes.plain, boxes.scale),
          };
          assert.ok(
            counts.underTerm >= 10 && counts.underTermWithoutHighlight === 0 && counts.underPlainText === 0,
            `expected a blue underline under ETIAS only (≥ 10 blue pixels there, none elsewhere): ${JSON.stringify(counts)}`,
          );
        }),
    );

    void it(
      'leaves the page DOM as it was, apart from at most one <benelux-glossary-ui>',
      { timeout: TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-dom', async (page) => {
          await page.goto(fixture('hl-terms.html'));
          await expectHighlights(page, TERMS_PAGE, 'hl-terms.html');
          // Our UI host comes when the browser is idle after the scan: give it the chance to appear.
          await page
            .waitForFunction(() => document.querySelector('benelux-glossary-ui') !== null, undefined, {
              timeout: 5_000,
            })
            .catch(() => undefined);

          const dom = await page.evaluate(() => {
            type Page = {
              hlBefore?: string;
              hlSerialize: (root?: Element) => string;
              hlMutations: {
                type: string;
                target: string;
                added: string[];
                removed: string[];
                attribute: string | null;
              }[];
            };
            const w = window as unknown as Page;
            const hosts = [...document.querySelectorAll('benelux-glossary-ui')];
            const clone = document.documentElement.cloneNode(true) as Element;
            clone.querySelectorAll('benelux-glossary-ui').forEach((host) => host.remove());
            return {
              before: w.hlBefore,
              afterWithoutHost: w.hlSerialize(clone),
              hosts: hosts.length,
              hostParents: hosts.map((h) => h.parentNode?.nodeName),
              mutations: w.hlMutations,
            };
          });
          assert.ok(dom.before, 'the fixture did not record the DOM at DOMContentLoaded');
          assert.ok(dom.hosts <= 1, `${dom.hosts} <benelux-glossary-ui> elements`);
          assert.deepEqual(dom.hostParents, dom.hosts === 1 ? ['HTML'] : []);
          assert.equal(dom.afterWithoutHost, dom.before, 'the DOM outside our host changed');
          const isHostInsertion = (m: (typeof dom.mutations)[number]) =>
            m.type === 'childList' &&
            m.target === 'HTML' &&
            JSON.stringify(m.added) === '["BENELUX-GLOSSARY-UI"]' &&
            m.removed.length === 0;
          const others = dom.mutations.filter((m) => !isHostInsertion(m) && m.target !== 'BENELUX-GLOSSARY-UI');
          assert.deepEqual(others, [], 'mutations of the page other than our host');
          assert.equal(dom.mutations.filter(isHostInsertion).length, dom.hosts, 'host insertions vs hosts present');
        }),
    );

    void it(
      'switching off everywhere in the popup clears every highlight in the open tab; on restores them',
      { timeout: LONG_TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-off-everywhere', async (page) => {
          await resetSettings(running());
          await page.goto(fixture('hl-frames.html'));
          await expectFramesPage(page, 'on');
          await markPage(page);
          const popup = await SettingsPanel.open(running());
          try {
            assert.equal(await popup.isOn(LABELS.everywhere), true);
            assert.equal(await popup.toggle(LABELS.everywhere), false);
            await popup.waitForStored({ enabled: false });
            await expectFramesPage(page, 'switched off everywhere', true);

            assert.equal(await popup.toggle(LABELS.everywhere), true);
            await popup.waitForStored({ enabled: true });
            await expectFramesPage(page, 'switched on again');
            await assertNotReloaded(page);
          } finally {
            await popup.close().catch(() => undefined);
            await resetSettings(running());
          }
        }),
    );

    void it(
      'switching off "On for <site>" clears that site (frames included) and no other; on restores it',
      { timeout: LONG_TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-off-site', (here) =>
          withPage(running(), 'hl-off-site-other', async (elsewhere) => {
            await resetSettings(running());
            // Same fixture, two sites. The other site's cross-origin frame is on 127.0.0.1, the site
            // switched off: it stays highlighted, because "site" means the tab's top frame.
            await here.goto(fixture('hl-frames.html'));
            await elsewhere.goto(fixtureOnOtherSite('hl-frames.html'));
            assert.equal(await here.evaluate(() => location.hostname), '127.0.0.1');
            assert.equal(await elsewhere.evaluate(() => location.hostname), 'localhost');
            assert.equal(
              await (await elsewhere.frame('/hl-frame-cross.html')).evaluate(() => location.hostname),
              '127.0.0.1',
            );
            await expectFramesPage(here, '127.0.0.1 tab');
            await expectFramesPage(elsewhere, 'localhost tab');
            await markPage(here);

            const popup = await SettingsPanel.open(running(), here);
            try {
              assert.equal(await popup.toggle(LABELS.here('127.0.0.1')), false);
              await popup.waitForStored({ disabledSites: ['127.0.0.1'] });
              await expectFramesPage(here, '127.0.0.1 tab, its site switched off', true);
              await expectFramesPage(elsewhere, 'localhost tab, while 127.0.0.1 is off');

              assert.equal(await popup.toggle(LABELS.here('127.0.0.1')), true);
              await popup.waitForStored({ disabledSites: [] });
              await expectFramesPage(here, '127.0.0.1 tab, its site on again');
              await expectFramesPage(elsewhere, 'localhost tab, at the end');
              await assertNotReloaded(here);
            } finally {
              await popup.close().catch(() => undefined);
              await resetSettings(running());
            }
          }),
        ),
    );

    void it(
      '"first occurrence only" leaves one range per term, the first in the page',
      { timeout: LONG_TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-first', async (page) => {
          await resetSettings(running());
          await page.goto(fixture('hl-first.html'));
          const all = [
            'NSEC @p1',
            'Europese Unie @p1',
            'NSEC @p2',
            'EU @p2',
            'GBVB @p2',
            'EU @p3',
            'Europese Unie @p3',
            'NSEC @p3',
          ];
          await expectHighlights(page, all, 'every occurrence (default)', byBlock);
          const popup = await SettingsPanel.open(running());
          try {
            assert.equal(await popup.toggle(LABELS.firstOnly), true);
            await popup.waitForStored({ highlightMode: 'first' });
            // One per term: "EU" and "Europese Unie" are the same term, whose first occurrence is in p1.
            await expectHighlights(
              page,
              ['NSEC @p1', 'Europese Unie @p1', 'GBVB @p2'],
              'first occurrence only',
              byBlock,
            );
            assert.equal(await popup.toggle(LABELS.firstOnly), false);
            await popup.waitForStored({ highlightMode: 'all' });
            await expectHighlights(page, all, 'every occurrence again', byBlock);
          } finally {
            await popup.close().catch(() => undefined);
            await resetSettings(running());
          }
        }),
    );

    void it(
      'an everyday word switched on in the popup is highlighted, and only that one',
      { timeout: LONG_TEST_TIMEOUT },
      () =>
        withPage(running(), 'hl-everyday', async (page) => {
          await resetSettings(running());
          await page.goto(fixture('hl-terms.html'));
          await expectHighlights(page, TERMS_PAGE, 'everyday words off (default)');
          const popup = await SettingsPanel.open(running());
          try {
            // The entry "overeenkomst" (highlight: false), named in English in the popup.
            assert.equal(await popup.toggle('Benelux agreement (convention)'), true);
            await popup.waitForStored({ everydayTermsOn: ['overeenkomst'] });
            await expectHighlights(page, [...TERMS_PAGE, 'overeenkomst'], 'with "overeenkomst" switched on');
            assert.equal(await popup.toggle('Benelux agreement (convention)'), false);
            await popup.waitForStored({ everydayTermsOn: [] });
            await expectHighlights(page, TERMS_PAGE, 'with "overeenkomst" off again');
          } finally {
            await popup.close().catch(() => undefined);
            await resetSettings(running());
          }
        }),
    );

    void it('highlights terms below the first screen of a long page', { timeout: TEST_TIMEOUT }, () =>
      withPage(running(), 'hl-long', async (page) => {
        await page.goto(fixture('hl-long.html'));
        const below = await page.evaluate(
          () => document.getElementById('bottom')!.getBoundingClientRect().top > 3 * window.innerHeight,
        );
        assert.equal(below, true, 'the fixture should put #bottom several screens down');
        await expectHighlights(page, ['NSEC @top', 'GBVB @bottom', 'Benelux-landen @bottom'], 'hl-long.html', byBlock);
      }),
    );
  });
}
