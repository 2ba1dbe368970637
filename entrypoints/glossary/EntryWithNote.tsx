import { EntryCard, type EntryCardLabels } from '@/components/EntryCard';
import type { GlossaryEntry } from '@/core/glossary-schema';
import type { Note } from '@/core/notes';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { partLabel, useUiLanguage } from '@/ui-data/i18n';
import { quoteTargetsOf } from '@/ui-data/letter';
import { TermNoteSection } from '@/ui-data/TermNoteSection';

const labels: EntryCardLabels = {
  inLetter: t('entryInLetter'),
  readInLetter: t('glossaryReadInLetter'),
  related: t('entryRelated'),
  source: t('entrySource'),
  known: t('glossaryKnown'),
  part: partLabel,
};

interface Props {
  entry: GlossaryEntry;
  entries: Entries;
  /** Every note; undefined while loading (the editor waits for it). */
  notes: ReadonlyMap<string, Note> | undefined;
  known: boolean;
}

/** One entry of the glossary page, its quotes linked into the letter, with the reader's note. */
export function EntryWithNote({ entry, entries, notes, known }: Props) {
  const lang = useUiLanguage();
  return (
    <EntryCard
      entry={entry}
      lang={lang}
      labels={labels}
      known={known}
      related={entry.related.flatMap((id) => entries.byId.get(id) ?? [])}
      quoteTargets={quoteTargetsOf(entry)}
    >
      {notes && <TermNoteSection key={entry.id} termId={entry.id} stored={notes.get(entry.id) ?? null} />}
    </EntryCard>
  );
}
