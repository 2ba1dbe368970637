import { useEffect, useRef, useState } from 'preact/hooks';
import type { Watch } from './source';

/**
 * A source's live value as state: undefined until the first value comes, and again once `deps`
 * change, until the new subscription answers (so one term's note is not shown as the next one's).
 * A watch that already holds a value (`current`) gives it to the first render.
 */
export function useWatch<T>(subscribe: Watch<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => subscribe.current?.());
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) setValue(undefined);
    mounted.current = true;
    return subscribe(setValue);
  }, deps);
  return value;
}
