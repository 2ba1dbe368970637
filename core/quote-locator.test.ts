import { describe, expect, it } from 'vitest';
import { locateQuote } from './quote-locator';

const blocks = [
  { id: 'p-1', text: 'Binnen de Benelux werken België, Nederland en Luxemburg intergouvernementeel samen.' },
  { id: 'p-2', text: 'De COVID-19-crisis onderstreepte wederom het belang.' },
];

describe('locateQuote', () => {
  it('finds the block of a quote whatever its hyphenation and spacing', () => {
    expect(locateQuote(blocks, 'Luxemburg intergou-\nvernementeel samen')).toBe('p-1');
    expect(locateQuote(blocks, 'De COVID-19-\n crisis onderstreepte')).toBe('p-2');
  });
  it('returns null for text that is not there', () => {
    expect(locateQuote(blocks, 'Raad Buitenlandse Zaken')).toBeNull();
    expect(locateQuote(blocks, '  ')).toBeNull();
  });
});
