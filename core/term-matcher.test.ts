import { describe, expect, it } from 'vitest';
import { compileGlossary, decodeCompiledGlossary, encodeCompiledGlossary } from './compiled-glossary';
import { compileMatcher, matcherFor, type MatchTerm, type MatcherOptions, type TermMatch } from './term-matcher';
import { referenceFind } from './term-matcher.reference';
import { prng } from '@/test/prng';
import { FILLER, PIECES, SEPARATORS, randomCase } from '@/test/matcher-pieces';

function term(id: string, ...aliases: Array<string | [string, 'exact']>): MatchTerm {
  return {
    id,
    highlight: true,
    aliases: aliases.map((a) =>
      typeof a === 'string' ? { text: a, caseSensitive: false } : { text: a[0], caseSensitive: true },
    ),
  };
}

/** Matches as [matched text, term id], easy to read in a failing test. */
function found(terms: readonly MatchTerm[], text: string, options?: MatcherOptions): Array<[string, string]> {
  return compileMatcher(terms, options)
    .find(text)
    .map((m) => [text.slice(m.start, m.end), m.termId]);
}

const GLOSSARY: MatchTerm[] = [
  term('nsec', ['NSEC', 'exact']),
  term('osa', ['OSA', 'exact']),
  term('eu', ['EU', 'exact']),
  term('etias', ['ETIAS', 'exact']),
  term('benelux', 'Benelux'),
  term('comite', 'Comité'),
  term('raz', 'Raad Algemene Zaken'),
];

describe('case', () => {
  it('matches case-sensitive aliases exactly', () => {
    expect(found(GLOSSARY, 'Het NSEC meldt')).toEqual([['NSEC', 'nsec']]);
  });

  it('does not match case-sensitive aliases in another case', () => {
    expect(found(GLOSSARY, '12 nsec, 3 Nsec, NSEc')).toEqual([]);
  });

  it('matches case-insensitive aliases in any case and with or without diacritics', () => {
    const text = 'Comite, COMITÉ, comité, cOmItE, Comite\u0301 en COMITÈ';
    expect(found(GLOSSARY, text)).toEqual([
      ['Comite', 'comite'],
      ['COMITÉ', 'comite'],
      ['comité', 'comite'],
      ['cOmItE', 'comite'],
      ['Comite\u0301', 'comite'],
      ['COMITÈ', 'comite'],
    ]);
  });

  it('matches text with diacritics for an alias without them', () => {
    expect(found([term('c', 'Comite')], 'het Comité')).toEqual([['Comité', 'c']]);
  });

  it('does not match other letters', () => {
    expect(found(GLOSSARY, 'Comitee, Komité, Comit, Comitéé')).toEqual([]);
  });

  it('prefers a case-sensitive alias over a folded one for the same text, else the first term', () => {
    const terms = [term('word', 'avg'), term('acronym', ['AVG', 'exact']), term('later', 'AVG')];
    expect(found(terms, 'de AVG en de avg')).toEqual([
      ['AVG', 'acronym'],
      ['avg', 'word'],
    ]);
  });

  it('compares case-sensitive aliases with diacritics exactly', () => {
    const terms = [term('x', ['Écu', 'exact'])];
    expect(found(terms, 'Écu')).toEqual([['Écu', 'x']]);
    expect(found(terms, 'Ecu, écu, ÉCU')).toEqual([]);
  });

  it('leaves letters whose lower case is longer as they are', () => {
    const terms = [term('ist', 'İstanbul')];
    expect(found(terms, 'İSTANBUL, İstanbul')).toEqual([
      ['İSTANBUL', 'ist'],
      ['İstanbul', 'ist'],
    ]);
    expect(found(terms, 'istanbul')).toEqual([]);
  });
});

