/**
 * Whether a failed write failed for want of room: the browser's storage quota for the extension
 * is used up (or the disk is full). IndexedDB reports it as a `QuotaExceededError`, which Dexie
 * may wrap (an `AbortError` whose `inner` is the quota error), and which reaches an extension page
 * serialised by the messaging library (name and own fields kept, class lost).
 */
export function isQuotaExceeded(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; typeof e === 'object' && e !== null && !seen.has(e);) {
    seen.add(e);
    const { name, message, inner, cause } = e as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      cause?: unknown;
    };
    if (name === 'QuotaExceededError') return true;
    // Dexie names a wrapped error in its message ("AbortError: QuotaExceededError …") when it drops `inner`.
    if (typeof message === 'string' && /\bQuotaExceededError\b/.test(message)) return true;
    e = inner ?? cause;
  }
  return false;
}

/** Milliseconds before saving again after the `failures`-th failure in a row: 2, 4, 8, … at most 30. */
export function retryDelayMs(failures: number): number {
  return Math.min(2_000 * 2 ** Math.max(failures - 1, 0), 30_000);
}
