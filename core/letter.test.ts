import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dehyphenate, reconstructLetter, type LetterBlock } from './letter';
import { normaliseSource, occursVerbatim } from './verbatim';

const source = readFileSync('data/source/benelux-voorzitterschap-2023.txt', 'utf8');
const blocks = reconstructLetter(source);

/** The block as it reads in the letter, numbering included. */
function asRead(block: LetterBlock): string {
  return block.kind === 'heading' || block.kind === 'list-item' ? `${block.number}. ${block.text}` : block.text;
}

const fullText = blocks.map(asRead).join('\n');

function byId(id: string): LetterBlock {
  const block = blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
}

describe('reconstructLetter: paragraphs', () => {
  it('finds every block of the letter once, in order', () => {
    const counts: Record<string, number> = {};
    for (const b of blocks) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
    expect(counts).toEqual({ paragraph: 24, heading: 6, 'list-item': 3, closing: 1 });
    expect(blocks).toHaveLength(34);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
  });

  it("puts every block under its heading, in the letter's order", () => {
    expect(blocks.map((b) => b.id)).toEqual([
      ...['p-1', 'p-2'],
      ...['h-1', 'p-3', 'p-4'],
      ...['h-1a', 'p-5', 'p-6', 'p-7'],
      ...['h-1b', 'p-8', 'p-9', 'p-10', 'p-11', 'p-12'],
      ...['h-1c', 'p-13', 'p-14', 'li-1c-1', 'li-1c-2', 'li-1c-3', 'p-15', 'p-16'],
      ...['h-1d', 'p-17', 'p-18', 'p-19', 'p-20', 'p-21'],
      ...['h-2', 'p-22', 'p-23', 'p-24'],
      'closing',
    ]);
  });

  it('has exactly these paragraphs (first and last words)', () => {
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['Per 1 januari 2023 heeft Nederland', 'op alle mogelijke terreinen.'],
      ['De innovatieve stappen', 'de duurzame energietransitie).'],
      ['Nederland zal tijdens het Nederlandse', 'Nederlandse voorzitterschap in 2023.'],
      ['Wat Nederland betreft, leidt', 'initiatieven, outreach en reizen.'],
      ['Nederland benadrukt dat samenwerking', 'Commissie die in 2024 aantreedt.'],
      ['Verder is Nederland er voorstander', 'voor toekomstige beleidsontwikkeling.'],
      ['Nederland hecht er veel waarde', 'chipindustrie kan worden overwogen.'],
      ['Regionale energiesamenwerking is', 'en 3) duurzame toeleveringsketen.'],
      ['Ten aanzien van leveringszekerheid', 'en het bevorderen van flexibiliteit.'],
      ['Dat geldt ook voor de Benelux-inspanningen', 'op Europees niveau worden genomen.'],
      ['In november 2023 is Nederland gastland', 'luchtkwaliteitsbeleid te behouden.'],
      ['Ten aanzien van klimaatverandering', 'in kaart te brengen met elkaar vergeleken.'],
      ['De Benelux beschikt over eigen', 'Benelux ziet er als volgt uit.'],
      ['Artikel 6(2) van het Verdrag', 'om haar beleid vast te leggen:'],
      ['Met name op het gebied van grensoverschrijdende', 'een kwestie van lange adem.»'],
      ['Naast de specifieke toepassing', 'de zoektocht naar oplossingsrichtingen.'],
      ['De Benelux-landen worden geconfronteerd', 'douane en bestuurlijke overheden.'],
      ['Daarnaast worden onze landen', 'beter op elkaar te laten aansluiten.'],
      ['Op het terrein van migratie', 'Europese reisautorisatiesysteem (ETIAS).'],
      ['De Benelux-landen zetten de werkzaamheden', 'gedwongen strafbare feiten te plegen.'],
      ['Nederland zet verder in op ondertekening', 'recht op hebben (toets op rechtmatigheid).'],
      ['De huidige in elkaar grijpende crises', 'bescheidener aard kunnen bijdragen.'],
      ['Tegen die achtergrond vindt er', 'een gezamenlijke Benelux-reis maken.'],
      ['Ten slotte zullen de drie Ministers', 'en de Raad Buitenlandse Zaken.'],
    ];
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((b) => b.id)).toEqual(expected.map((_, i) => `p-${i + 1}`));
    expect(
      paragraphs.map((b, i) => {
        const [start, end] = expected[i] ?? ['', ''];
        return [b.text.slice(0, start.length), b.text.slice(-end.length)];
      }),
    ).toEqual(expected);
  });

  it('splits a paragraph that runs on over a page break at a sentence end', () => {
    // Source: "… bestuurlijke overheden. \n Daarnaast worden onze landen …" with no blank line.
    expect(byId('p-17').text.endsWith('politie, douane en bestuurlijke overheden.')).toBe(true);
    expect(byId('p-18').text.startsWith('Daarnaast worden onze landen steeds vaker getroffen')).toBe(true);
  });

  it('keeps a mid-sentence page break inside its paragraph', () => {
    expect(byId('p-3').text).toContain('De COVID-19-crisis onderstreepte wederom het essentiële belang');
    expect(byId('p-24').text).toContain('(GBVB), de Westelijke Balkan en outreach');
  });

  it('collapses white space and keeps « » and ’ as they are', () => {
    for (const b of blocks) {
      if (b.kind === 'closing') continue;
      expect(b.text).not.toMatch(/\s{2}|^\s|\s$|\n/u);
    }
    expect(byId('p-13').text).toContain('De juridische «gereedschapskist» van de Benelux');
    expect(byId('p-12').text).toContain('klimaatscenario’s');
  });

  it('every block reads verbatim in the source (README rule)', () => {
    const normalised = normaliseSource(source);
    for (const b of blocks) {
      expect(occursVerbatim(asRead(b).replace(/\n/gu, ' '), normalised), b.id).toBe(true);
    }
  });
});

