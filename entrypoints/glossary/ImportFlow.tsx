import { useEffect } from 'preact/hooks';
import { FileDrop } from '@/components/FileDrop';
import { ImportDialog } from '@/components/ImportDialog';
import { ImportProgress } from '@/components/ImportProgress';
import { t } from '@/i18n/t';
import { glossariesChanged, useGlossaryActions, type GlossaryRow } from '@/ui-data/glossaries';
import { useGlossaryImport, type ImportState } from '@/ui-data/glossary-import';
import { uiLocale } from '@/ui-data/i18n';
import { estimateRemainingMs, formatCount, formatDuration, progressPercent } from '@/ui-data/import-choices';
import { ColumnsStep } from './ColumnsStep';
import { failureText, fileLine, percentFormat } from './import-labels';
import { ReadyStep } from './ReadyStep';

/** Vite bundles the worker from this `new Worker(new URL(…))` into its own file (see import.worker.ts). */
const createWorker = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

const ACCEPT = '.tbx,.xml,.csv,.tsv,.txt,.json,application/xml,text/xml,text/csv,application/json';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The glossaries there are, to say when a file updates one. */
  existing: readonly GlossaryRow[];
}

/**
 * The import dialog, step by step: choose a file (or drop it) → its first entries, what to keep (and
 * for a CSV the parser cannot read, its columns) → Import, with progress and Cancel → a result, or
 * the error and nothing changed. The work is the worker's (ui-data/glossary-import.ts).
 */
export function ImportFlow({ open, onClose, existing }: Props) {
  const actions = useGlossaryActions();
  const [state, controller] = useGlossaryImport({
    createWorker,
    onCommitted: glossariesChanged,
    abandon: actions.abandonImport,
  });

  // Leaving the page stops the worker: ask first while an import runs.
  useEffect(() => {
    if (state.phase !== 'importing') return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [state.phase]);

  const close = () => {
    if (state.phase === 'importing') return;
    controller.reset();
    onClose();
  };
  const button = (label: string, onClick: () => void) => (
    <button type="button" onClick={onClick}>
      {label}
    </button>
  );
  const cancel = button(t('glossariesCancel'), close);
  const another = button(t('importChooseAnother'), () => controller.reset());
  const closeButton = button(t('importClose'), close);

  return (
    <ImportDialog
      open={open}
      title={t('importDialogTitle')}
      step={state.phase}
      locked={state.phase === 'importing'}
      onClose={close}
    >
      {step(state)}
    </ImportDialog>
  );

  function step(s: ImportState) {
    switch (s.phase) {
      case 'idle':
        return (
          <>
            <FileDrop
              label={t('importFileLabel')}
              hint={t('importFileHint')}
              accept={ACCEPT}
              onFile={(file) => controller.choose(file)}
            />
            <div class="dialog-buttons">{cancel}</div>
          </>
        );
      case 'previewing':
        return (
          <>
            <p role="status">{t('importReading', s.file.name)}</p>
            <div class="dialog-buttons">{button(t('glossariesCancel'), () => controller.cancel())}</div>
          </>
        );
      case 'columns':
        return (
          <ColumnsStep
            key={s.columns.join('\u0000')}
            file={s.file}
            header={s.columns}
            onApply={(c) => controller.mapColumns(c)}
          >
            {another}
            {cancel}
          </ColumnsStep>
        );
      case 'ready':
        return (
          <ReadyStep file={s.file} preview={s.preview} existing={existing} onStart={(c) => controller.start(c)}>
            {another}
            {cancel}
          </ReadyStep>
        );
      case 'importing': {
        const remaining = estimateRemainingMs(s.bytesRead, s.file.size, s.at - s.startedAt);
        const percent = progressPercent(s.bytesRead, s.file.size);
        return (
          <>
            <p class="import-file">{fileLine(s.file, s.preview.info.format)}</p>
            <ImportProgress
              percent={percent}
              status={t('importProgress', [percentFormat.format(percent / 100), formatCount(s.entries, uiLocale)])}
              estimate={
                remaining === null ? t('importEstimating') : t('importRemaining', formatDuration(remaining, uiLocale))
              }
              cancelling={s.cancelling}
              onCancel={() => controller.cancel()}
              labels={{
                progress: t('importProgressLabel'),
                cancel: t('glossariesCancel'),
                cancelling: t('importCancelling'),
              }}
            />
          </>
        );
      }
      case 'done':
        return (
          <>
            <p role="status" class="import-ok">
              {t('importDone', [formatCount(s.count, uiLocale), s.file.name])}
            </p>
            <div class="dialog-buttons">
              {closeButton}
              {another}
            </div>
          </>
        );
      case 'cancelled':
        return (
          <>
            <p role="status">{t('importCancelled')}</p>
            <div class="dialog-buttons">
              {another}
              {closeButton}
            </div>
          </>
        );
      case 'failed':
        return (
          <>
            <div role="alert" class="import-error">
              <p>
                <strong>{t('importFailed')}</strong>
              </p>
              <p>
                {s.file.name}: {failureText(s.failure)}
              </p>
            </div>
            <div class="dialog-buttons">
              {another}
              {closeButton}
            </div>
          </>
        );
    }
  }
}
