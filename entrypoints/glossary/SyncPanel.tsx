import { SyncSection, type SyncSectionLabels } from '@/components/SyncSection';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';
import { useSetting } from '@/ui-data/settings';
import { useSyncStatus } from '@/ui-data/sync';

const labels: SyncSectionLabels = {
  heading: t('syncHeading'),
  toggle: t('syncToggle'),
  explanation: t('syncExplanation'),
  localOnly: t('syncLocalOnly'),
  conflicts: t('syncConflicts'),
  elsewhere: t('syncElsewhere'),
  problems: t('syncProblems'),
  error: t('syncError'),
};

/** Sync through the browser's account (opt-in) and what it could not carry. */
export function SyncPanel({ entries }: { entries: Entries | undefined }) {
  const [enabled, setEnabled] = useSetting('syncEnabled');
  const status = useSyncStatus();
  const lang = useUiLanguage();
  const named = (termId: string) => ({ termId, name: entries?.byId.get(termId)?.name[lang] ?? termId });
  return (
    <SyncSection
      enabled={enabled}
      onToggle={setEnabled}
      localOnly={status.localOnly.map(named)}
      conflicts={status.conflicts.map(named)}
      elsewhere={status.elsewhere}
      problems={status.problems}
      {...(status.error ? { error: status.error } : {})}
      labels={labels}
    />
  );
}
