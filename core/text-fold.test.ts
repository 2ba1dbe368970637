import { describe, expect, it } from 'vitest';
import { foldText, foldUnit, getFoldTables, isWordCodePoint, segmentAlias, segmentText } from './text-fold';

const fold = (ch: string): string => String.fromCharCode(foldUnit(ch.charCodeAt(0)));

describe('foldUnit', () => {
  it('lower-cases letters of any cased script', () => {
    expect(['A', 'Z', 'Ω', 'Д', 'Ǆ'].map(fold)).toEqual(['a', 'z', 'ω', 'д', 'ǆ']);
  });

  it('strips diacritics from precomposed Latin letters', () => {
    expect(['é', 'É', 'ë', 'ç', 'Å', 'ñ', 'ő', 'Ł', 'ø', 'Ǿ', 'ș', 'ạ', 'Ỳ'].map(fold)).toEqual([
      'e',
      'e',
      'e',
      'c',
      'a',
      'n',
      'o',
      'l',
      'o',
      'o',
      's',
      'a',
      'y',
    ]);
  });

  it('leaves letters whose folding would change the length, or that are not accented Latin', () => {
    expect(fold('İ')).toBe('İ'); // 'İ'.toLowerCase() is two units
    expect(fold('ß')).toBe('ß');
    expect(fold('æ')).toBe('æ');
    expect(fold('й')).toBe('й'); // a letter of its own in Cyrillic, not и with a mark
    expect(fold('ά')).toBe('ά');
  });

  it('folds every whitespace character to a plain space, and nothing else', () => {
    expect([' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u3000'].map(fold)).toEqual(Array(8).fill(' '));
    expect(['-', '_', '\u200b', '\u00ad'].map(fold)).toEqual(['-', '_', '\u200b', '\u00ad']);
  });

  it('folds typographic apostrophes and hyphens to ASCII, but not dashes', () => {
    expect(['’', '‘', '\u2011', '\u2010'].map(fold)).toEqual(["'", "'", '-', '-']);
    expect(fold('–')).toBe('–');
    expect(fold('ʼ')).toBe('ʼ'); // MODIFIER LETTER APOSTROPHE is a letter: folding it would move word edges
  });

  it('keeps U+FFFF free for the matcher', () => {
    expect(foldUnit(0xffff)).toBe(0xfffd);
  });

  it('never turns a letter, mark or digit into something else, or the reverse', () => {
    // The matcher decides word edges on folded text, so this must hold for every unit.
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (isWordCodePoint(c) !== isWordCodePoint(foldUnit(c))) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('is idempotent', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (foldUnit(foldUnit(c)) !== foldUnit(c)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });
});

describe('foldText', () => {
  it('preserves length, so offsets map 1:1 to the original', () => {
    const text = 'İSTANBUL Comité\u00a0Ærø 😀 Σ';
    const folded = foldText(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe('İstanbul comite æro 😀 σ');
  });

  it('builds its tables once', () => {
    expect(getFoldTables()).toBe(getFoldTables());
  });
});

describe('isWordCodePoint', () => {
  it('is true for letters, marks and digits of any script, also outside the BMP', () => {
    for (const ch of ['a', 'é', 'ж', 'α', '中', '٣', '5', '\u0301', '𝐀']) {
      expect(isWordCodePoint(ch.codePointAt(0) ?? 0), ch).toBe(true);
    }
  });

  it('is false for spaces, punctuation, symbols and emoji', () => {
    for (const ch of [' ', '-', "'", '’', '.', '(', '€', '\u00ad', '😀']) {
      expect(isWordCodePoint(ch.codePointAt(0) ?? 0), ch).toBe(false);
    }
  });
});

describe('segmentText', () => {
  const summary = (text: string): string[] => segmentText(text).map((u) => `${u.start}-${u.end}:${u.key}`);

  it('makes a run of any whitespace one unit', () => {
    expect(summary('a \n\u00a0\tb')).toEqual(['0-1:a', '1-5: ', '5-6:b']);
  });

  it('absorbs combining marks into a Latin letter, and folds like the precomposed letter', () => {
    const units = segmentText('Ce\u0301\u0300!');
    expect(units.map((u) => [u.start, u.end, u.key, u.exact])).toEqual([
      [0, 1, 'c', 'C'],
      [1, 4, 'e', 'e\u0301\u0300'],
      [4, 5, '!', '!'],
    ]);
  });

  it('does not absorb marks after non-Latin letters or after spaces', () => {
    expect(summary('и\u0306 \u0301')).toEqual(['0-1:и', '1-2:\u0306', '2-3: ', '3-4:\u0301']);
  });

  it('absorbs soft hyphens, and leaves them out of the exact text', () => {
    const units = segmentText('Bene\u00adlux');
    expect(units.map((u) => u.exact).join('')).toBe('Benelux');
    expect(units[3]).toMatchObject({ start: 3, end: 5, key: 'e' });
  });

  it('keeps a surrogate pair together, with its word-ness', () => {
    expect(segmentText('𝐀😀').map((u) => [u.start, u.end, u.word])).toEqual([
      [0, 2, true],
      [2, 4, false],
    ]);
  });

  it('marks word units', () => {
    expect(segmentText("l'U 5").map((u) => u.word)).toEqual([true, false, true, false, true]);
  });
});

describe('segmentAlias', () => {
  it('drops whitespace at either end', () => {
    expect(segmentAlias('  EU\n').map((u) => u.key)).toEqual(['e', 'u']);
    expect(segmentAlias(' \t ')).toEqual([]);
  });
});
