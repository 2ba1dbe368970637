import { useEffect, useMemo, useState } from 'preact/hooks';
import { CsvColumnsForm, type CsvColumnsLabels } from '@/components/CsvColumnsForm';
import { FileDrop } from '@/components/FileDrop';
import { ImportChoices, type ImportChoicesLabels, type ImportChoicesValue } from '@/components/ImportChoices';
import { ImportDialog } from '@/components/ImportDialog';
import { ImportPreview } from '@/components/ImportPreview';
import { ImportProgress } from '@/components/ImportProgress';
import { t } from '@/i18n/t';
import { glossariesChanged, useGlossaryActions, type GlossaryRow } from '@/ui-data/glossaries';
import { useGlossaryImport, type ImportState } from '@/ui-data/glossary-import';
import { uiLocale } from '@/ui-data/i18n';
import {
  csvColumnsProblem,
  defaultLanguages,
  definitionIn,
  estimateRemainingMs,
  EU_LANGUAGES,
  formatBytes,
  formatCount,
  formatDuration,
  guessCsvColumns,
  LANGUAGE_KINDS,
  languageName,
  languagesToKeep,
  progressPercent,
} from '@/ui-data/import-choices';
import { CSV_COLUMN_KINDS, type CsvColumns, type ImportFailure } from '@/ui-data/import-protocol';
import { formatName } from './format-name';

/** Vite bundles the worker from this `new Worker(new URL(…))` into its own file (see import.worker.ts). */
const createWorker = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

/** The reader's language, for the languages ticked at first and a CSV column's default. */
const readerLang = uiLocale.split('-')[0]!.toLowerCase();

const ACCEPT = '.tbx,.xml,.csv,.tsv,.txt,.json,application/xml,text/xml,text/csv,application/json';

const choicesLabels: ImportChoicesLabels = {
  languages: t('importLanguagesLegend'),
  languagesNote: t('importLanguagesNote'),
  reliability: t('importReliability'),
  reliabilityLevels: [
    t('importReliability1'),
    t('importReliability2'),
    t('importReliability3'),
    t('importReliability4'),
  ],
  skipDeprecated: t('importSkipDeprecated'),
};

const columnsLabels: CsvColumnsLabels = {
  intro: t('importColumnsIntro'),
  column: t('importColumnHeader'),
  holds: t('importColumnHolds'),
  language: t('importColumnLanguage'),
  holdsLabel: (n, header) => t('importColumnHoldsLabel', [String(n), header]),
  languageLabel: (n, header) => t('importColumnLanguageLabel', [String(n), header]),
  ignore: t('importKind_ignore'),
};

const columnKinds = CSV_COLUMN_KINDS.map((value) => ({ value, label: t(`importKind_${value}`) }));

const percentFormat = new Intl.NumberFormat(uiLocale, { style: 'percent' });
const dateFormat = new Intl.DateTimeFormat(uiLocale, { dateStyle: 'medium' });

/** A failure in the reader's words where we have them; the parser's message names what and where. */
function failureText(failure: ImportFailure): string {
  if (failure.code === 'no-entries') return t('importNoEntries');
  if (failure.code === 'changed') return t('importChanged');
  return failure.message;
}

const columnsProblemText = {
  'no-term': t('importColumnsNoTerm'),
  'no-language': t('importColumnsNoLanguage'),
  'two-ids': t('importColumnsTwoIds'),
};

