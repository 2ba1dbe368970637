import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deriveCompiled, deriveForLetter, deriveForSearch } from '../core/glossary-derived';
import type { Glossary } from '../core/glossary-schema';

const GLOSSARY = fileURLToPath(new URL('../data/glossary.json', import.meta.url));
const LETTER = fileURLToPath(new URL('../data/source/benelux-voorzitterschap-2023.txt', import.meta.url));

/**
 * Separate modules, so the popup does not carry the letter's text nor the compiled matcher.
 * Types: ui-data/virtual-modules.d.ts.
 */
const MODULES: Record<string, (glossary: Glossary, letter: string) => object> = {
  'virtual:glossary-derived/search': deriveForSearch,
  'virtual:glossary-derived/letter': deriveForLetter,
  'virtual:glossary-derived/compiled': deriveCompiled,
};

/** Characters of JSON above which a value is bundled as JSON.parse('…') (what Vite does for JSON files). */
const JSON_PARSE_ABOVE = 10_000;

/** Text only (a string per key): a literal as it is, not escaped twice inside JSON text. */
const isStrings = (value: object) => Object.values(value).every((v) => typeof v === 'string');

/**
 * Computes what the extension pages need from the bundled glossary (search prominence, the letter's
 * blocks, where each quote is) once per build, as modules of plain data: nothing generated is
 * written to disk or committed.
 */
export function glossaryDerived() {
  return {
    name: 'benelux-glossary:derived',
    resolveId(id: string) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(this: { addWatchFile(file: string): void }, id: string) {
      const derive = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!derive) return undefined;
      this.addWatchFile(GLOSSARY);
      this.addWatchFile(LETTER);
      const data = derive(JSON.parse(readFileSync(GLOSSARY, 'utf8')) as Glossary, readFileSync(LETTER, 'utf8'));
      return Object.entries(data as Record<string, unknown>)
        .map(([name, value]) => {
          const json = JSON.stringify(value);
          // Big objects as JSON text: JSON.parse reads them faster than the engine parses a literal.
          const big =
            typeof value === 'object' && value !== null && !isStrings(value) && json.length > JSON_PARSE_ABOVE;
          return `export const ${name} = ${big ? `JSON.parse(${JSON.stringify(json)})` : json};`;
        })
        .join('\n');
    },
  };
}
