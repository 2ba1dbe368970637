import { ImportedEntryDetail, type ImportedEntryDetailLabels } from '@/components/ImportedEntryDetail';
import { t } from '@/i18n/t';
import { languageName, useUiLanguage } from '@/ui-data/i18n';
import { useKnownTerms, useNotes } from '@/ui-data/notes';
import { useDataSource } from '@/ui-data/context';
import { TermNoteSection } from '@/ui-data/TermNoteSection';
import { useTermsById } from '@/ui-data/terms';

const labels: ImportedEntryDetailLabels = {
  back: t('popupBack'),
  languageName,
  otherLanguages: t('importedOtherLanguages'),
  otherDefinitions: t('importedOtherDefinitions'),
  discouraged: t('importedDiscouraged'),
  subjectField: t('importedSubjectField'),
  entryNote: t('importedEntryNote'),
  source: t('entrySource'),
  origin: t('importedOrigin'),
};

interface Props {
  /** The term key, `glossary:entry`. */
  termKey: string;
  onBack: () => void;
}

/** An imported glossary's entry in full, with the reader's note on it and "I know this term". */
export function ImportedTermScreen({ termKey, onBack }: Props) {
  const lang = useUiLanguage();
  const source = useDataSource();
  const notes = useNotes();
  const known = useKnownTerms();
  const answer = useTermsById([termKey]);
  const term = answer.terms.get(termKey);
  if (answer.for !== termKey) return null;
  if (term?.kind !== 'imported') {
    return (
      <article class="detail" aria-labelledby="detail-missing">
        <button type="button" class="back" onClick={onBack}>
          ← {labels.back}
        </button>
        <p id="detail-missing" class="muted">
          {t('importedMissing')}
        </p>
      </article>
    );
  }
  const isKnown = known?.has(termKey) ?? false;
  return (
    <ImportedEntryDetail
      termKey={termKey}
      glossary={term.glossary}
      entry={term.entry}
      lang={lang}
      labels={labels}
      onBack={onBack}
    >
      {notes && <TermNoteSection key={termKey} termId={termKey} stored={notes.get(termKey) ?? null} />}
      {known && (
        <p class="known" aria-live="polite">
          {isKnown && <span>{t('importedKnownMarked')} </span>}
          <button type="button" class="link term-known" onClick={() => void source.setKnown(termKey, !isKnown)}>
            {isKnown ? t('importedKnownUndo') : t('tooltipKnown')}
          </button>
        </p>
      )}
    </ImportedEntryDetail>
  );
}
