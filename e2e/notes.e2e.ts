/**
 * Personal notes, in both browsers: what the user wrote is never lost — not by a restart, not by an
 * update that brings a new glossary, not by typing in the popup and a tooltip at once, not by a bad
 * import file, not by closing the popup mid-sentence — and a web page cannot read it from the
 * tooltip that shows it.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  REPO_ROOT,
  TEST_TIMEOUT,
  launchers,
  saveFailureScreenshot,
  withPage,
  type BrowserName,
  type TestBrowser,
  BROWSERS,
  sleep,
  useBrowser,
  useFixtures,
} from './harness';
import type { Glossary } from '../core/glossary-schema';
import { GlossaryPage } from './pages/glossary';
import { PopupUi } from './pages/popup-ui';
import {
  bringToFront,
  openTooltipEditor,
  pinTooltip,
  readNote,
  readNotes,
  storedGlossaryVersion,
  tooltipEditorValue,
  waitForStoredNote,
  waitForStoredNoteVia,
  waitForTooltipNote,
  type StoredNote,
} from './pages/tooltip-notes';

const fixture = useFixtures();

const BUILDS: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_EXTENSION_DIR ?? '.output/chrome-mv3',
  firefox: process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2',
};

/** Names the tooltip shows on the Dutch fixtures (entry.name.nl). */
const NAME = {
  etias: 'ETIAS',
  nsec: 'North Seas Energy Cooperation (NSEC)',
  gbvb: 'gemeenschappelijk buitenlands en veiligheidsbeleid (GBVB)',
  politie: 'Benelux-politieverdrag',
};

/** The bundled glossary as this build has it, and what the "newer build" changes in it. */
const BUNDLED = JSON.parse(await readFile(path.join(REPO_ROOT, 'data/glossary.json'), 'utf8')) as Glossary;
const GLOSSARY_VERSION = BUNDLED.version;
const NEW_GLOSSARY_VERSION = `${GLOSSARY_VERSION}-e2e`;
const NEW_MANIFEST_VERSION = '0.2.0';
/** The start of ETIAS's English short definition, marked in the newer build. */
const ETIAS_SHORT_EN = BUNDLED.entries.find((e) => e.id === 'etias')!.short.en.slice(0, 60);
const ETIAS_SHORT_MARK = `[glossary ${NEW_GLOSSARY_VERSION}] `;

/**
 * Writes into `to` a copy of the build in `from` that is a newer release: a new manifest version
 * and a new bundled glossary version (the background seeds it over the old one), with ETIAS's
 * English short definition changed so the new entries can be told apart from the old ones.
 */
