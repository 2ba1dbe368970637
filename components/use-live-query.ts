import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Dexie's liveQuery as a Preact hook: re-runs when any extension page or the background writes. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (e: unknown) => console.error('liveQuery failed', e),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
