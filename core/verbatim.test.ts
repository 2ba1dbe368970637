import { describe, expect, it } from 'vitest';
import { normaliseSource, occursVerbatim } from './verbatim';

const letter = normaliseSource(
  'werken België, Nederland en Luxemburg intergou-\nvernementeel samen. De COVID-19-\n crisis onderstreepte\n wederom het belang.\nDe juridische «gereedschapskist» van de Benelux-\nVerdragen en regio’s.',
);

describe('occursVerbatim', () => {
  it('reads a hyphen at a line end as hyphenation', () => {
    expect(occursVerbatim('Luxemburg intergouvernementeel samen', letter)).toBe(true);
  });
  it('reads a hyphen at a line end as a real hyphen too', () => {
    expect(occursVerbatim('De COVID-19-crisis onderstreepte', letter)).toBe(true);
    expect(occursVerbatim('van de Benelux-Verdragen', letter)).toBe(true);
  });
  it('collapses white space', () => {
    expect(occursVerbatim('onderstreepte   wederom\nhet belang.', letter)).toBe(true);
  });
  it('keeps the letter’s quotation marks', () => {
    expect(occursVerbatim('De juridische «gereedschapskist»', letter)).toBe(true);
    expect(occursVerbatim('De juridische "gereedschapskist"', letter)).toBe(false);
    expect(occursVerbatim('regio’s', letter)).toBe(true);
    expect(occursVerbatim("regio's", letter)).toBe(false);
  });
  it('rejects text that is not in the letter', () => {
    expect(occursVerbatim('intergouvernementeel samenwerken', letter)).toBe(false);
    expect(occursVerbatim('intergou- vernementeel', letter)).toBe(false);
    expect(occursVerbatim('', letter)).toBe(false);
  });
});
