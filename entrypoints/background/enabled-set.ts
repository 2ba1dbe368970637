import {
  compileGlossary,
  encodeCompiledGlossary,
  storeCompiledGlossary,
  COMPILED_FORMAT_VERSION,
  type StoredCompiledGlossary,
} from '@/core/compiled-glossary';
import { decodeTokenGlossary, encodeTokenGlossary, TOKEN_FORMAT_VERSION } from '@/core/token-glossary-codec';
import type { TokenGlossary } from '@/core/token-matcher';
import { compileTokenGlossary } from '@/core/token-matcher-build';
import type { Glossary } from '@/core/glossary-schema';
import { LETTER_GLOSSARY_ID, MY_TERMS_GLOSSARY_ID } from '@/core/ids';
import type { ImportedEntry } from '@/core/imported-schema';
import commonWordsJson from '@/data/common-words.json';
import { loadCommonWords, type CommonWords } from '@/core/common-words';
import { matchTermsOf, rulesOrDefault } from '@/core/imported-terms';
import { buildTermIndex } from '@/core/term-index';
import type { MatchTerm } from '@/core/term-matcher';
import {
  ensureLetterRow,
  forEachEnabledEntry,
  listGlossaries,
  myTerms,
  type GlossaryDatabase,
  type GlossaryRow,
} from '@/db';

/**
 * The enabled glossaries compiled into one matcher. Every frame used to get a copy through
 * browser.storage.local; that holds for a small set (the letter alone is 0.44 MB), but copying
 * tens of megabytes into every frame costs a second before the first highlight (bench/shared-route.ts:
 * 1.1 s in Chromium at 100 000 terms, against 54 ms when the background matches the frame's text).
 * So a set bigger than LOCAL_ROUTE_MAX_BYTES is matched here, in the background, and frames are told
 * only its version.
 */
export const LOCAL_ROUTE_MAX_BYTES = 1_000_000;
/**
 * Forms' characters up to which the set is compiled for frames (the letter: 23 000 characters, 0.44 MB).
 * Above it the set is compiled for the background as a token trie (core/token-matcher.ts): at
 * 400 000 forms it builds in 2.5 s and holds 30 MB, where the character automaton frames run took 69 s
 * and 152 MB (`node --expose-gc --import tsx bench/token-matcher.ts --old-400k`).
 */
export const LOCAL_ROUTE_MAX_CHARS = 50_000;

const BLOB_KEY = 'enabledSet';

/** What frames are told: the compiled set itself (local route) or only its version (background route). */
export interface EnabledSet {
  version: string;
  stored: StoredCompiledGlossary;
  /** On the background route, the decoded set the background matches with … */
  compiled: TokenGlossary | null;
  /**
   * … and the reader's own terms, compiled on their own: adding one recompiles this small set, never
   * the imports' (the background merges the two sets' matches as one matcher would give them).
   */
  mine: TokenGlossary | null;
  /** Each glossary's place in the reader's order: where two claim the same words, the lower wins. */
  order: Record<string, number>;
}

let common: CommonWords | null = null;
/** Each language's most frequent words (data/common-words.json), read once per background start. */
function commonWords(): CommonWords {
  return (common ??= loadCommonWords(commonWordsJson));
}

/** A short stable hash (FNV-1a, 32 bits) of what decides the compiled set. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Compiles the enabled glossaries into one automaton — the letter's forms first, then each import in
 * the reader's order, so where two glossaries claim the same words the longest match wins and then
 * the earlier glossary — unless the bytes of this very set are kept from an earlier start. With only
 * the letter on, the build's compiled form is used as it is.
 */
