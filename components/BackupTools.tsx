import { useState } from 'preact/hooks';
import type { BackupSummary } from '@/core/backup';

/** What a restore did (db/backup-repo.ts RestoreResult). */
export interface RestoreCounts {
  notes: { added: number; updated: number; kept: number };
  known: number;
  glossaries: number;
  entries: number;
  /** Glossaries listed without their entries and not in this browser. */
  skipped: string[];
}

/** Where saving or restoring a backup stands. */
export type BackupView =
  | { phase: 'idle' }
  | { phase: 'working'; step: 'saving' | 'checking' | 'restoring'; done: number; total: number }
  | { phase: 'ready'; fileName: string; summary: BackupSummary }
  | { phase: 'saved'; fileName: string }
  | { phase: 'restored'; result: RestoreCounts }
  | { phase: 'failed'; message: string };

export interface BackupToolsLabels {
  heading: string;
  intro: string;
  save: string;
  include: (entries: number, megabytes: string) => string;
  restore: string;
  working: Record<'saving' | 'checking' | 'restoring', string>;
  summary: (s: BackupSummary) => string;
  listedOnly: (ids: string) => string;
  merge: string;
  confirm: string;
  cancel: string;
  saved: (fileName: string) => string;
  restored: (r: RestoreCounts) => string;
}

interface Props {
  labels: BackupToolsLabels;
  view: BackupView;
  /** The imported glossaries' entries and their size, roughly (none: no choice to offer). */
  imported: { entries: number; bytes: number };
  onSave: (includeGlossaries: boolean) => void;
  onChoose: (file: File) => void;
  onRestore: () => void;
  onCancel: () => void;
}

/**
 * Backup and restore: one file with everything the reader made, to move to another browser. A
 * restore shows what the file holds first; nothing is written until the reader confirms.
 */
export function BackupTools({ labels, view, imported, onSave, onChoose, onRestore, onCancel }: Props) {
  const [include, setInclude] = useState(false);
  const busy = view.phase === 'working' || view.phase === 'ready';
  return (
    <section class="backup-tools" aria-labelledby="backup-tools-heading">
      <h2 id="backup-tools-heading">{labels.heading}</h2>
      <p class="muted">{labels.intro}</p>
      <p>
        <button
          type="button"
          class="backup-save"
          disabled={busy}
          onClick={() => onSave(include && imported.entries > 0)}
        >
          {labels.save}
        </button>{' '}
        {imported.entries > 0 && (
          <label>
            <input
              type="checkbox"
              class="backup-include"
              checked={include}
              onChange={(e) => setInclude(e.currentTarget.checked)}
            />{' '}
            {labels.include(imported.entries, (imported.bytes / 1e6).toFixed(1))}
          </label>
        )}
      </p>
      <p>
        <label class="backup-restore">
          {labels.restore}{' '}
          <input
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) onChoose(file);
            }}
          />
        </label>
      </p>
      {view.phase === 'working' && (
        <p role="status" class="backup-progress">
          {labels.working[view.step]} {view.total > 0 && <progress value={view.done} max={view.total} />}
        </p>
      )}
      {view.phase === 'ready' && (
        <div role="group" class="backup-confirm" aria-label={view.fileName}>
          <p class="backup-summary">{labels.summary(view.summary)}</p>
          {view.summary.listedOnly.length > 0 && <p>{labels.listedOnly(view.summary.listedOnly.join(', '))}</p>}
          <p class="muted">{labels.merge}</p>
          <button type="button" class="backup-confirm-restore" onClick={onRestore}>
            {labels.confirm}
          </button>{' '}
          <button type="button" class="backup-cancel" onClick={onCancel}>
            {labels.cancel}
          </button>
        </div>
      )}
      {view.phase === 'saved' && (
        <p role="status" class="backup-ok">
          {labels.saved(view.fileName)}
        </p>
      )}
      {view.phase === 'restored' && (
        <p role="status" class="backup-ok">
          {labels.restored(view.result)}
        </p>
      )}
      {view.phase === 'failed' && (
        <p role="alert" class="backup-error">
          {view.message}
        </p>
      )}
    </section>
  );
}