describe('whitespace', () => {
  it('matches any run of whitespace for a space in the alias', () => {
    for (const text of [
      'Raad Algemene Zaken',
      'Raad\n  Algemene\u00a0Zaken',
      'Raad\tAlgemene\u202fZaken',
      'Raad \r\n Algemene   Zaken',
    ]) {
      expect(found(GLOSSARY, text)).toEqual([[text, 'raz']]);
    }
  });

  it('treats whitespace runs in the alias like one space, and ignores it at the ends', () => {
    expect(found([term('r', '  Raad \n Algemene  ')], 'de Raad Algemene.')).toEqual([['Raad Algemene', 'r']]);
  });

  it('does not match without whitespace, or with a hyphen instead', () => {
    expect(found(GLOSSARY, 'RaadAlgemene Zaken; Raad-Algemene-Zaken')).toEqual([]);
  });

  it('does not match a space for a hyphen in the alias, but does match typographic hyphens', () => {
    const terms = [term('bl', 'Benelux-landen')];
    expect(found(terms, 'Benelux landen')).toEqual([]);
    expect(found(terms, 'Benelux\u2011landen')).toEqual([['Benelux\u2011landen', 'bl']]);
  });

  it('applies whitespace rules to case-sensitive aliases too', () => {
    const terms = [term('r', ['Raad Algemene Zaken', 'exact'])];
    expect(found(terms, 'Raad\nAlgemene\u00a0 Zaken')).toEqual([['Raad\nAlgemene\u00a0 Zaken', 'r']]);
    expect(found(terms, 'raad algemene zaken')).toEqual([]);
  });

  it('ignores aliases that are only whitespace', () => {
    expect(found([term('blank', ' \n ')], 'a b')).toEqual([]);
  });
});

describe('word edges', () => {
  it('does not match inside words', () => {
    expect(found(GLOSSARY, 'Osaka')).toEqual([]);
    expect(found(GLOSSARY, 'REPowerEU')).toEqual([]);
    expect(found(GLOSSARY, 'EUR, NSECs, Beneluxlanden')).toEqual([]);
  });

  it('matches at text edges and next to punctuation, quotes and apostrophes', () => {
    expect(found(GLOSSARY, "EU, (EU) 'EU' “EU” EU's EU.")).toEqual(Array(6).fill(['EU', 'eu']));
  });

  it('treats a hyphen as a word edge in compounds', () => {
    expect(found(GLOSSARY, 'ETIAS-reisautorisatie en de Benelux-landen')).toEqual([
      ['ETIAS', 'etias'],
      ['Benelux', 'benelux'],
    ]);
  });

  it('takes the compound when it is an alias itself', () => {
    const terms = [...GLOSSARY, term('bl', 'Benelux-landen')];
    expect(found(terms, 'de Benelux-landen')).toEqual([['Benelux-landen', 'bl']]);
  });

  it('does not match next to letters, marks or digits of other scripts', () => {
    for (const text of ['αEU', 'EUж', 'EU\u0483', '\u0483EU', 'ΣEU', 'EU٣', '中EU', 'EU𝐀', '𝐀EU', '5EU', 'EU2']) {
      expect(found(GLOSSARY, text), text).toEqual([]);
    }
  });

  it('matches next to symbols, emoji and non-Latin punctuation', () => {
    expect(found(GLOSSARY, '😀EU😀 «EU» EU€ ¿EU?')).toEqual(Array(4).fill(['EU', 'eu']));
  });

  it('treats soft hyphens as invisible', () => {
    expect(found(GLOSSARY, 'Bene\u00adlux')).toEqual([['Bene\u00adlux', 'benelux']]);
    expect(found(GLOSSARY, 'Benelux\u00adlanden')).toEqual([]);
  });
});