export async function buildEnabledSet(
  db: GlossaryDatabase,
  bundled: Glossary,
  bundledCompiled: StoredCompiledGlossary,
  localMaxBytes = LOCAL_ROUTE_MAX_BYTES,
): Promise<EnabledSet> {
  await ensureLetterRow(db, bundled);
  const glossaries = await listGlossaries(db);
  const order = Object.fromEntries(glossaries.map((g) => [g.id, g.order]));
  const letterOn = glossaries.find((g) => g.id === LETTER_GLOSSARY_ID)?.enabled ?? true;
  const imports = glossaries.filter((g) => g.enabled && g.id !== LETTER_GLOSSARY_ID && g.id !== MY_TERMS_GLOSSARY_ID);
  const mine = glossaries.find((g) => g.id === MY_TERMS_GLOSSARY_ID && g.enabled && g.entryCount > 0);
  if (letterOn && imports.length === 0 && !mine) {
    return { version: bundled.version, stored: bundledCompiled, compiled: null, mine: null, order };
  }

  // Imports by their place in the list (not their order numbers, which moving my terms changes).
  const describe = (g: GlossaryRow) => `${g.id}@${g.generation}:${g.importedAt}:${JSON.stringify(g.rules ?? {})}`;
  const mainHash = hash(
    [
      `formats ${COMPILED_FORMAT_VERSION} ${TOKEN_FORMAT_VERSION}`,
      letterOn ? `${LETTER_GLOSSARY_ID}@${bundled.version}` : '',
      ...imports.map(describe),
    ].join('\n'),
  );
  const allHash = hash(`${mainHash}\n${mine ? `${describe(mine)} at ${glossaries.indexOf(mine)}` : ''}`);
  const common = commonWords();
  const termsOf = (glossary: GlossaryRow, entries: readonly Pick<ImportedEntry, 'id' | 'terms'>[]) =>
    matchTermsOf(glossary.id, entries, rulesOrDefault(glossary.rules), common);
  /** The reader's own terms alone: their few rows read by themselves, never the imports'. */
  const compileMine = async (version: string) =>
    mine ? compileTokenGlossary(version, termsOf(mine, await myTerms(db))) : null;
  const backgroundRoute = async (main: TokenGlossary): Promise<EnabledSet> => {
    const version = mine ? `${main.version}+${allHash}` : main.version;
    return {
      version,
      stored: { format: COMPILED_FORMAT_VERSION, version, base64: '', route: 'background' },
      compiled: main,
      mine: await compileMine(version),
      order,
    };
  };

  const kept = await db.blobs.get(BLOB_KEY);
  // The kept bytes of this very set, for frames (`set-`), or of its imports for the background (`tok-`).
  if (kept?.version === `set-${allHash}` && kept.bytes.byteLength <= localMaxBytes) {
    return {
      version: kept.version,
      stored: storeCompiledGlossary(kept.bytes, kept.version),
      compiled: null,
      mine: null,
      order,
    };
  }
  if (kept?.version === `tok-${mainHash}`) return backgroundRoute(decodeTokenGlossary(kept.bytes));

  // Every enabled glossary's terms in the reader's order: the letter's first, then each list's.
  const all: MatchTerm[] = letterOn ? buildTermIndex(bundled.entries) : [];
  const main: MatchTerm[] = [...all];
  // Each glossary is judged as a whole: whether it writes its phrases in lower case (so that a capital
  // marks a name) is a property of the glossary, which one chunk of the rows read could get wrong.
  // Only what judging reads is kept meanwhile, not the definitions.
  const read = new Map<string, { glossary: GlossaryRow; entries: Pick<ImportedEntry, 'id' | 'terms'>[] }>();
  await forEachEnabledEntry(db, (glossary, entries) => {
    let list = read.get(glossary.id);
    if (!list) read.set(glossary.id, (list = { glossary, entries: [] }));
    for (const { id, terms } of entries) list.entries.push({ id, terms });
  });
  for (const { glossary, entries } of read.values()) {
    for (const term of termsOf(glossary, entries)) {
      all.push(term);
      if (glossary.id !== MY_TERMS_GLOSSARY_ID) main.push(term);
    }
  }
  let chars = 0;
  for (const term of all) for (const alias of term.aliases) chars += alias.text.length;
  if (chars <= LOCAL_ROUTE_MAX_CHARS) {
    const version = `set-${allHash}`;
    const bytes = encodeCompiledGlossary(compileGlossary(version, all));
    if (bytes.byteLength <= localMaxBytes) {
      await db.blobs.put({ key: BLOB_KEY, version, bytes });
      return { version, stored: storeCompiledGlossary(bytes, version), compiled: null, mine: null, order };
    }
  }
  const version = `tok-${mainHash}`;
  const compiled = compileTokenGlossary(version, main);
  await db.blobs.put({ key: BLOB_KEY, version, bytes: encodeTokenGlossary(compiled) });
  return backgroundRoute(compiled);
}
