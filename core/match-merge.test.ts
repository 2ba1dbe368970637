import { describe, expect, it } from 'vitest';
import { mergeMatches } from './match-merge';

const ORDER: Record<string, number> = { letter: 0, 'iate-energy': 1, 'my-terms': 2 };
const rank = (id: string) => ORDER[id] ?? 99;

describe('two matchers’ matches as one', () => {
  it('keeps the leftmost, then the longest, of overlapping matches', () => {
    const main = [
      { start: 0, end: 4, termId: 'iate-energy:1' },
      { start: 10, end: 14, termId: 'iate-energy:2' },
    ];
    const mine = [
      { start: 2, end: 9, termId: 'my-terms:a' },
      { start: 10, end: 20, termId: 'my-terms:b' },
    ];
    expect(mergeMatches([main, mine], rank)).toEqual([
      { start: 0, end: 4, termId: 'iate-energy:1' },
      { start: 10, end: 20, termId: 'my-terms:b' },
    ]);
  });

  it('gives the same words to the glossary first in the reader’s order and names the other', () => {
    const main = [{ start: 0, end: 4, termId: 'iate-energy:1', others: ['iate-energy:9'] }];
    const mine = [{ start: 0, end: 4, termId: 'my-terms:a' }];
    expect(mergeMatches([mine, main], rank)).toEqual([
      { start: 0, end: 4, termId: 'iate-energy:1', others: ['iate-energy:9', 'my-terms:a'] },
    ]);
    expect(mergeMatches([mine, main], (id) => (id === 'my-terms' ? -1 : rank(id)))).toEqual([
      { start: 0, end: 4, termId: 'my-terms:a', others: ['iate-energy:1', 'iate-energy:9'] },
    ]);
  });

  it('passes one list through unchanged', () => {
    const only = [
      { start: 0, end: 3, termId: 'etias' },
      { start: 5, end: 8, termId: 'gbvb' },
    ];
    expect(mergeMatches([only, []], rank)).toEqual(only);
  });
});
