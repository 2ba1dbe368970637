import { useEffect, useState } from 'preact/hooks';

/** `value`, once it has stayed the same for `ms` (a filter box's text: one query per pause, not per key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
