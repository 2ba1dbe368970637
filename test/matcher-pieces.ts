/** Pieces of the generated matcher cases (core/term-matcher.test.ts, core/token-matcher.test.ts). */

// Short, overlapping pieces so that aliases share prefixes and suffixes and collide often.
export const PIECES = [
  'a',
  'ab',
  'ba',
  'abc',
  'é',
  'e\u0301',
  'ë',
  'É',
  'eu',
  'EU',
  'Eu',
  'raad',
  'ra',
  'x1',
  'ж',
  'ω',
  "l'a",
  'l’a',
  'a-b',
  '😀',
  '𝐀',
  'İ',
  'ß',
];

export const FILLER = [
  'a',
  'b',
  'e',
  'é',
  'E',
  'É',
  'u',
  'r',
  'ж',
  'ω',
  'Ω',
  'Σ',
  'İ',
  'ı',
  '1',
  '٣',
  '\u0301',
  '\u0483',
  '\u00ad',
  '𝐀',
  '😀',
  '\ud800',
];

export const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u202f', '-', '.', ',', "'", '’', '(', ')', '"'];

export function randomCase(text: string, random: () => number): string {
  return [...text].map((ch) => (random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join('');
}
