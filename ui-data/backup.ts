import { useMemo, useRef, useState } from 'preact/hooks';
import type { BackupView } from '@/components/BackupTools';
import {
  BACKUP_SETTING_NAMES,
  summarizeBackup,
  type Backup,
  type BackupSettingName,
  type BackupSettings,
} from '@/core/backup';
import { LETTER_GLOSSARY_ID } from '@/core/ids';
import { background } from '@/messaging/background';
import {
  disabledSites,
  dwellMs,
  enabledEverywhere,
  everydayTermsOn,
  explainLang,
  highlightMode,
  recentTerms,
  type Setting,
} from '@/settings';
import { glossariesChanged, useGlossaries } from './glossaries';
import { pageDatabase } from './page-db';

/** The settings a backup carries, each through its validated wrapper (settings/). */
const settingItems: { [K in BackupSettingName]: Setting<K> } = {
  enabled: enabledEverywhere,
  disabledSites,
  highlightMode,
  everydayTermsOn,
  dwellMs,
  recentTerms,
  explainLang,
};

async function readSettings(): Promise<BackupSettings> {
  const values = await Promise.all(BACKUP_SETTING_NAMES.map((name) => settingItems[name].getValue()));
  return Object.fromEntries(BACKUP_SETTING_NAMES.map((name, i) => [name, values[i]]));
}

async function writeSettings(settings: BackupSettings): Promise<void> {
  for (const name of BACKUP_SETTING_NAMES) {
    const value = settings[name];
    // Each value was parsed by its own schema (core/backup.ts); the pairing is lost to TypeScript here.
    if (value !== undefined) await settingItems[name].setValue(value as never);
  }
}

/** Saves a Blob as a file through a download link. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Progress is shown at most this often (ms): each update re-renders. */
const PROGRESS_EVERY_MS = 100;

export interface BackupActions {
  view: BackupView;
  /** The imported glossaries' entries and bytes (what "include my imported glossaries" adds). */
  imported: { entries: number; bytes: number };
  save: (includeGlossaries: boolean) => void;
  choose: (file: File) => void;
  restore: () => void;
  cancel: () => void;
}

/**
 * Saving and restoring a backup from the glossary page: the file is written a chunk at a time; a
 * chosen file is checked whole and summarised, and written only when the reader confirms — the
 * database in one transaction (db/backup-repo.ts), then the settings; the background then compiles
 * the enabled glossaries again and republishes the known terms to pages.
 */
export function useBackup(): BackupActions {
  const [view, setView] = useState<BackupView>({ phase: 'idle' });
  const checked = useRef<Backup | null>(null);
  const glossaries = useGlossaries();
  const imported = useMemo(() => {
    const rows = (glossaries ?? []).filter((g) => g.id !== LETTER_GLOSSARY_ID);
    return { entries: rows.reduce((s, g) => s + g.entryCount, 0), bytes: rows.reduce((s, g) => s + g.bytes, 0) };
  }, [glossaries]);

  const progress = (step: 'saving' | 'checking' | 'restoring') => {
    let last = -Infinity;
    return (done: number, total: number) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      setView({ phase: 'working', step, done, total });
    };
  };
  const fail = (error: unknown) => {
    checked.current = null;
    setView({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  return {
    view,
    imported,
    save(includeGlossaries) {
      setView({ phase: 'working', step: 'saving', done: 0, total: 0 });
      void (async () => {
        const { db, repo } = await pageDatabase();
        const chunks = await repo.collectBackup(db, {
          settings: await readSettings(),
          extensionVersion: browser.runtime.getManifest().version,
          includeGlossaries,
          onProgress: progress('saving'),
        });
        const parts: string[] = [];
        for await (const part of chunks) parts.push(part);
        const fileName = `benelux-glossary-backup-${new Date().toISOString().slice(0, 10)}.json`;
        download(fileName, new Blob(parts, { type: 'application/json' }));
        setView({ phase: 'saved', fileName });
      })().catch(fail);
    },
    choose(file) {
      checked.current = null;
      setView({ phase: 'working', step: 'checking', done: 0, total: 0 });
      void (async () => {
        // The letter's terms must be in the database to check notes against them.
        await background.ensureSeeded({});
        const { db, repo } = await pageDatabase();
        const backup = await repo.checkBackup(db, await file.text(), { onProgress: progress('checking') });
        checked.current = backup;
        setView({ phase: 'ready', fileName: file.name, summary: summarizeBackup(backup) });
      })().catch(fail);
    },
    restore() {
      const backup = checked.current;
      checked.current = null;
      if (!backup) return;
      setView({ phase: 'working', step: 'restoring', done: 0, total: 0 });
      void (async () => {
        const { db, repo } = await pageDatabase();
        const result = await repo.restoreBackup(db, backup, { onProgress: progress('restoring') });
        await writeSettings(backup.settings);
        // Compiles the enabled glossaries and republishes them with the known terms (every open page follows).
        glossariesChanged();
        setView({ phase: 'restored', result });
      })().catch(fail);
    },
    cancel() {
      checked.current = null;
      setView({ phase: 'idle' });
    },
  };
}
