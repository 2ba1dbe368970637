/**
 * Rebuilds the structure of the Benelux letter from its PDF text extraction
 * (data/source/benelux-voorzitterschap-2023.txt): headings, paragraphs, the numbered list in 1c and
 * the closing, with line-break hyphenation resolved.
 *
 * Block ids are deterministic and derived from the letter's own numbering where it has one:
 * - headings: `h-` + part key — "h-1", "h-1a" … "h-1d", "h-2";
 * - list items: `li-` + part key + `-` + item number — "li-1c-1", "li-1c-2", "li-1c-3";
 * - paragraphs: `p-1`, `p-2` … in document order, counted over the whole letter;
 * - the closing: `closing`.
 */

export type LetterBlock =
  | { kind: 'heading'; level: 1 | 2; number: string; text: string; id: string }
  | { kind: 'paragraph'; text: string; id: string }
  | { kind: 'list-item'; number: string; text: string; id: string }
  | { kind: 'closing'; text: string; id: string };

// Fragments that take a hyphen in Dutch compounds even before a lowercase word ("Benelux-landen").
// Acronyms ("EU-niveau") are recognised by shape, so only proper names need listing.
const HYPHENATED_HEADS: ReadonlySet<string> = new Set(['Benelux']);

// A hyphen left dangling before a conjunction is an elision ("terug- en overnameovereenkomsten").
const ELISION_FOLLOWER = /^(?:en|of|tot)(?:\s|$)/u;

/**
 * Joins two consecutive lines of the letter. When `left` ends in a hyphen, decides whether the
 * hyphen is part of the text or only line-break hyphenation:
 * - kept when `right` starts with an uppercase letter or a digit ("Benelux-" + "Verdragen",
 *   "Hauts-de-" + "France"), when the fragment before the hyphen ends in a digit ("COVID-19-" +
 *   "crisis"), is an acronym ("EU-" + "niveau") or a proper name that heads hyphenated compounds
 *   ("Benelux-" + "landen");
 * - kept with a space when `right` starts with a conjunction ("terug-" + "en …");
 * - removed otherwise ("intergou-" + "vernementeel", "Koninkrijks-" + "relaties").
 * Dutch hyphens from vowel clashes ("Noordzee-energie") are not guessed: a line break at a trema
 * ("ge-" + "integreerd" for "geïntegreerd") looks the same, and the letter has neither at a line end.
 * Without a trailing hyphen the lines are joined with one space.
 */
export function dehyphenate(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (r === '') return l;
  if (l === '') return r;
  if (!l.endsWith('-')) return `${l} ${r}`;
  const stem = l.slice(0, -1);
  // A hyphen after a space or punctuation is a dash, not a word break.
  if (!/[\p{L}\p{N}]$/u.test(stem)) return `${l} ${r}`;
  if (ELISION_FOLLOWER.test(r)) return `${l} ${r}`;
  const fragment = /[\p{L}\p{N}]+$/u.exec(stem)?.[0] ?? '';
  const keep =
    /^[\p{Lu}\p{N}]/u.test(r) ||
    /\p{N}$/u.test(fragment) ||
    /^\p{Lu}{2,}$/u.test(fragment) ||
    HYPHENATED_HEADS.has(fragment);
  return keep ? `${l}${r}` : `${stem}${r}`;
}

function joinLines(lines: readonly string[]): string {
  const joined = lines.reduce((acc, line) => dehyphenate(acc, line), '');
  return joined.replace(/\s+/gu, ' ').trim();
}

const BLANK = /^\s*$/u;
const SENTENCE_END = /[.;:!?»]$/u;

/**
 * Splits the text into raw blocks of lines. Blank lines (spaces only count as blank) separate
 * blocks. A page break shows up as a line starting with a stray space; where the line before it
 * ends a sentence, the extraction lost the blank line and a new block starts there (" 3. het
 * Comité …", " Daarnaast worden onze landen …"). Mid-sentence page breaks (" crisis …") continue.
 */
function splitBlocks(source: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(current);
    current = [];
  };
  for (const line of source.split(/\r?\n/u)) {
    if (BLANK.test(line)) {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous !== undefined && /^\s/u.test(line) && SENTENCE_END.test(previous.trimEnd())) {
      flush();
    }
    current.push(line);
  }
  flush();
  return blocks;
}

const MARKER = /^(\d+|[a-z])\.\s+(.+)$/su;

/** Reconstructs the letter's blocks in document order. Ids: see the module comment. */
export function reconstructLetter(source: string): LetterBlock[] {
  const raw = splitBlocks(source);
  const result: LetterBlock[] = [];
  let part = 'opening';
  let chapter = '';
  let paragraphs = 0;

  raw.forEach((lines, index) => {
    const first = lines[0]?.trim() ?? '';
    // The signature: the last block, opened by a line like "De Minister van Buitenlandse Zaken,".
    if (index === raw.length - 1 && first.endsWith(',')) {
      result.push({
        kind: 'closing',
        text: lines.map((line) => line.replace(/\s+/gu, ' ').trim()).join('\n'),
        id: 'closing',
      });
      return;
    }
    const text = joinLines(lines);
    const marked = MARKER.exec(text);
    if (marked) {
      const number = marked[1] ?? '';
      const rest = marked[2] ?? '';
      // Headings carry no closing punctuation; the items of 1c end in ";" or ".".
      if (!/[.;:,!?]$/u.test(rest)) {
        const level = /^\d+$/u.test(number) ? 1 : 2;
        if (level === 1) {
          chapter = number;
          part = number;
        } else {
          part = `${chapter}${number}`;
        }
        result.push({ kind: 'heading', level, number, text: rest, id: `h-${part}` });
        return;
      }
      result.push({ kind: 'list-item', number, text: rest, id: `li-${part}-${number}` });
      return;
    }
    paragraphs += 1;
    result.push({ kind: 'paragraph', text, id: `p-${paragraphs}` });
  });
  return result;
}