describe('leftmost-longest, no overlaps', () => {
  const terms = [term('raad', 'Raad'), term('raz', 'Raad Algemene Zaken'), term('az', 'Algemene Zaken')];

  it('takes the longest match at a position', () => {
    expect(found(terms, 'de Raad Algemene Zaken')).toEqual([['Raad Algemene Zaken', 'raz']]);
  });

  it('takes the leftmost match over a longer one that starts later', () => {
    const t = [term('ab', 'a b'), term('bcd', 'b c d e')];
    expect(found(t, 'a b c d e')).toEqual([['a b', 'ab']]);
  });

  it('continues after a match, and finds matches inside an unfinished longer alias', () => {
    expect(found(terms, 'Raad Algemene Zaken, Algemene Zaken, Raad Algemene')).toEqual([
      ['Raad Algemene Zaken', 'raz'],
      ['Algemene Zaken', 'az'],
      ['Raad', 'raad'],
    ]);
    const t = [term('long', 'x y z w'), term('x', 'x'), term('y', 'y'), term('zq', 'z q')];
    expect(found(t, 'x y z q')).toEqual([
      ['x', 'x'],
      ['y', 'y'],
      ['z q', 'zq'],
    ]);
  });

  it('finds an alias that ends inside a longer alias the text does not complete', () => {
    const t = [term('az', 'Algemene Zaken'), term('long', 'de Algemene Zaken van de Raad')];
    expect(found(t, 'de Algemene Zaken.')).toEqual([['Algemene Zaken', 'az']]);
  });

  it('finds a shorter alias ending at the same place when the longer one does not hold', () => {
    const t = [term('ra', ['Raad Algemene', 'exact']), term('alg', 'algemene')];
    expect(found(t, 'raad algemene')).toEqual([['algemene', 'alg']]);
    expect(found(t, 'Raad Algemene')).toEqual([['Raad Algemene', 'ra']]);
  });

  it('falls back to a shorter alias when the longer one fails at its end edge', () => {
    expect(found(terms, 'Raad Algemene Zakenwaar')).toEqual([['Raad', 'raad']]);
  });

  it('keeps many candidates waiting behind an unfinished long alias', () => {
    const x40 = Array<string>(40).fill('x');
    const t = [term('x', 'x'), term('long', [...x40, 'y'].join(' '))];
    expect(found(t, x40.join(' '))).toEqual(Array(40).fill(['x', 'x']));
    expect(found(t, [...x40, 'y'].join(' '))).toEqual([[[...x40, 'y'].join(' '), 'long']]);
  });

  it('returns exact UTF-16 offsets', () => {
    const matches: TermMatch[] = compileMatcher(GLOSSARY).find('😀 de EU\u00a0en het NSEC');
    expect(matches).toEqual([
      { start: 6, end: 8, termId: 'eu' },
      { start: 16, end: 20, termId: 'nsec' },
    ]);
  });
});

