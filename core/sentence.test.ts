import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentence';

/** The sentence around the first occurrence of `term` in `text`. */
const around = (text: string, term: string, max?: number) => {
  const start = text.indexOf(term);
  if (start < 0) throw new Error(`"${term}" is not in the text`);
  return sentenceAround(text, start, start + term.length, max);
};

describe('sentenceAround', () => {
  it('takes the sentence the term is in, with its closing mark, and none of its neighbours', () => {
    const text = 'Het voorzitterschap begint. ETIAS controleert reizigers vooraf! Klaar?';
    expect(around(text, 'ETIAS')).toBe('ETIAS controleert reizigers vooraf!');
    expect(around(text, 'Klaar')).toBe('Klaar?');
  });

  it('starts at the text start when no sentence ends before the term', () => {
    expect(around('ETIAS start in 2026. Daarna meer.', 'ETIAS')).toBe('ETIAS start in 2026.');
    expect(around('Vanaf 2026 geldt ETIAS. Daarna meer.', 'ETIAS')).toBe('Vanaf 2026 geldt ETIAS.');
  });

  it('runs to the text end when no sentence ends after the term', () => {
    expect(around('Eerste zin. De tweede gaat over ETIAS', 'ETIAS')).toBe('De tweede gaat over ETIAS');
    expect(around('Wat is ETIAS', 'ETIAS')).toBe('Wat is ETIAS');
  });

  it('keeps the mark right after the term', () => {
    expect(around('Wat is ETIAS? Een systeem.', 'ETIAS')).toBe('Wat is ETIAS?');
    expect(around('Alles over ETIAS.', 'ETIAS')).toBe('Alles over ETIAS.');
  });

  it('does not end the sentence at dots inside the term, nor at a dot without white space after it', () => {
    expect(around('Zie art. 350 VWEU over de Benelux. Verder.', 'art. 350 VWEU')).toBe(
      'Zie art. 350 VWEU over de Benelux.',
    );
    expect(around('ETIAS kost 7.50 euro per reis. Daarna.', 'ETIAS')).toBe('ETIAS kost 7.50 euro per reis.');
    expect(around('Zie www.benelux.int voor ETIAS. Meer.', 'ETIAS')).toBe('Zie www.benelux.int voor ETIAS.');
  });

  // Known limitation: an abbreviation's dot followed by a space, outside the term, reads as the end
  // of a sentence. A fix should flip these expectations.
  it('ends the sentence at an abbreviation outside the term (known limitation)', () => {
    expect(around('Zie o.a. de NSEC en meer. Verder.', 'NSEC')).toBe('de NSEC en meer.');
    expect(around('De NSEC o.a. met Noorwegen. Verder.', 'NSEC')).toBe('De NSEC o.a.');
  });

  it('collapses white space (line breaks, tabs) and trims', () => {
    expect(around('  Een\n  regel\tmet ETIAS   erin.\n\nVolgende.', 'ETIAS')).toBe('Een regel met ETIAS erin.');
  });

  it('cuts a long sentence to `max` characters, the last one an ellipsis', () => {
    const long = 'ETIAS ' + 'woord '.repeat(100) + 'einde.';
    const cut = around(long, 'ETIAS');
    expect(cut).toHaveLength(300);
    expect(cut.startsWith('ETIAS woord')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(around(long, 'ETIAS', 20)).toBe('ETIAS woord woord w…');
  });

  it('keeps a sentence of exactly `max` characters whole', () => {
    const sentence = 'ETIAS ' + 'x'.repeat(13) + '.';
    expect(sentence).toHaveLength(20);
    expect(around(sentence, 'ETIAS', 20)).toBe(sentence);
    expect(around(sentence, 'ETIAS', 19)).toBe('ETIAS ' + 'x'.repeat(12) + '…');
  });

  it('gives the term alone when the text is just the term', () => {
    expect(sentenceAround('ETIAS', 0, 5)).toBe('ETIAS');
  });
});
