import { describe, expect, it } from 'vitest';
import { expandLegalRef, type TreatyId } from './legal-refs';
import { compileMatcher, type TermMatch } from './term-matcher';

function matcherFor(article: string, treaty: TreatyId) {
  const aliases = expandLegalRef({ article, treaty }).map((text) => ({ text, caseSensitive: false }));
  return compileMatcher([{ id: `${treaty}-${article}`, highlight: true, aliases }]);
}

/** The whole of `text` is found as one reference. */
function wholeMatch(text: string, termId: string): TermMatch[] {
  return [{ start: 0, end: text.length, termId }];
}

describe('expandLegalRef: TFEU', () => {
  const art350 = matcherFor('350', 'tfeu');
  const positives = [
    'art. 350 VwEU',
    'artikel 350 VWEU',
    'art. 350 VWEU',
    'Artikel 350 van het VWEU',
    'Article 350 TFEU',
    'Art. 350 TFEU',
    'Article 350 of the TFEU',
    'article 350 du TFUE',
    'article 350 TFUE',
    'Art. 350 AEUV',
    'Artikel 350 AEUV',
    'Art. 350 des AEUV',
    'art. 350 van het Verdrag betreffende de werking van de Europese Unie',
    'artikel 350 van het Verdrag betreffende de Werking van de EU',
    'Article 350 of the Treaty on the Functioning of the European Union',
    "article 350 du traité sur le fonctionnement de l'Union européenne",
    'article 350 du traité sur le fonctionnement de l’Union européenne',
    'Artikel 350 des Vertrags über die Arbeitsweise der Europäischen Union',
    'Artikel 350 des Vertrages über die Arbeitsweise der Europäischen Union',
    'art.350 TFEU',
    'ARTICLE 350 TFEU',
    'article 350 du traite sur le fonctionnement de l’union europeenne', // no accents
    'Article\u00a0350\nTFEU', // NBSP and a line break
  ];
  for (const text of positives) {
    it(`finds "${text}"`, () => {
      expect(art350.find(text)).toEqual(wholeMatch(text, 'tfeu-350'));
    });
  }

  it('finds a reference inside a sentence, with exact offsets', () => {
    const text = 'Zie art. 350 VWEU, dat de Benelux toestaat.';
    expect(art350.find(text)).toEqual([{ start: 4, end: 17, termId: 'tfeu-350' }]);
  });

  const negatives = [
    'Article 35 TFEU',
    'Article 3501 TFEU',
    'Article 1350 TFEU',
    'article 350bis',
    'article 350bis TFUE',
    'Article 350 TEU', // another treaty
    'Article 350 TFEUx',
    'Article-350 TFEU',
    'artikel 350', // no treaty: ambiguous
  ];
  for (const text of negatives) {
    it(`does not find "${text}"`, () => {
      expect(art350.find(text)).toEqual([]);
    });
  }

  it('spells out paragraphs in each language for "N(P)"', () => {
    const forms = expandLegalRef({ article: '101(1)', treaty: 'tfeu' });
    expect(forms).toEqual(
      expect.arrayContaining([
        'Article 101(1) TFEU',
        'artikel 101, lid 1, VWEU',
        'artikel 101, lid 1, van het VWEU',
        'article 101, paragraphe 1, du TFUE',
        'Artikel 101 Absatz 1 AEUV',
        'Art. 101 Abs. 1 AEUV',
      ]),
    );
    expect(forms).not.toContain('Article 101 TFEU');
  });

  it('returns each form once (case-insensitively) and nothing for an empty article', () => {
    const forms = expandLegalRef({ article: '350', treaty: 'tfeu' });
    expect(new Set(forms.map((f) => f.toLowerCase())).size).toBe(forms.length);
    expect(expandLegalRef({ article: ' ', treaty: 'tfeu' })).toEqual([]);
  });
});

describe('expandLegalRef: Benelux Treaty', () => {
  const art6p2 = matcherFor('6(2)', 'benelux');
  const positives = [
    'artikel 6(2) van het Verdrag tot instelling van de Benelux Unie',
    'artikel 6, lid 2, van het Benelux-Verdrag',
    'art. 6(2) Benelux-Verdrag',
    'artikel 6(2) van het Verdrag tot herziening van het Verdrag tot instelling van de Benelux Economische Unie',
    'Article 6(2) of the Treaty revising the Treaty establishing the Benelux Economic Union',
    'Article 6(2) of the Treaty revising the Treaty establishing the Benelux Economic Union signed on 3 February 1958',
    "article 6(2) du Traité portant révision du Traité instituant l'Union économique Benelux",
    'article 6(2) du Traité portant révision du Traité instituant l’Union économique Benelux',
    'Artikel 6 Absatz 2 des Benelux-Vertrags',
  ];
  for (const text of positives) {
    it(`finds "${text}"`, () => {
      expect(art6p2.find(text)).toEqual(wholeMatch(text, 'benelux-6(2)'));
    });
  }

  it('takes the longest form when a shorter one is a prefix of it', () => {
    const text =
      'Article 6(2) of the Treaty revising the Treaty establishing the Benelux Economic Union signed on 3 February 1958 applies.';
    const [match] = art6p2.find(text);
    expect(text.slice(match?.start, match?.end)).toBe(
      'Article 6(2) of the Treaty revising the Treaty establishing the Benelux Economic Union signed on 3 February 1958',
    );
  });

  const negatives = [
    'artikel 6(2) VWEU', // another treaty
    'artikel 6(3) van het Benelux-Verdrag',
    'artikel 6, lid 3, van het Benelux-Verdrag',
    'artikel 16(2) van het Benelux-Verdrag',
    'art. 6(2) Benelux Verdrag', // hyphen and space are not interchangeable
  ];
  for (const text of negatives) {
    it(`does not find "${text}"`, () => {
      expect(art6p2.find(text)).toEqual([]);
    });
  }
});
