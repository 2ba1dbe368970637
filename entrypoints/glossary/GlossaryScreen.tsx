import { useMemo, useState } from 'preact/hooks';
import { PARTS } from '@/core/constants';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { usePartLabels } from '@/ui-data/i18n';
import { useKnownTerms, useNotes } from '@/ui-data/notes';
import { useSearch } from '@/ui-data/search';
import { BackupPanel } from './BackupPanel';
import { EntryWithNote } from './EntryWithNote';
import { GlossaryFilters, NO_FILTERS, type Filters } from './GlossaryFilters';
import { NotesPanel } from './NotesPanel';
import { SyncPanel } from './SyncPanel';

/** Every entry, grouped by the letter's parts, narrowed by the filters. */
export function GlossaryScreen({ entries, hidden }: { entries: Entries | undefined; hidden: boolean }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const part = usePartLabels();
  const notes = useNotes();
  const known = useKnownTerms();
  const hits = useSearch(filters.query, entries?.list.length);

  const visible = useMemo(() => {
    if (!entries) return [];
    const list = hits ? hits.flatMap((h) => entries.byId.get(h.id) ?? []) : entries.list;
    const { part, withNotes, knownOnly } = filters;
    return list.filter(
      (e) => (!part || e.part === part) && (!withNotes || notes?.has(e.id)) && (!knownOnly || known?.has(e.id)),
    );
  }, [entries, hits, filters, notes, known]);

  return (
    <main hidden={hidden}>
      <GlossaryFilters value={filters} onChange={setFilters} />
      <NotesPanel entries={entries} />
      <BackupPanel />
      <SyncPanel entries={entries} />
      {entries && visible.length === 0 && <p class="muted">{t('searchNoResults')}</p>}
      {PARTS.map((p) => {
        const inPart = visible.filter((e) => e.part === p);
        if (inPart.length === 0 || !entries) return null;
        return (
          <section class="part" key={p} aria-labelledby={`part-${p}`}>
            <h2 id={`part-${p}`}>{part(p)}</h2>
            {inPart.map((e) => (
              <EntryWithNote key={e.id} entry={e} entries={entries} notes={notes} known={known?.has(e.id) ?? false} />
            ))}
          </section>
        );
      })}
    </main>
  );
}