describe('reconstructLetter: no text lost', () => {
  it('has the same letters and digits as the source, in the same order', () => {
    const lettersOnly = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
    const expected = lettersOnly(source);
    expect(expected.length).toBeGreaterThan(12_000);
    expect(lettersOnly(fullText)).toBe(expected);
  });
});

describe('reconstructLetter: headings, list, closing', () => {
  it('finds exactly the six headings', () => {
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => [b.id, b.level, b.number, b.text]);
    expect(headings).toEqual([
      ['h-1', 1, '1', 'Prioriteiten voorzitterschap'],
      ['h-1a', 2, 'a', 'Interne markt'],
      ['h-1b', 2, 'b', 'Duurzame energietransitie'],
      ['h-1c', 2, 'c', 'Grensoverschrijdende samenwerking en inzet Benelux juridisch instrumentarium'],
      ['h-1d', 2, 'd', 'Veiligheid'],
      ['h-2', 1, '2', 'Politieke samenwerking met andere partners en regio’s'],
    ]);
  });

  it('reads the numbered instruments of 1c as three list items, not headings', () => {
    const items = blocks.filter((b) => b.kind === 'list-item');
    expect(items.map((b) => [b.id, b.number])).toEqual([
      ['li-1c-1', '1'],
      ['li-1c-2', '2'],
      ['li-1c-3', '3'],
    ]);
    expect(items.map((b) => b.text.slice(0, 45))).toEqual([
      'het Comité van Ministers kan beschikkingen ne',
      'het Comité van Ministers kan overeenkomsten o',
      'het Comité van Ministers kan aanbevelingen do',
    ]);
    expect(items[0]?.text.endsWith('aan de in de beschikking neergelegde voorschriften;')).toBe(true);
    expect(items[1]?.text.endsWith('bepalingen van elk van de lidstaten;')).toBe(true);
    expect(items[2]?.text.endsWith('overeenstemming te brengen met deze aanbevelingen.')).toBe(true);
    // The list sits between "… vast te leggen:" and "Met name op het gebied …".
    const ids = blocks.map((b) => b.id);
    expect(ids.slice(ids.indexOf('p-14'), ids.indexOf('p-15') + 1)).toEqual([
      'p-14',
      'li-1c-1',
      'li-1c-2',
      'li-1c-3',
      'p-15',
    ]);
  });

  it('ends with the closing as one block, line break kept', () => {
    expect(blocks[blocks.length - 1]).toEqual({
      kind: 'closing',
      text: 'De Minister van Buitenlandse Zaken,\nW.B. Hoekstra',
      id: 'closing',
    });
  });
});