/** What the file is: name, size and the format found. */
function fileLine(file: File, format?: GlossaryRow['format']): string {
  return [file.name, formatBytes(file.size, uiLocale), ...(format ? [formatName(format)] : [])].join(' · ');
}

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
  const [choices, setChoices] = useState<ImportChoicesValue>({
    languages: [],
    minReliability: 1,
    skipDeprecated: true,
  });
  const [columns, setColumns] = useState<CsvColumns>({});
  const [noLanguage, setNoLanguage] = useState(false);

  const preview = state.phase === 'ready' || state.phase === 'importing' ? state.preview : null;
  useEffect(() => {
    if (state.phase !== 'ready') return;
    setNoLanguage(false);
    setChoices({
      languages: defaultLanguages(state.preview.languages, readerLang),
      minReliability: 1,
      skipDeprecated: true,
    });
  }, [state.phase === 'ready' ? state.preview : null]);

  const header = state.phase === 'columns' ? state.columns : null;
  useEffect(() => {
    if (header) setColumns(guessCsvColumns(header, readerLang));
  }, [header]);

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

  const languages = useMemo(
    () => (preview?.languages ?? []).map((code) => ({ code, name: languageName(code, uiLocale) })),
    [preview],
  );

  const cancelButton = (
    <button type="button" onClick={close}>
      {t('glossariesCancel')}
    </button>
  );
  const anotherButton = (
    <button type="button" onClick={() => controller.reset()}>
      {t('importChooseAnother')}
    </button>
  );
  const closeButton = (
    <button type="button" onClick={close}>
      {t('importClose')}
    </button>
  );

  return (
    <ImportDialog
      open={open}
      title={t('importDialogTitle')}
      step={state.phase}
      locked={state.phase === 'importing'}
      onClose={close}
    >
      {body(state)}
    </ImportDialog>
  );

  function body(s: ImportState) {
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
            <div class="dialog-buttons">{cancelButton}</div>
          </>
        );
      case 'previewing':
        return (
          <>
            <p role="status">{t('importReading', s.file.name)}</p>
            <div class="dialog-buttons">
              <button type="button" onClick={() => controller.cancel()}>
                {t('glossariesCancel')}
              </button>
            </div>
          </>
        );
      case 'columns': {
        const problem = csvColumnsProblem(columns);
        return (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!problem) controller.mapColumns(columns);
            }}
          >
            <p class="import-file">{fileLine(s.file, 'csv')}</p>
            <CsvColumnsForm
              header={s.columns}
              kinds={columnKinds}
              languageKinds={LANGUAGE_KINDS}
              value={columns}
              onChange={setColumns}
              languageCodes={EU_LANGUAGES}
              labels={columnsLabels}
            />
            {problem && (
              <p role="alert" class="import-error">
                {columnsProblemText[problem]}
              </p>
            )}
            <div class="dialog-buttons">
              <button type="submit" class="primary" disabled={!!problem}>
                {t('importColumnsApply')}
              </button>
              {anotherButton}
              {cancelButton}
            </div>
          </form>
        );
      }
      case 'ready': {
        const { info } = s.preview;
        const before = existing.find((g) => g.id === info.id);
        const shown = languages.filter((l) => choices.languages.includes(l.code));
        const hasReliability = s.preview.entries.some((e) => e.terms.some((term) => term.reliability !== undefined));
        return (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (choices.languages.length === 0) return setNoLanguage(true);
              const keep = languagesToKeep(choices.languages, s.preview.languages);
              controller.start({
                ...(keep ? { languages: keep } : {}),
                ...(choices.minReliability > 1 ? { minReliability: choices.minReliability } : {}),
                skipDeprecated: choices.skipDeprecated,
              });
            }}
          >
            <p class="import-file">{fileLine(s.file, info.format)}</p>
            <p>
              <strong>{t('importGlossaryTitle', info.title)}</strong>
            </p>
            {before && <p class="import-note">{t('importUpdates', dateFormat.format(before.importedAt))}</p>}
            <ImportChoices
              languages={languages}
              value={choices}
              onChange={(next) => {
                setNoLanguage(false);
                setChoices(next);
              }}
              showReliability={hasReliability}
              labels={choicesLabels}
            />
            {noLanguage && (
              <p role="alert" class="import-error">
                {t('importNoLanguage')}
              </p>
            )}
            <ImportPreview
              entries={s.preview.entries}
              languages={shown.length ? shown : languages}
              definitionOf={(entry) => definitionIn(entry, [readerLang, ...choices.languages])}
              labels={{
                caption: t('importPreviewCaption', formatCount(s.preview.count, uiLocale)),
                definition: t('importDefinition'),
              }}
            />
            <div class="dialog-buttons">
              <button type="submit" class="primary">
                {t('importStart')}
              </button>
              {anotherButton}
              {cancelButton}
            </div>
          </form>
        );
      }
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
              {anotherButton}
            </div>
          </>
        );
      case 'cancelled':
        return (
          <>
            <p role="status">{t('importCancelled')}</p>
            <div class="dialog-buttons">
              {anotherButton}
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
              {anotherButton}
              {closeButton}
            </div>
          </>
        );
    }
  }
}
