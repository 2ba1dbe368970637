import { describe, expect, it } from 'vitest';
import { isQuotaExceeded, retryDelayMs } from './storage-errors';

describe('isQuotaExceeded', () => {
  it('knows the DOMException, Dexie’s wrapped abort and a serialised copy of either', () => {
    expect(isQuotaExceeded(new DOMException('The current transaction exceeded its quota', 'QuotaExceededError'))).toBe(
      true,
    );
    const abort = Object.assign(new Error('QuotaExceededError The current transaction exceeded its quota'), {
      name: 'AbortError',
    });
    expect(isQuotaExceeded(abort)).toBe(true);
    expect(
      isQuotaExceeded({ name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError' } }),
    ).toBe(true);
    expect(isQuotaExceeded(new Error('write failed', { cause: { name: 'QuotaExceededError', message: '' } }))).toBe(
      true,
    );
  });

  it('is false for every other failure, and for values that are no error', () => {
    expect(isQuotaExceeded(new Error('No response'))).toBe(false);
    expect(isQuotaExceeded({ name: 'AbortError', message: 'Transaction aborted', inner: null })).toBe(false);
    expect(isQuotaExceeded(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaExceeded(loop)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 2 s and stops growing at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
