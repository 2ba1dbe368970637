import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackupView } from '@/components/BackupTools';
import { BACKUP_SETTING_NAMES, type BackupSettingName, type BackupSettings } from '@/core/backup';
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
  tooltipTrigger,
  declinedDefinitions,
  type Setting,
} from '@/settings';
import type { FromBackupWorker, ToBackupWorker } from './backup-protocol';
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
  tooltipTrigger,
  declinedDefinitions,
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

/** The smallest interface of a Worker this needs. */
export interface BackupWorker {
  postMessage(message: ToBackupWorker): void;
  onmessage: ((event: MessageEvent<FromBackupWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

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
 * Saving and restoring a backup from the glossary page. Saving reads the database a chunk at a time
 * here. A chosen file is read, checked whole and summarised in a worker (100 000 entries take
 * seconds), and restored from there only when the reader confirms — the database in one transaction
 * (db/backup-repo.ts); then the settings are written here, and the background compiles the enabled
 * glossaries again and republishes the known terms to pages.
 */
export function useBackup(createWorker: () => BackupWorker): BackupActions {
  const [view, setView] = useState<BackupView>({ phase: 'idle' });
  const worker = useRef<BackupWorker | null>(null);
  const job = useRef(0);
  const settings = useRef<BackupSettings | null>(null);
  /** The chosen file's name, for the summary. */
  const fileName = useRef('');
  const glossaries = useGlossaries();
  const imported = useMemo(() => {
    const rows = (glossaries ?? []).filter((g) => g.id !== LETTER_GLOSSARY_ID);
    return { entries: rows.reduce((s, g) => s + g.entryCount, 0), bytes: rows.reduce((s, g) => s + g.bytes, 0) };
  }, [glossaries]);
  useEffect(() => () => worker.current?.terminate(), []);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    settings.current = null;
    job.current++;
  };
  const fail = (error: unknown) => {
    stop();
    setView({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
  };
  const onMessage = (message: FromBackupWorker) => {
    if (message.job !== job.current) return;
    if (message.type === 'progress') {
      setView({ phase: 'working', step: message.step, done: message.done, total: message.total });
    } else if (message.type === 'checked') {
      settings.current = message.settings;
      setView({ phase: 'ready', fileName: fileName.current, summary: message.summary });
    } else if (message.type === 'restored') {
      const restored = settings.current ?? {};
      stop();
      void writeSettings(restored)
        .then(() => {
          // Compiles the enabled glossaries and republishes them with the known terms (open pages follow).
          glossariesChanged();
          setView({ phase: 'restored', result: message.result });
        })
        .catch(fail);
    } else {
      fail(new Error(message.message));
    }
  };
  const send = (message: ToBackupWorker) => {
    if (!worker.current) {
      const w = createWorker();
      w.onmessage = (event) => onMessage(event.data);
      w.onerror = (event) => fail(new Error(event.message || 'The backup worker failed.'));
      worker.current = w;
    }
    worker.current.postMessage(message);
  };

  return {
    view,
    imported,
    save(includeGlossaries) {
      setView({ phase: 'working', step: 'saving', done: 0, total: 0 });
      let last = -Infinity;
      const onProgress = (done: number, total: number) => {
        const now = performance.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        setView({ phase: 'working', step: 'saving', done, total });
      };
      void (async () => {
        const { db, repo } = await pageDatabase();
        const chunks = await repo.collectBackup(db, {
          settings: await readSettings(),
          extensionVersion: browser.runtime.getManifest().version,
          includeGlossaries,
          onProgress,
        });
        const parts: string[] = [];
        for await (const part of chunks) parts.push(part);
        const name = `benelux-glossary-backup-${new Date().toISOString().slice(0, 10)}.json`;
        download(name, new Blob(parts, { type: 'application/json' }));
        setView({ phase: 'saved', fileName: name });
      })().catch((error: unknown) => setView({ phase: 'failed', message: String(error) }));
    },
    choose(file) {
      stop();
      const id = job.current;
      setView({ phase: 'working', step: 'checking', done: 0, total: 0 });
      // The letter's terms must be in the database to check notes against them.
      background.ensureSeeded({}).then(
        () => {
          if (id !== job.current) return;
          fileName.current = file.name;
          send({ type: 'check', job: id, file });
        },
        (error: unknown) => fail(error),
      );
    },
    restore() {
      setView({ phase: 'working', step: 'restoring', done: 0, total: 0 });
      send({ type: 'restore', job: job.current });
    },
    cancel() {
      stop();
      setView({ phase: 'idle' });
    },
  };
}
