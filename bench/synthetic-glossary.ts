/**
 * Synthetic glossaries and texts for the benchmarks (seeded): pseudo-words of Dutch-like syllables,
 * acronyms, phrases of one to four words, some with a plural; text with planted terms.
 */
import type { MatchTerm } from '../core/term-matcher';
import { prng } from '../test/prng';

const random = prng(20230701);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const COMMON = (
  'de het een en van in op te dat die voor met is zijn niet aan er om ook als bij door over naar ' +
  'the of and to in is that for on with as by this are be from at an which it not or ' +
  'samenwerking grensoverschrijdende voorzitterschap regering ministers landen beleid raad ' +
  'cooperation presidency government ministers countries policy council agreement treaty ' +
  'energie klimaat veiligheid mobiliteit digitale economie interne markt justitie politie ' +
  'energy climate security mobility digital economy internal market justice police ' +
  'café coördinatie financiën reünie België élan naïef überhaupt zeeën ideeën géén'
).split(' ');
const SYLLABLES =
  'be ne lux raad ver drag werk ing over heid zaak lijk ter cor pro gram ma ti ca sie uni on eur op a'.split(' ');
const LETTERS = [...'ABCDEFGHIJKLMNOPRSTUVWZ'];

function pseudoWord(): string {
  let word = '';
  const n = 2 + Math.floor(random() * 3);
  for (let k = 0; k < n; k++) word += pick(SYLLABLES);
  return word;
}

function word(): string {
  return random() < 0.7 ? pick(COMMON) : pseudoWord();
}

function acronym(): string {
  let text = '';
  const n = 2 + Math.floor(random() * 5);
  for (let k = 0; k < n; k++) text += pick(LETTERS);
  return text;
}

export function makeGlossary(count: number): MatchTerm[] {
  const terms: MatchTerm[] = [];
  for (let k = 0; k < count; k++) {
    if (random() < 0.15) {
      terms.push({ id: `t${k}`, highlight: true, aliases: [{ text: acronym(), caseSensitive: true }] });
      continue;
    }
    const words: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let w = 0; w < n; w++) words.push(w === 0 ? pseudoWord() : word());
    const phrase = words.join(' ');
    const aliases = [{ text: phrase, caseSensitive: false }];
    if (random() < 0.3) aliases.push({ text: `${phrase}s`, caseSensitive: false });
    terms.push({ id: `t${k}`, highlight: true, aliases });
  }
  return terms;
}

export function makeText(glossary: readonly MatchTerm[], chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let sentenceStart = true;
  while (length < chars) {
    let piece: string;
    const r = random();
    if (r < 0.03) {
      // Planted term: mostly from the first 100, so every glossary size finds some.
      const term = glossary[random() < 0.5 ? Math.floor(random() * 100) : Math.floor(random() * glossary.length)];
      piece = term?.aliases[0]?.text ?? word();
    } else {
      piece = word();
    }
    if (sentenceStart) piece = piece.charAt(0).toUpperCase() + piece.slice(1);
    sentenceStart = false;
    let sep = ' ';
    const s = random();
    if (s < 0.06) {
      sep = '. ';
      sentenceStart = true;
    } else if (s < 0.09) sep = ', ';
    else if (s < 0.1) sep = '\n';
    else if (s < 0.105) sep = '\u00a0';
    else if (s < 0.11) sep = '-';
    parts.push(piece, sep);
    length += piece.length + sep.length;
  }
  return parts.join('').slice(0, chars);
}
