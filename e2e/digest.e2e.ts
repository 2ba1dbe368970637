/**
 * The digest of a page, in both browsers: the popup's "on this page" list exports — copied as Markdown
 * with the keyboard, saved as Markdown and as CSV — exactly the page's terms (none of its look-alikes),
 * each with its definition in the reader's language and the reader's note, and the page's title and
 * URL. What is checked is what the popup hands the clipboard and the downloads.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BROWSERS, FIXTURES_DIR, REPO_ROOT, TEST_TIMEOUT, useBrowser, useFixtures, withPage } from './harness';
import { GlossariesPage } from './pages/glossaries';
import { onThisPage, PopupUi } from './pages/popup-ui';
import { bringToFront, waitForBodyOccurrences } from './pages/tooltip-notes';

const fixture = useFixtures();

interface Entry {
  id: string;
  name: Record<string, string>;
  short: Record<string, string>;
}
const glossary = JSON.parse(await readFile(path.join(REPO_ROOT, 'data/glossary.json'), 'utf8')) as {
  entries: Entry[];
};
const entry = (id: string) => glossary.entries.find((e) => e.id === id)!;

/** The fixture's title as the page has it, and as a Markdown heading shows it (every markup character escaped). */
const TITLE = 'Digest fixture — *Schengen* & the [North Sea] <b>';
const TITLE_MD = 'Digest fixture — \\*Schengen\\* \\& the \\[North Sea\\] \\<b\\>';
const NOTE_LINES = ['Ask the *desk* about [the secretariat](https://evil.example)', '=SUM(A1:A9)'];
const NOTE = NOTE_LINES.join('\n');
const BUTTONS = ['Copy as Markdown', 'Save as Markdown', 'Save as CSV'];
const ENERGY = 'IATE energy and climate (test slice)';
const CBAM_KEY = 'iate-energy-and-climate-test-slice:3580347';

