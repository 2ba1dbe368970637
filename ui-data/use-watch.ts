import { useEffect, useState } from 'preact/hooks';

/**
 * A source's live value as state: undefined until the first value comes, and again once `deps`
 * change, until the new subscription answers (so one term's note is not shown as the next one's).
 */
export function useWatch<T>(subscribe: (onChange: (value: T) => void) => () => void, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    return subscribe(setValue);
  }, deps);
  return value;
}
