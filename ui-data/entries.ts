import { useMemo } from 'preact/hooks';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { useCollections } from './context';
import { useWatch } from './use-watch';

export interface Entries {
  /** In database order (by id). */
  list: readonly GlossaryEntry[];
  byId: ReadonlyMap<string, GlossaryEntry>;
}

/** Every entry, live (undefined while loading). Not in the tooltip frame. */
export function useEntries(): Entries | undefined {
  const { watchEntries } = useCollections();
  const list = useWatch(watchEntries, [watchEntries]);
  return useMemo(() => list && { list, byId: new Map(list.map((e) => [e.id, e])) }, [list]);
}