async function writeNewerBuild(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  const bg = path.join(to, 'background.js');
  let js = await readFile(bg, 'utf8');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const version = new RegExp(
    `\\bversion:\\s*([\`"'])${escape(GLOSSARY_VERSION)}\\1(\\s*,\\s*asOf:\\s*[\`"']${escape(BUNDLED.asOf)}[\`"'])`,
    'g',
  );
  const versions = js.match(version)?.length ?? 0;
  const shorts = js.split(ETIAS_SHORT_EN).length - 1;
  if (versions !== 1 || shorts !== 1) {
    throw new Error(
      `Cannot patch ${bg}: expected one bundled glossary version "${GLOSSARY_VERSION}" next to asOf "${BUNDLED.asOf}" (found ${versions}) ` +
        `and one ETIAS short definition (found ${shorts}). Has the glossary or the bundler's output changed?`,
    );
  }
  js = js
    .replace(version, `version:$1${NEW_GLOSSARY_VERSION}$1$2`)
    .replace(ETIAS_SHORT_EN, ETIAS_SHORT_MARK + ETIAS_SHORT_EN);
  await writeFile(bg, js);
  const manifestFile = path.join(to, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { version: string };
  manifest.version = NEW_MANIFEST_VERSION;
  await writeFile(manifestFile, JSON.stringify(manifest));
}

/** Run in an extension page: the version of the loaded manifest (`browser` in Firefox, `chrome` in Chromium). */
function manifestVersion(): string {
  const g = globalThis as unknown as Record<string, { runtime: { getManifest(): { version: string } } } | undefined>;
  const api = g.browser ?? g.chrome;
  if (!api) throw new Error('no extension API in this page');
  return api.runtime.getManifest().version;
}

/** Writes a note on `id` in the popup (search, Enter, type) and waits for "Saved". */
async function writeNoteInPopup(browser: TestBrowser, query: string, id: string, text: string): Promise<StoredNote> {
  const popup = await PopupUi.open(browser);
  try {
    await popup.openTerm(query, id);
    const start = (await popup.noteValue()) ?? '';
    await popup.typeNote(text);
    await popup.waitSaved(start + text);
    const stored = await waitForStoredNote(popup.page, id, (n) => n?.text === start + text, `"${start + text}"`);
    assert.ok(stored);
    return stored;
  } finally {
    await popup.page.close();
  }
}

for (const name of BROWSERS) {
  void describe(`${name}: notes across a restart and an update`, () => {
    const temp: string[] = [];
    let browser: TestBrowser | undefined;
    after(async () => {
      await browser?.close().catch(() => undefined);
      for (const dir of temp) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    });
    async function tempDir(label: string): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), `benelux-e2e-${name}-${label}-`));
      temp.push(dir);
      return dir;
    }
    async function relaunch(options: { profileDir: string; extensionDir?: string }): Promise<TestBrowser> {
      await browser?.close();
      browser = undefined;
      browser = await launchers[name](options);
      return browser;
    }

    void it(
      'a note written in the popup is there after closing and relaunching the browser, in the popup and in the tooltip',
      { timeout: 3 * TEST_TIMEOUT },
      async () => {
        const profileDir = await tempDir('restart');
        const text = `Aanvraag vóór vertrek indienen; geldig drie jaar of tot het paspoort verloopt.`;
        let b = await relaunch({ profileDir });
        const firstBase = b.extensionBaseUrl;
        const written = await writeNoteInPopup(b, 'etias', 'etias', text);

        b = await relaunch({ profileDir });
        assert.equal(b.extensionBaseUrl, firstBase, 'the extension origin changed across the restart');
        const popup = await PopupUi.open(b);
        await popup.openTerm('etias', 'etias');
        assert.equal(await popup.noteValue(), text, 'the popup does not show the note after the restart');
        assert.deepEqual(await readNote(popup.page, 'etias'), written, 'the stored note changed across the restart');
        await popup.page.close();

        await withPage(b, 'notes-restart-tooltip', async (web) => {
          await web.goto(fixture('nt-notes.html'));
          const frame = await pinTooltip(web, 'ETIAS', NAME.etias);
          const note = await waitForTooltipNote(frame, text);
          assert.deepEqual(note, { caption: 'Your note:', text });
          if (name === 'chromium' && web.browserName === 'chromium') {
            await mkdir(path.join(REPO_ROOT, 'docs'), { recursive: true });
            await web.raw.setViewportSize({ width: 1000, height: 860 });
            await pinTooltip(web, 'ETIAS', NAME.etias);
            await waitForTooltipNote(frame, text);
            await sleep(300); // the tooltip places itself after resizing
            await web.raw.screenshot({ path: path.join(REPO_ROOT, 'docs/note-tooltip.png') });
          }
        });
      },
    );

    void it(
      'a note survives installing a newer build with a new glossary version; the new glossary is seeded',
      { timeout: 4 * TEST_TIMEOUT },
      async () => {
        const profileDir = await tempDir('update-profile');
        // Chromium derives an unpacked extension's id from its path, and the profile's data is
        // keyed by that id: the newer build must load from the same path as the old one.
        const extensionDir = path.join(await tempDir('update-ext'), name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
        await cp(path.resolve(REPO_ROOT, BUILDS[name]), extensionDir, { recursive: true });
        const text = `Notitie van vóór de update — ${name} ${Date.now()}`;

        let b = await relaunch({ profileDir, extensionDir });
        const oldBase = b.extensionBaseUrl;
        const written = await writeNoteInPopup(b, 'noordzee', 'nsec', text);
        const reader = await b.openExtensionPage('popup.html');
        assert.equal(await storedGlossaryVersion(reader), GLOSSARY_VERSION);
        assert.equal(await reader.evaluate(manifestVersion), '0.1.0');

        await b.close();
        browser = undefined;
        await writeNewerBuild(path.resolve(REPO_ROOT, BUILDS[name]), extensionDir);
        if (name === 'chromium') {
          // Seen here: relaunched on an unpacked build changed on disk, Chromium reads the new
          // manifest but keeps running the old, cached service-worker script (its onInstalled
          // listener reported the old code's version, and the old glossary stayed seeded even
          // after a page asked for the term index). A real update registers the new worker;
          // dropping the profile's service-worker cache does the same here. IndexedDB and
          // storage live elsewhere in the profile and are untouched.
          await rm(path.join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
        }

        b = await relaunch({ profileDir, extensionDir });
        assert.equal(
          b.extensionBaseUrl,
          oldBase,
          'the updated extension has another origin: its data is not reachable',
        );
        const page = await b.openExtensionPage('popup.html');
        assert.equal(
          await page.evaluate(manifestVersion),
          NEW_MANIFEST_VERSION,
          'the browser did not load the newer build',
        );
        // The background seeds the new glossary on update by itself (no message from us first).
        const deadline = Date.now() + 15_000;
        let seeded = await storedGlossaryVersion(page);
        while (seeded !== NEW_GLOSSARY_VERSION && Date.now() < deadline) {
          await sleep(250);
          seeded = await storedGlossaryVersion(page);
        }
        assert.equal(
          seeded,
          NEW_GLOSSARY_VERSION,
          'the background did not seed the new glossary version after the update',
        );
        assert.deepEqual(await readNote(page, 'nsec'), written, 'the note changed across the update');

        // What the user sees: the note, and the new glossary's text.
        const popup = await PopupUi.open(b, page);
        await popup.openTerm('noordzee', 'nsec');
        assert.equal(await popup.noteValue(), text);
        await page.click('article.detail button.back');
        await popup.openTerm('etias', 'etias');
        const short = await page.evaluate(() => document.querySelector('article.detail p.short')?.textContent ?? '');
        assert.ok(
          short.startsWith(ETIAS_SHORT_MARK),
          `the popup shows the old glossary's ETIAS: ${JSON.stringify(short)}`,
        );
      },
    );
  });

  void describe(`${name}: notes`, () => {
    const running = useBrowser(name);

    void it(
      'typing in the popup and in a tooltip at the same time loses neither addition',
      { timeout: 2 * TEST_TIMEOUT },
      async () => {
        const b = running();
        const base = 'Basis.';
        await writeNoteInPopup(b, 'noordzee', 'nsec', base);
        const web = await b.newPage();
        const popup = await PopupUi.open(b);
        try {
          await popup.openTerm('noordzee', 'nsec');
          assert.equal(await popup.noteValue(), base);
          await web.goto(fixture('nt-notes.html'));
          await bringToFront(web);
          const frame = await pinTooltip(web, 'NSEC', NAME.nsec);
          await openTooltipEditor(web, frame);
          assert.equal(await tooltipEditorValue(frame), base);

          const fromTooltip = ' [uit de tooltip]';
          const fromPopup = ' [uit de popup]';
          // The popup's editor gets focus first, so the popup's typing can start the moment the
          // tooltip's ends: well inside the tooltip's 250 ms save delay, both are pending at once.
          await popup.page.click('textarea.note-text');
          await popup.page.evaluate(() => {
            const area = document.querySelector<HTMLTextAreaElement>('textarea.note-text');
            area?.setSelectionRange(area.value.length, area.value.length);
          });
          await web.press('End');
          await web.type(fromTooltip);
          await popup.page.type(fromPopup);

          const stored = await waitForStoredNote(
            popup.page,
            'nsec',
            (n) => !!n && n.text.includes(fromTooltip) && n.text.includes(fromPopup),
            'both additions',
            20_000,
          );
          assert.ok(stored);
          const count = (s: string, part: string) => s.split(part).length - 1;
          assert.ok(stored.text.startsWith(base), `the base text is gone: ${JSON.stringify(stored.text)}`);
          assert.equal(
            count(stored.text, fromTooltip),
            1,
            `tooltip text not exactly once: ${JSON.stringify(stored.text)}`,
          );
          assert.equal(count(stored.text, fromPopup), 1, `popup text not exactly once: ${JSON.stringify(stored.text)}`);
          // Both editors end up showing what is stored.
          await popup.page
            .waitForFunction(
              (t) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === t,
              stored.text,
            )
            .catch(async (e: unknown) => {
              throw new Error(
                `The popup shows ${JSON.stringify(await popup.noteValue())}, stored: ${JSON.stringify(stored.text)}`,
                { cause: e },
              );
            });
          await frame
            .waitForFunction(
              (t) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === t,
              stored.text,
            )
            .catch(async (e: unknown) => {
              throw new Error(
                `Nothing was lost (stored: ${JSON.stringify(stored.text)}), but the tooltip's editor still shows ` +
                  `${JSON.stringify(await tooltipEditorValue(frame))}`,
                {
                  cause: e,
                },
              );
            });
          // Settled: nothing more is written after a pause.
          await sleep(1000);
          assert.deepEqual(await readNote(popup.page, 'nsec'), stored);
        } catch (error) {
          for (const [label, p] of [
            ['popup', popup.page],
            ['web', web],
          ] as const) {
            const shot = await saveFailureScreenshot(p, `${name}-notes-concurrent-${label}`);
            if (shot && error instanceof Error) error.message += `\n(screenshot: ${path.relative(REPO_ROOT, shot)})`;
          }
          throw error;
        } finally {
          await popup.page.close();
          await web.close();
        }
      },
    );

    void it(
      'an open tooltip shows a note changed in the popup, without a reload',
      { timeout: TEST_TIMEOUT },
      async () => {
        const b = running();
        await writeNoteInPopup(b, 'etias', 'etias', 'Eerste versie.');
        const web = await b.newPage();
        try {
          await web.goto(fixture('nt-notes.html'));
          const frame = await pinTooltip(web, 'ETIAS', NAME.etias);
          await waitForTooltipNote(frame, 'Eerste versie.');
          const popup = await PopupUi.open(b);
          try {
            await popup.openTerm('etias', 'etias');
            await popup.typeNote(' Tweede versie.');
            await popup.waitSaved('Eerste versie. Tweede versie.');
          } finally {
            await popup.page.close();
          }
          await bringToFront(web);
          assert.deepEqual(await waitForTooltipNote(frame, 'Tweede versie.'), {
            caption: 'Your note:',
            text: 'Eerste versie. Tweede versie.',
          });
        } finally {
          await web.close();
        }
      },
    );

    void it('deleting a note in the popup asks once, and Undo brings it back', { timeout: TEST_TIMEOUT }, async () => {
      const b = running();
      const id = 'artikel-350-vweu';
      const text = 'Proeftuin voor Europa: art. 350 VWEU laat de Benelux verder gaan.';
      await writeNoteInPopup(b, 'art 350', id, text);
      const popup = await PopupUi.open(b);
      const page = popup.page;
      try {
        await popup.openTerm('art 350', id);
        assert.equal(await popup.noteValue(), text);
        await page.click('button.note-remove');
        const question = await page.waitForFunction(
          () =>
            document.querySelector('.note-confirm[role="alertdialog"]')?.textContent?.replace(/\s+/g, ' ').trim() ||
            false,
        );
        assert.match(question, /^Delete this note\?/);
        assert.equal((await readNote(page, id))?.text, text, 'the note was deleted before the user confirmed');
        await page.click('.note-confirm-delete');
        const status = await page.waitForFunction(
          () =>
            document.querySelector('.note-deleted[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() || false,
        );
        assert.equal(status, 'Note deleted. Undo');
        await waitForStoredNote(page, id, (n) => n === null, 'deleted');
        await page.click('.note-deleted button');
        await page
          .waitForFunction((t) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === t, text)
          .catch(async (e: unknown) => {
            throw new Error(`After Undo the popup shows ${JSON.stringify(await popup.noteValue())}`, { cause: e });
          });
        await waitForStoredNote(page, id, (n) => n?.text === text, 'restored');
      } finally {
        await page.close();
      }
    });

    void it(
      'a malformed import changes no note and says what is wrong (bad JSON, version, unknown term, oversize text, duplicate)',
      { timeout: 2 * TEST_TIMEOUT },
      () =>
        withPage(running(), 'notes-import', async (page) => {
          const glossary = await GlossaryPage.open(running(), '', page);
          const t0 = Date.UTC(2026, 0, 1);
          const note = (termId: string, text: string, updatedAt = t0, revision = 1) => ({
            termId,
            text,
            createdAt: t0,
            updatedAt,
            revision,
          });
          const file = (notes: unknown[], extra: Record<string, unknown> = {}) =>
            JSON.stringify({
              format: 'benelux-glossary-notes',
              version: 1,
              exportedAt: new Date(t0).toISOString(),
              notes,
              ...extra,
            });

          // Two notes to protect, imported the ordinary way.
          const seed = await glossary.importFile(
            'seed.json',
            file([
              note('waterstof', 'Groene waterstof: eigen notitie.'),
              note('gasplatform', 'Gasplatform: eigen notitie.'),
            ]),
          );
          assert.equal(seed.role, 'status', `the valid import failed: ${seed.text}`);
          assert.match(seed.text, /Imported: 2 new/);
          const protectedNotes = await readNotes(page);
          assert.ok(protectedNotes.some((n) => n.termId === 'waterstof'));

          // Each bad file also holds a valid, newer note that would overwrite ours if anything were half-imported.
          const newer = note('waterstof', 'OVERSCHREVEN door een half gelezen bestand', t0 + 86_400_000, 5);
          const cases: { file: string; content: string; says: RegExp }[] = [
            { file: 'not-json.json', content: file([newer]).slice(0, -20), says: /not valid JSON/ },
            { file: 'version-3.json', content: file([newer], { version: 3 }), says: /version: unsupported version/ },
            {
              file: 'unknown-term.json',
              content: file([newer, note('geen-bestaande-term', 'x')]),
              says: /notes\[1\]\.termId: no glossary term "geen-bestaande-term"/,
            },
            {
              file: 'oversize.json',
              content: file([newer, note('gasplatform', 'x'.repeat(10_001), t0 + 86_400_000)]),
              says: /notes\[1\]\.text: a note holds at most 10000 characters/,
            },
            {
              file: 'duplicate.json',
              content: file([newer, newer]),
              says: /notes\[1\]\.termId: "waterstof" appears twice/,
            },
          ];
          const problems: string[] = [];
          for (const c of cases) {
            const message = await glossary.importFile(c.file, c.content);
            if (message.role !== 'alert') problems.push(`${c.file}: shown as ${message.role}: ${message.text}`);
            if (!c.says.test(message.text))
              problems.push(`${c.file}: the message does not say ${String(c.says)}: ${JSON.stringify(message.text)}`);
            if (!/nothing changed/.test(message.text))
              problems.push(
                `${c.file}: the message does not say that nothing changed: ${JSON.stringify(message.text)}`,
              );
            const now = await readNotes(page);
            if (JSON.stringify(now) !== JSON.stringify(protectedNotes)) {
              problems.push(`${c.file}: the notes changed: ${JSON.stringify(now)}`);
            }
          }
          assert.deepEqual(problems, [], problems.join('\n'));
          assert.equal(await glossary.noteValue('waterstof'), 'Groene waterstof: eigen notitie.');

          // The same newer note on its own is imported: the bad files were refused for what was wrong in them.
          const ok = await glossary.importFile('valid-update.json', file([newer]));
          assert.deepEqual([ok.role, /Imported: 0 new, 1 updated/.test(ok.text)], ['status', true], ok.text);
          await page.waitForFunction(
            (t) =>
              document.querySelector<HTMLTextAreaElement>('article#entry-waterstof textarea.note-text')?.value === t,
            newer.text,
          );
        }),
    );

    void it(
      'closing the popup right after typing (inside the save delay) loses nothing, and leaves nothing stale behind',
      { timeout: 2 * TEST_TIMEOUT },
      async () => {
        const b = running();
        const id = 'benelux-politieverdrag';
        const text = `Snel getypt en meteen dicht — ${Date.now()}`;
        const popup = await PopupUi.open(b);
        await popup.openTerm('politieverdrag', id);
        assert.equal(await popup.noteValue(), '');
        await popup.typeNote(text);
        await popup.page.close();

        const again = await PopupUi.open(b);
        let leftDraft: string | null = null;
        try {
          await again.openTerm('politieverdrag', id);
          await again.page
            .waitForFunction(
              (t) => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value === t,
              text,
            )
            .catch(async (e: unknown) => {
              throw new Error(
                `Reopened, the popup shows ${JSON.stringify(await again.noteValue())} instead of ${JSON.stringify(text)}`,
                { cause: e },
              );
            });
          await waitForStoredNote(again.page, id, (n) => n?.text === text, JSON.stringify(text));
          leftDraft = await again.page.evaluate((id) => localStorage.getItem(`note-draft:${id}`), id);
        } finally {
          await again.page.close();
        }

        // Later the note is changed in a tooltip on a web page; the next popup shows that change and nothing older.
        const suffix = ' (bijgewerkt in de tooltip)';
        await withPage(b, 'notes-close-midedit-tooltip', async (web) => {
          await web.goto(fixture('nt-notes.html'));
          const frame = await pinTooltip(web, 'Benelux-politieverdrag', NAME.politie);
          await waitForTooltipNote(frame, text);
          await openTooltipEditor(web, frame);
          await web.press('End');
          await web.type(suffix);
          await waitForStoredNoteVia(b, id, (n) => n?.text === text + suffix, JSON.stringify(text + suffix));
        });
        const third = await PopupUi.open(b);
        try {
          await third.openTerm('politieverdrag', id);
          await sleep(1500); // room for anything the popup might still write on opening
          const stored = await readNote(third.page, id);
          assert.deepEqual(
            { shown: await third.noteValue(), stored: stored?.text },
            { shown: text + suffix, stored: text + suffix },
            `a later popup brought back older text; the popup closed mid-edit had left this draft in localStorage: ${String(leftDraft)}`,
          );
        } finally {
          await third.page.close();
        }
      },
    );

    void it(
      'a hostile page learns nothing of the note shown in a pinned tooltip (innerText, textContent, window.find, select all, MutationObserver, frames, messages, keys)',
      { timeout: 2 * TEST_TIMEOUT },
      () =>
        withPage(running(), 'notes-hostile', async (web) => {
          const b = running();
          const secret = `Geheim-${Date.now().toString(36)}-alleen-voor-mij`;
          await writeNoteInPopup(b, 'cfsp', 'gbvb', `Mijn notitie: ${secret}`);
          await web.goto(fixture('nt-hostile.html'));
          await bringToFront(web);
          const frame = await pinTooltip(web, 'GBVB', NAME.gbvb);
          await waitForTooltipNote(frame, secret);

          type Probe = { found: string[]; errors: string[]; frames: string[]; seen: number; messages: number };
          const probe = (s: string) =>
            web.evaluate((s) => (window as unknown as { hostile: { probe(s: string): Probe } }).hostile.probe(s), s);
          // The probe works: it finds visible page text by every route that can see it.
          const control = await probe('Zichtbare controletekst');
          for (const how of [
            'body.innerText',
            'documentElement.textContent',
            'window.find',
            'select all (execCommand)',
          ]) {
            assert.ok(
              control.found.includes(how),
              `the probe cannot even find page text by ${how}: ${JSON.stringify(control)}`,
            );
          }
          assert.ok(control.seen > 0, 'the MutationObserver saw nothing at all (not even our host element)');

          const shown = await probe(secret);
          assert.deepEqual(shown.found, [], `the page read the note through: ${shown.found.join(', ')}`);
          assert.ok(
            shown.frames.every((t) => t.startsWith('blocked')),
            `the page could read a frame: ${JSON.stringify(shown.frames)}`,
          );

          // Editing in the tooltip: what is typed stays in the extension's frame too.
          await openTooltipEditor(web, frame);
          const typed = `-getypt-${Date.now().toString(36)}`;
          await web.press('End');
          await web.type(typed);
          await waitForStoredNoteVia(b, 'gbvb', (n) => !!n?.text.endsWith(typed), 'the typed text');
          await bringToFront(web);
          const editing = await probe(secret);
          const keys = await probe(typed);
          assert.deepEqual(
            [...editing.found, ...keys.found],
            [],
            `while editing, the page read the note through: ${[...editing.found, ...keys.found].join(', ')}`,
          );
        }),
    );
  });
}