describe('which terms take part', () => {
  const terms: MatchTerm[] = [
    term('shown', 'Benelux'),
    { id: 'hidden', highlight: false, aliases: [{ text: 'Raad', caseSensitive: false }] },
  ];
  const text = 'de Benelux Raad';

  it('skips terms with highlight:false', () => {
    expect(found(terms, text)).toEqual([['Benelux', 'shown']]);
  });

  it('includes them when their id is in enabledIds', () => {
    expect(found(terms, text, { enabledIds: new Set(['hidden']) })).toEqual([
      ['Benelux', 'shown'],
      ['Raad', 'hidden'],
    ]);
  });

  it('always skips ids in disabledIds, even when enabled', () => {
    expect(found(terms, text, { disabledIds: new Set(['shown']) })).toEqual([]);
    expect(found(terms, text, { enabledIds: new Set(['hidden']), disabledIds: new Set(['hidden']) })).toEqual([
      ['Benelux', 'shown'],
    ]);
  });

  it('finds nothing with no terms or no text', () => {
    expect(found([], text)).toEqual([]);
    expect(found(terms, '')).toEqual([]);
  });

  it('can be used for many texts after compiling once', () => {
    const matcher = compileMatcher(GLOSSARY);
    expect(matcher.find('EU').length).toBe(1);
    expect(matcher.find('de NSEC en EU').length).toBe(2);
    expect(matcher.find('EU').length).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated cases: random glossaries and texts, checked against the slow reference matcher.

interface Shape {
  pieces: readonly string[];
  terms: number;
  parts: number;
}
const SMALL: Shape = { pieces: PIECES, terms: 12, parts: 40 };
// Many aliases over few letters: states with many edges at every depth.
const WIDE: Shape = { pieces: [...'abcdefghijk', 'ab', 'ba', 'cab', 'É', 'ж'], terms: 150, parts: 120 };

function generateCase(seed: number, shape: Shape = SMALL) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const terms: MatchTerm[] = [];
  const termCount = 1 + Math.floor(random() * shape.terms);
  for (let t = 0; t < termCount; t++) {
    const aliases = [];
    for (let k = 0; k < 1 + Math.floor(random() * 2); k++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(shape.pieces));
      aliases.push({ text: words.join(pick([' ', ' ', '-', '  '])), caseSensitive: random() < 0.3 });
    }
    // Some terms have a "not this" phrase: one of their aliases with a word before or after it.
    const notThis =
      random() < 0.3
        ? [
            random() < 0.5
              ? `${pick(aliases).text} ${pick(shape.pieces)}`
              : `${pick(shape.pieces)} ${pick(aliases).text}`,
          ]
        : [];
    terms.push({ id: `t${t}`, highlight: random() < 0.85, aliases, notThis });
  }
  const options: MatcherOptions = {
    enabledIds: new Set(terms.filter(() => random() < 0.5).map((t) => t.id)),
    disabledIds: new Set(terms.filter(() => random() < 0.1).map((t) => t.id)),
  };
  let text = '';
  const parts = 5 + Math.floor(random() * shape.parts);
  for (let p = 0; p < parts; p++) {
    const r = random();
    const blocking = terms.flatMap((t) => t.notThis ?? []);
    if (r < 0.08 && blocking.length > 0) {
      // A planted "not this" phrase, perhaps in another case.
      text += random() < 0.5 ? randomCase(pick(blocking), random) : pick(blocking);
    } else if (r < 0.4) {
      // A planted alias, perhaps in another case, with other whitespace or without accents.
      const alias = pick(pick(terms).aliases);
      let planted = alias.text.replace(/\s+/g, () => pick([' ', '\n', '\u00a0', '\t ', '\u202f']));
      if (!alias.caseSensitive && random() < 0.5) planted = randomCase(planted, random);
      if (!alias.caseSensitive && random() < 0.3) planted = planted.replaceAll('é', 'e');
      text += planted;
    } else if (r < 0.8) {
      text += pick(FILLER);
    } else {
      text += pick(shape.pieces);
    }
    text += random() < 0.7 ? pick(SEPARATORS) : '';
  }
  return { terms, options, text };
}

describe('"not this" phrases', () => {
  const comite: MatchTerm = {
    ...term('comite-van-ministers', 'Comité van Ministers'),
    notThis: ['Comité van Ministers van de Raad van Europa'],
  };
  const raad = term('raad-van-europa', 'Raad van Europa');

  it('a longer phrase that names something else highlights nothing, the term alone still is', () => {
    const text = 'Het Comité van Ministers van de Raad van Europa besloot; het Comité van Ministers ook.';
    expect(found([comite], text)).toEqual([['Comité van Ministers', 'comite-van-ministers']]);
  });

  it('takes its whole text: no other term inside it is highlighted either', () => {
    expect(found([comite, raad], 'Het Comité van Ministers van de Raad van Europa.')).toEqual([]);
    expect(found([comite, raad], 'De Raad van Europa.')).toEqual([['Raad van Europa', 'raad-van-europa']]);
  });

  it('is matched like a case-insensitive alias: any case, folded diacritics, any whitespace', () => {
    expect(found([comite], 'het comite VAN ministers van de\nraad van  europa')).toEqual([]);
  });

  it('is leftmost-longest like everything else: an alias that starts earlier wins, and the phrase is not there', () => {
    const a = term('a', 'Benelux Unie');
    const b: MatchTerm = { ...term('b', 'Comité'), notThis: ['Unie Comité van Europa'] };
    expect(found([a, b], 'de Benelux Unie Comité van Europa')).toEqual([
      ['Benelux Unie', 'a'],
      ['Comité', 'b'],
    ]);
  });

  it('blocks whatever the reader switched: a term marked known or not highlighted keeps its phrases', () => {
    const text = 'Het Comité van Ministers van de Raad van Europa.';
    expect(found([comite, raad], text, { disabledIds: new Set(['comite-van-ministers']) })).toEqual([]);
    expect(found([{ ...comite, highlight: false }, raad], text)).toEqual([]);
  });

  it('comes through the binary form a content script loads', () => {
    const loaded = decodeCompiledGlossary(encodeCompiledGlossary(compileGlossary('v', [comite, raad])));
    const text = 'Het Comité van Ministers van de Raad van Europa; het Comité van Ministers.';
    const start = text.lastIndexOf('Comité');
    expect(matcherFor(loaded).find(text)).toEqual([{ start, end: start + 20, termId: 'comite-van-ministers' }]);
  });
});

describe('generated cases agree with the reference matcher', () => {
  it('on 1500 random glossaries and texts, in memory and from the binary form', { timeout: 60_000 }, () => {
    let total = 0;
    let blockedCases = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const { terms, options, text } = generateCase(seed);
      const expected = referenceFind(terms, text, options);
      const actual = compileMatcher(terms, options).find(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        // Report the smallest useful failure: the seed and the inputs.
        expect({ seed, text, terms, actual }).toEqual({ seed, text, terms, actual: expected });
      }
      // The binary form a content script loads matches exactly what the in-memory one matched.
      const loaded = decodeCompiledGlossary(encodeCompiledGlossary(compileGlossary('v', terms)));
      const fromBinary = matcherFor(loaded, options).find(text);
      if (JSON.stringify(fromBinary) !== JSON.stringify(expected)) {
        expect({ seed, text, terms, fromBinary }).toEqual({ seed, text, terms, fromBinary: expected });
      }
      total += expected.length;
      const withoutBlocks = terms.map((t) => ({ ...t, notThis: [] }));
      if (JSON.stringify(referenceFind(withoutBlocks, text, options)) !== JSON.stringify(expected)) blockedCases++;
    }
    // The planted aliases are found: the comparison is not between two empty lists.
    expect(total).toBeGreaterThan(5000);
    // And the planted "not this" phrases change what is found in many of them.
    expect(blockedCases).toBeGreaterThan(100);
  });

  it('on 300 large glossaries over a few letters, in memory and from the binary form', { timeout: 60_000 }, () => {
    let total = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { terms, options, text } = generateCase(seed, WIDE);
      const expected = referenceFind(terms, text, options);
      const actual = compileMatcher(terms, options).find(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect({ seed, text, terms, actual }).toEqual({ seed, text, terms, actual: expected });
      }
      const loaded = decodeCompiledGlossary(encodeCompiledGlossary(compileGlossary('v', terms)));
      const fromBinary = matcherFor(loaded, options).find(text);
      if (JSON.stringify(fromBinary) !== JSON.stringify(expected)) {
        expect({ seed, text, terms, fromBinary }).toEqual({ seed, text, terms, fromBinary: expected });
      }
      total += expected.length;
    }
    expect(total).toBeGreaterThan(3000);
  });

  it('the reference matcher itself follows the rules on a known case', () => {
    const text = 'Osaka OSA, REPowerEU EU, Raad\nAlgemene Zaken';
    expect(referenceFind(GLOSSARY, text)).toEqual([
      { start: 6, end: 9, termId: 'osa' },
      { start: 21, end: 23, termId: 'eu' },
      { start: 25, end: 44, termId: 'raz' },
    ]);
  });
});
