/**
 * Writes an IATE-shaped TBX v3 glossary (conceptEntry › langSec › termSec, subject fields, definitions,
 * reliability codes, abbreviations, a deprecated term now and then) for the import benchmark and tests:
 *
 *   npx tsx scripts/make-tbx.ts --concepts 100000 --langs nl,en,fr,de --out /tmp/big.tbx [--seed 1]
 *
 * 100 000 concepts in 4 languages make about 100 MB. The file is streamed to disk; tests make small ones in
 * memory with makeTbx(). The same seed gives the same file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prng } from '../test/prng';

export interface MakeTbxOptions {
  concepts: number;
  langs: readonly string[];
  seed?: number;
  title?: string;
}

const SUBJECTS = [
  'EUROPEAN UNION',
  'INTERNATIONAL RELATIONS',
  'LAW',
  'ECONOMICS',
  'TRADE',
  'FINANCE',
  'SOCIAL QUESTIONS',
  'TRANSPORT',
  'ENVIRONMENT',
  'ENERGY',
];
const SYLLABLES: Readonly<Record<string, readonly string[]>> = {
  nl: ['ver', 'draag', 'sa', 'men', 'wer', 'king', 'over', 'heid', 'beid', 'lijk', 'ge', 'meen', 'ij', 'schap', 'ë'],
  en: ['co', 'op', 'er', 'a', 'tion', 'trea', 'ty', 'mar', 'ket', 'pol', 'i', 'cy', 'gov', 'ern', 'ance'],
  fr: ['coo', 'pé', 'ra', 'tion', 'trai', 'té', 'mar', 'ché', 'po', 'li', 'tique', 'ré', 'gion', 'al', 'è'],
  de: ['zu', 'sam', 'men', 'ar', 'beit', 'ver', 'trag', 'markt', 'po', 'li', 'tik', 'ü', 'ber', 'grenz', 'ä'],
};
const RELIABILITY = ['1', '6', '9', '9', '10'];

/** The file in pieces of about 64 KB, for writing to disk without holding it. */
export function* tbxChunks(options: MakeTbxOptions): Generator<string> {
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = (lang: string) => {
    const syllables = SYLLABLES[lang] ?? SYLLABLES.en!;
    let w = '';
    for (let n = 1 + Math.floor(random() * 2); n > 0; n--) w += pick(syllables);
    return w;
  };
  const words = (lang: string, n: number) => Array.from({ length: n }, () => word(lang)).join(' ');

  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n' +
    '<tbxHeader><fileDesc><titleStmt><title>' +
    (options.title ?? `Generated IATE export (${options.concepts} concepts)`) +
    '</title></titleStmt><sourceDesc><p>scripts/make-tbx.ts</p></sourceDesc></fileDesc></tbxHeader>\n' +
    '<text><body>\n';
  for (let i = 0; i < options.concepts; i++) {
    out += `<conceptEntry id="${1_000_000 + i}">\n<descrip type="subjectField">${pick(SUBJECTS)}</descrip>\n`;
    for (const lang of options.langs) {
      out += `<langSec xml:lang="${lang}">\n`;
      if (random() < 0.6) {
        out += `<descrip type="definition">${words(lang, 3)} <hi type="italics">${word(lang)}</hi> ${words(lang, 4)}</descrip>\n`;
      }
      const term = words(lang, 1 + Math.floor(random() * 3));
      out += `<termSec><term>${term}</term><termNote type="termType">fullForm</termNote><descrip type="reliabilityCode">${pick(RELIABILITY)}</descrip></termSec>\n`;
      if (random() < 0.3) {
        const abbreviation = term
          .split(' ')
          .map((w) => w[0]!.toUpperCase())
          .join('');
        out += `<termSec><term>${abbreviation}${i % 97}</term><termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">9</descrip></termSec>\n`;
      }
      if (random() < 0.1) {
        out += `<termSec><term>${words(lang, 2)}</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><descrip type="reliabilityCode">6</descrip></termSec>\n`;
      }
      out += '</langSec>\n';
    }
    out += '</conceptEntry>\n';
    if (out.length > 64 * 1024) {
      yield out;
      out = '';
    }
  }
  yield `${out}</body></text>\n</tbx>\n`;
}

/** A whole generated file as a string, for tests (keep `concepts` small). */
export function makeTbx(options: MakeTbxOptions): string {
  return [...tbxChunks(options)].join('');
}

/** Streams a generated file to disk; resolves with its size in bytes. */
export async function writeTbxFile(path: string, options: MakeTbxOptions): Promise<number> {
  const file = createWriteStream(path);
  for (const chunk of tbxChunks(options)) {
    if (!file.write(chunk)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  return file.bytesWritten;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      concepts: { type: 'string', default: '1000' },
      langs: { type: 'string', default: 'nl,en,fr,de' },
      out: { type: 'string', default: '/tmp/generated.tbx' },
      seed: { type: 'string', default: '1' },
    },
  });
  const started = performance.now();
  const bytes = await writeTbxFile(values.out, {
    concepts: Number(values.concepts),
    langs: values.langs.split(',').map((l) => l.trim()),
    seed: Number(values.seed),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${values.out}: ${values.concepts} concepts, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
}
