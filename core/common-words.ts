/**
 * Each language's most frequent words, and whether a glossary form is made only of them ("market",
 * "air quality", "l'énergie"): such generic forms are not highlighted by default (imported-terms.ts).
 *
 * The lists are data (data/common-words.json, made by scripts/common-words.ts) passed in by the caller,
 * so this module stays free of bundler specifics; the background and Node tests load the same file.
 * Words are compared folded as the matcher folds text (text-fold.ts: case, Latin diacritics).
 */
import { LANGS, type Lang } from './constants';
import { getFoldTables } from './text-fold';
import { z } from './zod';

export const commonWordsDataSchema = z.strictObject({
  format: z.literal(1),
  /** How many words each language's list holds: its most frequent ones, after cleaning. */
  cut: z.int().check(z.positive()),
  /** Where the words come from and under which terms (the licence file beside the data says more). */
  source: z.string(),
  licence: z.string(),
  /** Per language, the words in frequency order, one a line. */
  words: z.record(z.enum(LANGS), z.string()),
});
export type CommonWordsData = z.infer<typeof commonWordsDataSchema>;

export interface CommonWords {
  /** The languages that have a list. */
  readonly langs: readonly Lang[];
  /**
   * Whether every word of `text` is a common word of `lang` (of any listed language for `mul` or a
   * language without a list), numbers and single letters counting as common — unless the form is
   * written as an abbreviation ("CBAM", "eu-LISA") or as a name (isNameForm), which a frequency list
   * cannot judge.
   */
  isGenericForm(text: string, lang: string, options?: NameOptions): boolean;
  /** Whether one folded word (no spaces or punctuation) is common in `lang`. */
  isCommonWord(foldedWord: string, lang: Lang): boolean;
}

// Letters, marks and digits: a form's words are its runs of these (hyphens and apostrophes split).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;
const UPPER = /\p{Lu}/gu;
// Dutch capitalises the digraph IJ as one letter ("IJsselmeer" is not an acronym).
const DUTCH_IJ = /^IJ(?![\p{Lu}])/u;

/** A form as its words are read: NFC, soft hyphens dropped. */
const readable = (text: string) => text.normalize('NFC').replace(/\u00ad/g, '');

/** The words of a form as written (NFC, soft hyphens dropped): "l'énergie" → ["l", "énergie"]. */
export function wordsOf(text: string): string[] {
  return readable(text).match(WORD) ?? [];
}

/** Folds a word (or any short text, NFC first) as the matcher folds text: foldText without its buffers. */
export function foldWord(word: string): string {
  const { fold } = getFoldTables();
  const text = word.normalize('NFC');
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    folded += String.fromCharCode(fold[code] ?? code);
  }
  return folded;
}

/** A word written as an abbreviation: two capitals or more ("EU", "eIDAS", "LISA"), or a capital inside ("5G"). */
function isAbbreviationWord(word: string): boolean {
  const w = word.replace(DUTCH_IJ, 'Ij');
  const capitals = w.match(UPPER)?.length ?? 0;
  return capitals >= 2 || (capitals === 1 && !/^\p{Lu}/u.test(w));
}

/** Whether a form is written as an abbreviation, or has a word so written ("CBAM", "eu-LISA", "EU-niveau"). */
export function isAbbreviationForm(text: string): boolean {
  return wordsOf(text).some(isAbbreviationWord);
}

export interface NameOptions {
  /**
   * A capital first letter makes a form of two words or more a name ("Commission européenne"): true
   * for glossaries that write their other terms in lower case, as IATE does ("qualité de l'air"),
   * not for a spreadsheet that capitalises every cell.
   */
  sentenceCaseNames?: boolean;
}

/**
 * Whether a form of two words or more is written as a name: every word of four letters or more
 * capitalised, and at least two ("Carbon Border Adjustment Mechanism", "Raad Algemene Zaken",
 * "Hof van Justitie"), or with `sentenceCaseNames` its first word capitalised. Words are what spaces
 * separate: "Pays-Bas" and "C'est" are one word each, as a frequency list counts them. Never in
 * German, which capitalises every noun.
 */
