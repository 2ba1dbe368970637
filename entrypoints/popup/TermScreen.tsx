import { TermDetail, type TermDetailLabels } from '@/components/TermDetail';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { partLabel, useUiLanguage } from '@/ui-data/i18n';
import { useNotes } from '@/ui-data/notes';
import { openGlossary } from '@/ui-data/tabs';
import { TermNoteSection } from '@/ui-data/TermNoteSection';

const labels: TermDetailLabels = {
  back: t('popupBack'),
  inLetter: t('entryInLetter'),
  related: t('entryRelated'),
  source: t('entrySource'),
  part: partLabel,
};

interface Props {
  entry: GlossaryEntry;
  entries: Entries;
  onBack: () => void;
  onOpen: (id: string) => void;
}

/** One term in full, with the reader's note on it. */
export function TermScreen({ entry, entries, onBack, onOpen }: Props) {
  const lang = useUiLanguage();
  const notes = useNotes();
  return (
    <TermDetail
      entry={entry}
      lang={lang}
      related={entry.related.flatMap((id) => entries.byId.get(id) ?? [])}
      labels={labels}
      onBack={onBack}
      onOpen={onOpen}
    >
      <button type="button" class="link open-glossary" onClick={() => openGlossary(entry.id)}>
        {t('openInGlossary')}
      </button>
      {notes && <TermNoteSection key={entry.id} termId={entry.id} stored={notes.get(entry.id) ?? null} />}
    </TermDetail>
  );
}
