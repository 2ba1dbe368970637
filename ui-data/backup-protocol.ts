import type { BackupSettings, BackupSummary } from '@/core/backup';
import type { RestoreResult } from '@/db';

/**
 * The glossary page's backup worker (entrypoints/glossary/backup.worker.ts): a chosen file is read,
 * parsed and checked there — 100 000 entries take seconds — and, once the reader confirms, restored
 * from there; the page only shows progress. Browser storage is not reachable from a worker: the
 * checked settings come back to the page, which writes them after the database.
 */
export type ToBackupWorker = { type: 'check'; job: number; file: File } | { type: 'restore'; job: number };

export type BackupStep = 'checking' | 'restoring';

export type FromBackupWorker =
  | { type: 'progress'; job: number; step: BackupStep; done: number; total: number }
  | { type: 'checked'; job: number; summary: BackupSummary; settings: BackupSettings }
  | { type: 'restored'; job: number; result: RestoreResult }
  | { type: 'failed'; job: number; message: string };
