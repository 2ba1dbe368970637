import { sentenceAround } from './sentence';
import { foldText } from './text-fold';

/**
 * Abbreviations a text defines, in the forms writers use: "Carbon Border Adjustment Mechanism (CBAM)",
 * "CBAM (Carbon Border Adjustment Mechanism)", and the habits of legal and policy prose in the four
 * languages — "(hierna: ETIAS)", "(ci-après « MAE »)", "(im Folgenden „GASP“)", "(hereinafter 'the
 * Agency')" is not one (no capitals to match). A long form is accepted only when the abbreviation's
 * letters can be found in it in order, its first letter at a word's start and every word of the long
 * form used (Schwartz & Hearst's rule, 2003, widened to skip the small words each language puts in
 * names): a parenthesis that merely follows a capitalised word is not a definition.
 */

export interface AbbreviationDefinition {
  abbreviation: string;
  /** The long form as the text writes it. */
  expansion: string;
  /** The sentence it was found in: the source the reader sees, and keeps. */
  sentence: string;
  /** Where the definition starts in the text (the long form or the abbreviation, whichever comes first). */
  index: number;
}

/** An abbreviation: one token of 2–10 letters, digits, `-`, `&` or `/`, with at least two capitals. */
const SHORT_FORM = /^(?=(?:[^A-ZÀ-Þ]*[A-ZÀ-Þ]){2})[\p{L}\p{N}][\p{L}\p{N}&/-]{1,9}$/u;

/** Is `text` written like an abbreviation (one short token with two capitals or more: CBAM, EU-ETS)? */
export function looksLikeAbbreviation(text: string): boolean {
  return SHORT_FORM.test(text);
}

/** What precedes an abbreviation inside the parenthesis: "hierna", "ci-après", "im Folgenden", … */
const HEREINAFTER =
  /^(?:(?:hierna|hierna te noemen|hierna genoemd|afgekort|afk\.|ci-après|ci-après dénommée?s?|dit(?:e|es)?|en abrégé|im Folgenden|nachstehend|kurz|abgekürzt|abgek\.|hereinafter|hereafter|hereinafter referred to as|abbreviated|or|of|ou|oder)\s*[:,]?\s*)?(?:(?:de|het|la|le|l'|l’|les|der|die|das|the)\s+)?/iu;

/** Quotes around an abbreviation in the four languages' typography. */
const QUOTES = /^["'‘’“”„«»‹›]+\s*|\s*["'‘’“”„«»‹›]+$/gu;

/** Small words a long form may have that its abbreviation skips ("Court of Justice" → CJ). */
const SKIPPABLE = new Set(
  [
    'of the and for in on to a an',
    'van de het der den voor en in op met',
    'de du des la le les l et pour en à au aux sur',
    'der die das des dem den und für von zu zur zum im in auf mit',
  ]
    .join(' ')
    .split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The most words a long form may have for an abbreviation of `n` letters. */
const maxWords = (n: number) => Math.min(n + 5, n * 2);

/**
 * Does `short` abbreviate the words of `long`? Its letters are found in order: the first of each word it
 * takes at that word's start, the next ones at the start of a following word or later in the same word
 * ("GASP": Gemeinsame Außen- und Sicherheits·Politik); every word of `long` gives a letter or is a small
 * word, and the first word gives the first letter.
 */
export function abbreviates(short: string, long: string): boolean {
  // Folded (case and accents): "PESC" takes its E from "étrangère".
  const letters = [...foldText(short)].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const words = [...foldText(long).matchAll(WORD)].map((m) => m[0]);
  if (letters.length < 2 || words.length === 0 || words.length > maxWords(letters.length)) return false;
  if (words.some((w) => w === foldText(short))) return false;
  const restSkippable = (from: number) => words.slice(from).every((w) => SKIPPABLE.has(w));
  // Letter i, in word w after its character c (the word already gave a letter). Memoised: a word of
  // repeated letters would otherwise try every combination of its positions.
  const seen = new Map<string, boolean>();
  const match = (i: number, w: number, c: number): boolean => {
    const key = `${i} ${w} ${c}`;
    let result = seen.get(key);
    if (result === undefined) seen.set(key, (result = tryMatch(i, w, c)));
    return result;
  };
  const tryMatch = (i: number, w: number, c: number): boolean => {
    if (i === letters.length) return restSkippable(w + 1);
    const letter = letters[i]!;
    // The next word that gives a letter, after small words only.
    for (let next = w + 1; next < words.length; next++) {
      if (words[next]![0] === letter && match(i + 1, next, 0)) return true;
      if (!SKIPPABLE.has(words[next]!)) break;
    }
    // Or later in this word.
    const word = words[w]!;
    for (let at = word.indexOf(letter, c + 1); at > 0; at = word.indexOf(letter, at + 1)) {
      if (match(i + 1, w, at)) return true;
    }
    return false;
  };
  return words[0]![0] === letters[0] && match(1, 0, 0);
}

/** The shortest run of the words before `end` in `text` that `short` abbreviates, or null. */
function longFormBefore(text: string, end: number, short: string): { start: number; expansion: string } | null {
  const window = text.slice(Math.max(0, end - 200), end);
  const offset = end - window.length;
  // The clause the long form sits in: not across a sentence end, a colon or another parenthesis.
  const clauseStart = Math.max(...['. ', '; ', ': ', '(', ')', '\n'].map((d) => window.lastIndexOf(d) + d.length));
  const clause = window.slice(clauseStart > 0 ? clauseStart : 0);
  const words = [...clause.matchAll(WORD)];
  for (let k = words.length - 1; k >= Math.max(0, words.length - maxWords(short.length)); k--) {
    const from = words[k]!.index;
    const candidate = clause.slice(from).trim();
    if (SKIPPABLE.has(foldText(words[k]![0]))) continue;
    if (abbreviates(short, candidate)) {
      return { start: offset + (clauseStart > 0 ? clauseStart : 0) + from, expansion: candidate };
    }
  }
  return null;
}

/** Every abbreviation `text` defines, each once (its first definition), in text order. */
export function findAbbreviationDefinitions(text: string, max = 50): AbbreviationDefinition[] {
  const found = new Map<string, AbbreviationDefinition>();
  const add = (definition: AbbreviationDefinition) => {
    if (!found.has(definition.abbreviation)) found.set(definition.abbreviation, definition);
  };
  for (const paren of text.matchAll(/\(([^()]{2,200})\)/gu)) {
    if (found.size >= max) break;
    const inside = paren[1]!.trim();
    const open = paren.index;
    const close = open + paren[0].length;
    // "Long Form (ABBR)" and "Long Form (hierna: ABBR)".
    const short = inside.replace(HEREINAFTER, '').replace(QUOTES, '').trim();
    if (SHORT_FORM.test(short)) {
      const long = longFormBefore(text, open, short);
      if (long) {
        add({
          abbreviation: short,
          expansion: long.expansion.replace(/\s+/g, ' '),
          sentence: sentenceAround(text, long.start, close),
          index: long.start,
        });
      }
      continue;
    }
    // "ABBR (Long Form)".
    const before = /([\p{L}\p{N}][\p{L}\p{N}&/-]{1,9})\s*$/u.exec(text.slice(Math.max(0, open - 12), open));
    const abbreviation = before?.[1];
    if (abbreviation && SHORT_FORM.test(abbreviation) && abbreviates(abbreviation, inside)) {
      const start = open - before[0].length;
      add({
        abbreviation,
        expansion: inside.replace(/\s+/g, ' '),
        sentence: sentenceAround(text, start, close),
        index: start,
      });
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}
