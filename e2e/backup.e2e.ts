/**
 * Backup and restore as a reader moves between browsers: a note written and a term marked known in
 * Chromium and a glossary imported there, a backup saved with it (the downloaded file), restored in
 * Firefox — where the note shows on the glossary page, the imported terms are highlighted and the known
 * term is not. A broken backup is refused with its error, and nothing changes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HIGHLIGHT_NAME, waitForHighlight } from './pages/highlights';
import { BackupSection } from './pages/backup';
import { GlossariesPage } from './pages/glossaries';
import { GlossaryPage } from './pages/glossary';
import { TooltipPage } from './pages/tooltip';
import { FIXTURES_DIR, TEST_TIMEOUT, useBrowser, useFixtures, withPage } from './harness';

const fixture = useFixtures();
const NOTE = 'Noordzee-energie: zie ook het Pentalateraal Energieforum. (from Chromium)';

void describe('backup: Chromium → Firefox', () => {
  const chromium = useBrowser('chromium');
  const firefox = useBrowser('firefox');
  let dir = '';
  let backupFile = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'benelux-e2e-backup-'));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  void it('Chromium: a note and a known term go into the saved backup', { timeout: 2 * TEST_TIMEOUT }, () =>
    withPage(chromium(), 'backup-save', async (page) => {
      await page.goto(fixture('tt-basic.html'));
      await waitForHighlight(page, 'ETIAS');
      const tt = new TooltipPage(chromium(), page);
      await tt.clickAt(await tt.termPoint('ETIAS', { within: '#etias' }));
      await tt.waitForShown('ETIAS', { pinned: true });
      await tt.clickInCard('.term-known');
      await tt.waitForHidden();

      const glossaries = await GlossariesPage.open(chromium(), page);
      const imported = await glossaries.importFile(path.join(FIXTURES_DIR, 'gl-energy.tbx'));
      assert.equal(imported.role, 'status', imported.text);

      const glossary = await GlossaryPage.open(chromium(), '', page);
      await glossary.typeNote('nsec', NOTE);
      await glossary.waitSaved('nsec', NOTE);
      const text = await new BackupSection(page).save({ includeGlossaries: true });
      const backup = JSON.parse(text) as {
        format: string;
        notes: { notes: { termId: string; text: string }[] };
        known: { termId: string }[];
        glossaryFiles: { glossary: { id: string }; entries: unknown[] }[];
      };
      assert.equal(backup.format, 'benelux-glossary-backup');
      assert.deepEqual(
        backup.notes.notes.map((n) => [n.termId, n.text]),
        [['nsec', NOTE]],
      );
      assert.deepEqual(
        backup.known.map((k) => k.termId),
        ['etias'],
      );
      assert.deepEqual(
        backup.glossaryFiles.map((f) => f.glossary.id),
        ['iate-energy-and-climate-test-slice'],
      );
      assert.ok(backup.glossaryFiles[0]!.entries.length > 0);
      backupFile = path.join(dir, 'benelux-glossary-backup.json');
      await writeFile(backupFile, text, 'utf8');
    }),
  );

  void it('Firefox: a broken backup is refused with its error, and nothing changes', { timeout: TEST_TIMEOUT }, () =>
    withPage(firefox(), 'backup-broken', async (page) => {
      assert.ok(backupFile, 'no backup was saved in Chromium');
      const json = JSON.parse(await readFile(backupFile, 'utf8')) as {
        settings: Record<string, unknown>;
      };
      // Everything else valid: a restore that wrote before checking would write the note.
      json.settings.dwellMs = -1;
      const broken = path.join(dir, 'broken.json');
      await writeFile(broken, JSON.stringify(json), 'utf8');

      const glossary = await GlossaryPage.open(firefox(), '', page);
      const outcome = await new BackupSection(page).choose(broken);
      assert.ok('alert' in outcome, `the broken file was accepted: ${JSON.stringify(outcome)}`);
      assert.match(outcome.alert, /nothing changed/);
      assert.match(outcome.alert, /settings\.dwellMs/);
      const summary = await page.evaluate(() => !!document.querySelector('section.backup-tools .backup-summary'));
      assert.equal(summary, false, 'a summary was shown for a broken file');
      assert.equal(await glossary.noteValue('nsec'), '');
    }),
  );

  void it(
    'Firefox: the restored backup brings the note and the imported glossary; the known term is not highlighted',
    { timeout: 2 * TEST_TIMEOUT },
    () =>
      withPage(firefox(), 'backup-restore', async (page) => {
        await GlossaryPage.open(firefox(), '', page);
        const section = new BackupSection(page);
        const outcome = await section.choose(backupFile);
        assert.ok('summary' in outcome, `the backup was refused: ${JSON.stringify(outcome)}`);
        assert.match(outcome.summary, /1 notes, 1 known terms, 1 glossaries \(\d+ entries\)/);
        const done = await section.restore();
        assert.equal(done.role, 'status', done.text);
        assert.match(done.text, /notes 1 new/);
        // The page shows the restored note (Dexie liveQuery).
        await page.waitForFunction(
          (note) =>
            document.querySelector<HTMLTextAreaElement>('article#entry-nsec textarea.note-text')?.value === note,
          NOTE,
        );

        await page.goto(fixture('tt-basic.html'));
        const texts = await waitForHighlight(page, 'NSEC');
        const withoutEtias = await page
          .waitForFunction((name) => {
            const found = [...(CSS.highlights.get(name) ?? [])].map((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              return range.toString();
            });
            return found.includes('NSEC') && !found.includes('ETIAS') ? found : false;
          }, HIGHLIGHT_NAME)
          .catch((error: unknown) => {
            throw new Error(`ETIAS is still highlighted in Firefox: ${JSON.stringify(texts)}`, { cause: error });
          });
        assert.ok(withoutEtias.includes('NSEC'));

        // The imported glossary came along: its terms are highlighted in Firefox too.
        await page.goto(fixture('gl-page.html'));
        await waitForHighlight(page, 'CBAM');
      }),
  );
});
