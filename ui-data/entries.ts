import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { useCollections, useDataSource } from './context';
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

const NONE: ReadonlyMap<string, GlossaryEntry> = new Map();

/**
 * These entries, by id, asked of the source one by one. The map answers only once all are in,
 * and until then keeps the previous answer (a render in between shows what it showed before).
 */
export function useEntriesById(ids: readonly string[]): ReadonlyMap<string, GlossaryEntry> {
  const source = useDataSource();
  const [entries, setEntries] = useState(NONE);
  const key = ids.join(' ');
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    void Promise.all(ids.map((id) => source.entry(id).catch(() => null))).then((list) => {
      if (!live) return;
      const next = new Map<string, GlossaryEntry>();
      for (const entry of list) if (entry) next.set(entry.id, entry);
      setEntries(next);
    });
    return () => {
      live = false;
    };
    // `key` stands for `ids`, which may be a new array on every render.
  }, [key, source]);
  return entries;
}