describe('hyphenation', () => {
  it('resolves the known cases both ways', () => {
    for (const word of [
      'intergouvernementeel',
      'samenwerking',
      'COVID-19-crisis',
      'Benelux-Verdragen',
      'Hauts-de-France',
      'Benelux-Waterdag',
      'Koninkrijksrelaties',
      '(Ministers-Presidenten)',
      'wind-op-zee-projecten',
    ]) {
      expect(fullText, word).toContain(word);
    }
    for (const broken of ['intergou-vernementeel', 'samen-werking', 'Koninkrijks-relaties', 'COVID-19crisis']) {
      expect(fullText, broken).not.toContain(broken);
    }
  });

  // Every line of the source that ends in "-": its last token, the next line's first token, the join.
  const LINE_END_HYPHENS: ReadonlyArray<readonly [string, string, string]> = [
    ['intergou-', 'vernementeel', 'intergouvernementeel'],
    ['COVID-19-', 'crisis', 'COVID-19-crisis'],
    ['samen-', 'werking', 'samenwerking'],
    ['interne-', 'marktagenda,', 'internemarktagenda,'],
    ['interne-', 'marktstrategie.', 'internemarktstrategie.'],
    ['vervolg-', 'stappen', 'vervolgstappen'],
    ['Benelux-', 'Waterdag', 'Benelux-Waterdag'],
    ['Benelux-', 'Verdragen,', 'Benelux-Verdragen,'],
    ['neerge-', 'legde', 'neergelegde'],
    ['Koninkrijks-', 'relaties', 'Koninkrijksrelaties'],
    ['grensbelem-', 'meringen', 'grensbelemmeringen'],
    ['instrumen-', 'tarium', 'instrumentarium'],
    ['voorzitter-', 'schap', 'voorzitterschap'],
    ['samen-', 'werking', 'samenwerking'],
    ['crimina-', 'liteit', 'criminaliteit'],
    ['Nadruk-', 'kelijk', 'Nadrukkelijk'],
    ['visumvrij-', 'stellingsovereenkomsten', 'visumvrijstellingsovereenkomsten'],
    ['dienstpas-', 'poorten.', 'dienstpaspoorten.'],
    ['implemen-', 'tatie', 'implementatie'],
    ['beleidsont-', 'wikkeling', 'beleidsontwikkeling'],
    ['hande-', 'lingspodium', 'handelingspodium'],
    ['samen-', 'werking', 'samenwerking'],
    ['Hauts-de-', 'France', 'Hauts-de-France'],
    ['(Ministers-', 'Presidenten)', '(Ministers-Presidenten)'],
  ];

  it('the table lists every line-end hyphen of the source, in order', () => {
    const lines = source.split(/\r?\n/u);
    const found: Array<[string, string]> = [];
    lines.forEach((line, i) => {
      if (!line.trimEnd().endsWith('-')) return;
      const left = /\S+$/u.exec(line.trimEnd())?.[0] ?? '';
      const right = /^\S+/u.exec((lines[i + 1] ?? '').trimStart())?.[0] ?? '';
      found.push([left, right]);
    });
    expect(found).toEqual(LINE_END_HYPHENS.map(([left, right]) => [left, right]));
  });

  it.each(LINE_END_HYPHENS)('dehyphenate(%j, %j) → %j', (left, right, joined) => {
    expect(dehyphenate(left, right)).toBe(joined);
  });

  it('every join of the table is in the reconstruction', () => {
    for (const [, , joined] of LINE_END_HYPHENS) expect(fullText, joined).toContain(joined);
  });

  it.each([
    ['Benelux-', 'landen', 'Benelux-landen'], // proper name heading a compound
    ['EU-', 'niveau', 'EU-niveau'], // acronym
    ['COVID-', '19', 'COVID-19'], // digit follows
    ['inzake terug-', 'en overname', 'inzake terug- en overname'], // elision before a conjunction
    ['op de Noordzee -', 'met focus', 'op de Noordzee - met focus'], // a dash, not a word break
    ['de interne ', ' markt', 'de interne markt'], // no hyphen: one space
    ['samen-  ', '  werking in', 'samenwerking in'], // white space around the break
  ])('dehyphenate(%j, %j) → %j', (left, right, joined) => {
    expect(dehyphenate(left, right)).toBe(joined);
  });
});
