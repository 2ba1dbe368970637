import { useMemo } from 'preact/hooks';
import type { Note } from '@/core/notes';
import { useCollections, useDataSource } from './context';
import { useWatch } from './use-watch';

/** The term's note, live: undefined while loading (or with no term), null when there is none. */
export function useNote(termId: string | undefined): Note | null | undefined {
  const source = useDataSource();
  return useWatch<Note | null>(
    (onChange) => (termId ? source.watchNote(termId, onChange) : () => undefined),
    [source, termId],
  );
}

/** Every note by term id, live: a note saved in a tooltip or another view shows without reload. */
export function useNotes(): ReadonlyMap<string, Note> | undefined {
  const { watchNotes } = useCollections();
  const list = useWatch(watchNotes, [watchNotes]);
  return useMemo(() => list && new Map(list.map((n) => [n.termId, n])), [list]);
}

/** The ids of the terms marked "I know this term", live. */
export function useKnownTerms(): ReadonlySet<string> | undefined {
  const { watchKnown } = useCollections();
  const ids = useWatch(watchKnown, [watchKnown]);
  return useMemo(() => ids && new Set(ids), [ids]);
}

/** For news of a changed note that reached the page another way (the tooltip's host relays it). */
export function useNotesChanged(): (termId?: string) => void {
  return useDataSource().notesChanged;
}
