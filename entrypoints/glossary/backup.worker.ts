import type { Backup } from '@/core/backup';
import { checkBackup, openDatabase, restoreBackup } from '@/db';
import { summarizeBackup } from '@/core/backup';
import type { FromBackupWorker, ToBackupWorker } from '@/ui-data/backup-protocol';

// The glossary page's backup worker: reading, checking and restoring a backup happen here, off the
// page's thread (ui-data/backup-protocol.ts). Bundled by Vite from the `new Worker(new URL(…))` in
// BackupPanel.tsx.
const db = openDatabase();
/** The file checked last, kept until the reader restores it or chooses another. */
let checked: { job: number; backup: Backup } | null = null;

const post = (message: FromBackupWorker) => postMessage(message);

/** At most one progress message this often (ms): the page re-renders on each. */
const PROGRESS_EVERY_MS = 100;
function progress(job: number, step: 'checking' | 'restoring') {
  let last = -Infinity;
  return (done: number, total: number) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    post({ type: 'progress', job, step, done, total });
  };
}

async function handle(message: ToBackupWorker): Promise<void> {
  const { job } = message;
  try {
    if (message.type === 'check') {
      checked = null;
      const backup = await checkBackup(db, await message.file.text(), { onProgress: progress(job, 'checking') });
      checked = { job, backup };
      post({ type: 'checked', job, summary: summarizeBackup(backup), settings: backup.settings });
    } else {
      const backup = checked?.job === job ? checked.backup : null;
      checked = null;
      if (!backup) throw new Error('Choose the backup file again.');
      const result = await restoreBackup(db, backup, { onProgress: progress(job, 'restoring') });
      post({ type: 'restored', job, result });
    }
  } catch (error) {
    checked = null;
    post({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
  }
}

addEventListener('message', (event: MessageEvent<ToBackupWorker>) => void handle(event.data));
