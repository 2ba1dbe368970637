import { describe, expect, it } from 'vitest';
import { documentCounts } from './document-counts';

const m = (termId: string) => ({ start: 0, end: 1, termId });

describe('a document’s term counts', () => {
  const pages = [[[m('etias')], []], [], [[m('nsec'), m('etias')], [m('etias')]]];

  it('counts every occurrence over every page, and knows the first page of each term', () => {
    const { counts, firstPage } = documentCounts(pages, false);
    expect(Object.fromEntries(counts)).toEqual({ etias: 3, nsec: 1 });
    expect(Object.fromEntries(firstPage)).toEqual({ etias: 1, nsec: 3 });
  });

  it('counts a term once in "first occurrence" mode', () => {
    expect(Object.fromEntries(documentCounts(pages, true).counts)).toEqual({ etias: 1, nsec: 1 });
  });
});