export function isNameForm(text: string, lang: string, options: NameOptions = {}): boolean {
  return lang !== 'de' && isNameOfWords(spacedWordsOf(text), options);
}

/** isNameForm of a form's spaced words (spacedWordsOf), outside German. */
function isNameOfWords(spaced: readonly string[], options: NameOptions): boolean {
  const words = spaced.filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  if (options.sentenceCaseNames && /^\p{Lu}/u.test(words[0] ?? '')) return true;
  return capitalised.length >= 2 && words.every((w) => [...w].length < 4 || /^\p{Lu}/u.test(w));
}

/** The words of a form as spaces separate them, punctuation at their edges dropped ("Pays-Bas", "l’énergie"). */
export function spacedWordsOf(text: string): string[] {
  return spacedWordsOfReadable(readable(text));
}

/** spacedWordsOf of a text already made readable (NFC, no soft hyphens). */
function spacedWordsOfReadable(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

/** A hyphenated word with two capitalised parts or more is a name ("Hauts-de-France"), outside German. */
function isHyphenatedName(word: string): boolean {
  return word.split('-').filter((part) => /^\p{Lu}/u.test(part)).length >= 2;
}

/** Validates the data (as imported from JSON) and builds the look-ups: ~50 ms for four lists of 5 000. */
export function loadCommonWords(data: unknown): CommonWords {
  const parsed = commonWordsDataSchema.parse(data);
  // Per language, every folded word of every entry ("aujourd'hui" → "aujourd", "hui"), and the
  // entries that are more than one word as a whole ("pays-bas": listed, so common despite its capitals).
  const words = new Map<Lang, Set<string>>();
  const compounds = new Map<Lang, Set<string>>();
  for (const lang of LANGS) {
    const set = new Set<string>();
    const whole = new Set<string>();
    for (const entry of parsed.words[lang].split('\n')) {
      const parts = wordsOf(entry).map(foldWord);
      for (const part of parts) set.add(part);
      if (parts.length > 1) whole.add(foldWord(entry.trim()));
    }
    words.set(lang, set);
    compounds.set(lang, whole);
  }
  const langs = LANGS.filter((lang) => (words.get(lang)?.size ?? 0) > 0);

  const isCommonWord = (word: string, lang: Lang): boolean =>
    (words.get(lang)?.has(word) ?? false) || DIGITS.test(word) || [...word].length === 1;

  // Judging an import's forms is a good part of the background's compile after an import (~400 000
  // forms at 100 000 concepts): the form is made readable once, and each word folded only when a
  // language's judgement reaches that word (most forms fail at their first uncommon word).
  return {
    langs,
    isCommonWord,
    isGenericForm(text, lang, options = {}) {
      const form = readable(text);
      const all = form.match(WORD);
      if (!all || all.some(isAbbreviationWord)) return false;
      const spacedWords = spacedWordsOfReadable(form);
      if (lang !== 'de' && isNameOfWords(spacedWords, options)) return false;
      type Word = { folded: string; parts: string[] | null; name: boolean };
      const seen: (Word | undefined)[] = [];
      const wordAt = (k: number): Word =>
        (seen[k] ??= {
          folded: foldWord(spacedWords[k]!),
          parts: null,
          name: lang !== 'de' && isHyphenatedName(spacedWords[k]!),
        });
      const partsOf = (w: Word, k: number) => (w.parts ??= wordsOf(spacedWords[k]!).map(foldWord));
      const judges = (langs as readonly string[]).includes(lang) ? [lang as Lang] : langs;
      return judges.some((l) =>
        spacedWords.every((_, k) => {
          const w = wordAt(k);
          return compounds.get(l)?.has(w.folded) || (!w.name && partsOf(w, k).every((part) => isCommonWord(part, l)));
        }),
      );
    },
  };
}
