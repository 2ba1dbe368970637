import { describe, expect, it, vi } from 'vitest';
import type { TermMatch } from '@/core/term-matcher';
import type { PageScanner } from '@/page/scanner';
import { documentTermsOf } from './document-terms';

/** A scanner whose matcher finds "ETIAS" in a text; `answer` can make it answer null (the glossary changed). */
function scanner(answer: 'match' | 'null' = 'match') {
  const match = vi.fn((texts: readonly string[]) =>
    Promise.resolve(
      answer === 'null'
        ? null
        : texts.map((text): TermMatch[] => (text.includes('ETIAS') ? [{ termId: 'etias', start: 0, end: 5 }] : [])),
    ),
  );
  return { scanner: { match } as unknown as PageScanner, match };
}

const engine = (s: PageScanner) => ({ highlighter: null, scanner: s, settings: null });

describe('a PDF’s terms for the popup', () => {
  it('match the whole document once while its text and the scanner are the same', async () => {
    const texts = Promise.resolve([['ETIAS'], ['no term'], ['ETIAS', 'ETIAS']]);
    const first = scanner();
    const on = engine(first.scanner);
    const terms = documentTermsOf(on, () => ({ pageTexts: () => texts }));
    for (let open = 0; open < 3; open++) {
      const { counts, firstPage } = await terms();
      expect(Object.fromEntries(counts)).toEqual({ etias: 3 });
      expect(Object.fromEntries(firstPage)).toEqual({ etias: 1 });
    }
    expect(first.match).toHaveBeenCalledTimes(1);

    // A new scanner (the glossary, the settings or the known terms changed): matched again.
    const second = scanner();
    on.scanner = second.scanner;
    await terms();
    expect(second.match).toHaveBeenCalledTimes(1);
  });

  it('match again after an answer that came too late (the glossary changed meanwhile)', async () => {
    const texts = Promise.resolve([['ETIAS']]);
    const late = scanner('null');
    const terms = documentTermsOf(engine(late.scanner), () => ({ pageTexts: () => texts }));
    expect((await terms()).counts.size).toBe(0);
    expect((await terms()).counts.size).toBe(0);
    expect(late.match).toHaveBeenCalledTimes(2);
  });
});
