import '@/assets/backup.css';
import { BackupTools, type BackupToolsLabels } from '@/components/BackupTools';
import { t } from '@/i18n/t';
import { useBackup } from '@/ui-data/backup';

const labels: BackupToolsLabels = {
  heading: t('backupHeading'),
  intro: t('backupIntro'),
  save: t('backupSave'),
  include: (entries, megabytes) => t('backupIncludeGlossaries', [String(entries), megabytes]),
  restore: t('backupRestoreChoose'),
  working: { saving: t('backupSaving'), checking: t('backupChecking'), restoring: t('backupRestoring') },
  summary: (s) =>
    t('backupSummary', [String(s.notes), String(s.known), String(s.glossaries), String(s.entries), String(s.settings)]),
  listedOnly: (ids) => t('backupListedOnly', ids),
  merge: t('backupMerge'),
  confirm: t('backupRestore'),
  cancel: t('backupCancel'),
  saved: (fileName) => t('backupSaved', fileName),
  restored: (r) =>
    t('backupRestored', [
      String(r.notes.added),
      String(r.notes.updated),
      String(r.notes.kept),
      String(r.known),
      String(r.glossaries),
      String(r.entries),
    ]),
};

/** Vite bundles the worker from this `new Worker(new URL(…))` into its own file (see backup.worker.ts). */
const createWorker = () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });

/** The backup section of the glossary page, beside the notes tools. */
export function BackupPanel() {
  const backup = useBackup(createWorker);
  return (
    <BackupTools
      labels={labels}
      view={backup.view}
      imported={backup.imported}
      onSave={backup.save}
      onChoose={backup.choose}
      onRestore={backup.restore}
      onCancel={backup.cancel}
    />
  );
}