/** RFC 4180: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const field = /"((?:[^"]|"")*)"(,|\r\n|$)/y;
  while (at < text.length) {
    field.lastIndex = at;
    const m = field.exec(text);
    if (!m) throw new Error(`not RFC 4180 CSV at ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
    row.push(m[1]!.replace(/""/g, '"'));
    at = field.lastIndex;
    if (m[2] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

const unescapeMd = (s: string) => s.replace(/\\(.)/g, '$1');

for (const name of BROWSERS) {
  void describe(`${name}: digest of a page`, () => {
    const running = useBrowser(name);

    void it(
      'the "on this page" list exports exactly the page\'s terms, definitions, the note, title and URL (Markdown copied and saved, CSV saved)',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        const web = await b.newPage();
        try {
          const url = fixture('dg-page.html');
          await web.goto(url);
          await waitForBodyOccurrences(web, 'ETIAS', 2);
          await waitForBodyOccurrences(web, 'NSEC', 1);
          await waitForBodyOccurrences(web, 'GBVB', 1);
          await withPage(b, 'digest', async (page) => {
            // A note on one of the page's terms, written first in the popup.
            const writer = await PopupUi.open(b, page);
            await writer.openTerm('noordzee', 'nsec');
            const before = (await writer.noteValue()) ?? '';
            await writer.typeNote(NOTE_LINES[0]!);
            await page.press('Enter');
            await page.type(NOTE_LINES[1]!);
            const note = before + NOTE;
            await writer.waitSaved(note);

            const popup = await PopupUi.openFor(b, web, page);
            await popup.waitForRow('etias', 15_000, onThisPage);
            // The list as the reader sees it: the rows with a count are the page's terms, in the digest's order.
            const listed = (await popup.results()).filter((r) => r.badge?.endsWith('×'));
            assert.deepEqual(listed.map((r) => r.id).sort(), ['etias', 'gbvb', 'nsec'], JSON.stringify(listed));
            assert.deepEqual(await popup.waitForDigest(), BUTTONS);
            const ids = listed.map((r) => r.id);
            const names = ids.map((id) => entry(id).name.en!);
            const counts = listed.map((r) => r.badge!.replace('×', ''));

            await bringToFront(page); // a real popup has the focus: the clipboard needs it
            await popup.recordExports();
            // Keyboard: from the search box, Tab reaches "Copy as Markdown"; Enter copies.
            await page.evaluate(() => document.querySelector<HTMLInputElement>('input.search')?.focus());
            await page.press('Tab');
            assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), BUTTONS[0]);
            await page.press('Enter');
            const copied = await popup.waitForExport(1);
            assert.equal(copied.kind, 'clipboard');
            assert.equal(await popup.digestStatus(), 'Copied');
            if (b.name === 'chromium' && page.browserName === 'chromium') {
              // Chromium lets a test read the clipboard back: what a paste gives.
              await b.raw.grantPermissions(['clipboard-read']);
              assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied.text);
            }

            await popup.clickDigest('Save as Markdown');
            const md = await popup.waitForExport(2);
            await popup.clickDigest('Save as CSV');
            const csv = await popup.waitForExport(3);

            // Markdown: the copy and the file are the same text.
            assert.equal(md.text, copied.text, 'the saved Markdown differs from the copied one');
            assert.match(md.name ?? '', /^benelux-glossary-digest-fixture-schengen-.*\.md$/);
            assert.match(md.type ?? '', /^text\/markdown/);
            assert.equal(md.linkInDocument, true);
            const lines = md.text.split('\n');
            assert.equal(lines[0], `# ${TITLE_MD}`);
            assert.equal(lines[2], `<${url}>`);
            const items = lines.filter((l) => l.startsWith('- '));
            assert.deepEqual(
              items.map((l) => unescapeMd(/^- \*\*(.*?)\*\*/.exec(l)?.[1] ?? l)),
              names,
              `items: ${JSON.stringify(items)}`,
            );
            const plain = unescapeMd(md.text);
            for (const id of ids) assert.ok(plain.includes(entry(id).short.en!), `no definition of ${id}:\n${md.text}`);
            // The note, line by line, its markup escaped: no link in the Markdown.
            assert.ok(
              md.text.includes(
                '  _Your note:_ Ask the \\*desk\\* about \\[the secretariat\\](https://evil.example)\\\n  \\=SUM(A1:A9)',
              ),
              md.text,
            );
            assert.equal(md.text.split('Your note').length - 1, 1, 'one note in the digest');

            // CSV: a byte-order mark, a header, one row per term of the page, in the list's order.
            assert.match(csv.name ?? '', /^benelux-glossary-digest-fixture-schengen-.*\.csv$/);
            assert.match(csv.type ?? '', /^text\/csv/);
            assert.ok(csv.text.startsWith('\uFEFF'), 'the CSV has no byte-order mark');
            const [header, ...rows] = parseCsv(csv.text.slice(1));
            assert.deepEqual(header, [
              'Term',
              'Abbreviations',
              'Definition',
              'Language',
              'Your note',
              'Times on the page',
              'Glossary',
              'Page title',
              'Page address',
            ]);
            assert.deepEqual(
              rows.map((r) => [r[0], r[2], r[3], r[5], r[7], r[8]]),
              ids.map((id, i) => [names[i], entry(id).short.en, 'en', counts[i], TITLE, url]),
            );
            assert.deepEqual(
              rows.map((r) => r[4]),
              ids.map((id) => (id === 'nsec' ? note : '')),
            );
          });
        } finally {
          await web.close();
        }
      },
    );

    void it(
      "an imported glossary's terms are in the digest beside the letter's, with their glossary; markup in a definition stays text",
      { timeout: 2 * TEST_TIMEOUT },
      () =>
        withPage(running(), 'digest-imported', async (admin) => {
          const b = running();
          const glossaries = await GlossariesPage.open(b, admin);
          const imported = await glossaries.importFile(path.join(FIXTURES_DIR, 'gl-energy.tbx'));
          assert.equal(imported.role, 'status', imported.text);
          const web = await b.newPage();
          try {
            const url = fixture('gl-page.html');
            await web.goto(url);
            await waitForBodyOccurrences(web, 'CBAM', 1);
            await waitForBodyOccurrences(web, 'ETIAS', 1);
            await withPage(b, 'digest-imported-popup', async (page) => {
              const popup = await PopupUi.openFor(b, web, page);
              await popup.waitForRow(CBAM_KEY);
              await popup.waitForDigest();
              const listed = (await popup.results()).filter((r) => r.badge?.endsWith('×'));
              assert.ok(
                listed.some((r) => r.id === 'etias'),
                JSON.stringify(listed),
              );
              await popup.recordExports();
              await popup.clickDigest('Save as CSV');
              const csv = await popup.waitForExport(1);
              await popup.clickDigest('Save as Markdown');
              const md = await popup.waitForExport(2);

              const [, ...rows] = parseCsv(csv.text.slice(1));
              // Exactly the list's terms, named as the list names them.
              assert.deepEqual(
                rows.map((r) => r[0]),
                listed.map((r) => r.name),
              );
              const cbam = rows[listed.findIndex((r) => r.id === CBAM_KEY)]!;
              assert.deepEqual(
                [cbam[0], cbam[1], cbam[3], cbam[6], cbam[7], cbam[8]],
                ['Carbon Border Adjustment Mechanism', 'CBAM', 'en', ENERGY, 'CBAM explained', url],
              );
              assert.match(cbam[2]!, /certain goods imported into the EU <img src=x onerror=alert\(1\)>$/);
              const etias = rows[listed.findIndex((r) => r.id === 'etias')]!;
              assert.equal(etias[6], 'Letter on the Dutch Benelux presidency 2023');

              assert.ok(
                md.text.includes(
                  '- **Carbon Border Adjustment Mechanism** (CBAM) — _IATE energy and climate (test slice)_',
                ),
                md.text,
              );
              assert.ok(md.text.includes('imported into the EU \\<img src=x onerror=alert(1)\\>'), md.text);
              assert.doesNotMatch(md.text, /(^|[^\\])<img/);
            });
          } finally {
            await web.close();
          }
        }),
    );
  });
}
