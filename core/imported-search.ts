import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { ImportedEntry, ImportedTerm } from './imported-schema';
import { isDiscouraged } from './imported-entry-view';
import { searchKey, type SearchHit, type Span } from './search';
import { foldText } from './text-fold';

/**
 * The popup's search over the reader's imported glossaries. The database gives a small candidate set
 * (entries with a word starting with the query's first word: db/glossaries-repo importedCandidates);
 * this ranks it in the stages of the letter's search (core/search.ts), so the two lists interleave:
 * 1. exact: the query is one of the entry's terms, in any language;
 * 2. prefix: the query's words start words of a term, in order;
 * 3. text: they start words of a definition (in the reader's language or nl, en, fr, de);
 * 4. fuzzy: Fuse.js over the terms in those languages (a typo after the first word).
 * Text is folded by the matcher's length-preserving fold, so marked spans line up with the text shown.
 */

export interface ImportedCandidate {
  /** The term key, `glossary:entry`. */
  key: string;
  glossary: { id: string; title: string };
  entry: ImportedEntry;
}

export interface ImportedHit extends ImportedCandidate {
  stage: 'exact' | 'prefix' | 'text' | 'fuzzy';
  /** What matched: a term (its language) or a snippet of a definition, with the marked spans in it. */
  matched: { field: 'term' | 'definition'; lang: string; text: string; spans: Span[] } | null;
}

/** How much of a definition a result shows, from a little before its first mark. */
const SNIPPET_BEFORE = 30;
const SNIPPET_CHARS = 110;
/**
 * The languages whose definitions are searched and whose terms forgive a typo, besides the reader's:
 * an IATE entry has up to 24, and folding every long definition of 200 candidates took ~0.3 s.
 */
const READABLE_LANGS = ['nl', 'en', 'fr', 'de'];

interface FuzzyDoc {
  index: number;
  /** Folded texts of the entry's terms in the fuzzy languages … */
  terms: string[];
  /** … and each one's place in entry.terms. */
  refs: number[];
}

const FUSE_OPTIONS: IFuseOptions<FuzzyDoc> = {
  // Terms only: Fuse over definitions too took ~0.6 s a keystroke on 200 IATE-sized candidates
  // (definitions are found by their words, the `text` stage).
  keys: ['terms'],
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  // Each query word fuzzy-matched on its own, and every one must match: every candidate already shares
  // the first word, so a whole-query match would find them all in "energy zzz".
  useTokenSearch: true,
  tokenMatch: 'all',
};

const STAGES: readonly ImportedHit['stage'][] = ['exact', 'prefix', 'text', 'fuzzy'];

/** An entry's folded texts, made once: the candidate set is ranked again on every keystroke. */
interface Prepared {
  termKeys: string[];
  /** Each definition's words as " word word …", for word-start look-ups: made when first needed. */
  definitionKeys: (string | undefined)[];
}

const preparedEntries = new WeakMap<ImportedEntry, Prepared>();

function prepare(entry: ImportedEntry): Prepared {
  let prepared = preparedEntries.get(entry);
  if (!prepared) {
    prepared = { termKeys: entry.terms.map((t) => searchKey(t.text)), definitionKeys: [] };
    preparedEntries.set(entry, prepared);
  }
  return prepared;
}

/** Whether a language's texts are read beyond exact and prefix matches of terms: the reader's and the Benelux ones. */
const readable = (textLang: string, lang: string) => textLang === lang || READABLE_LANGS.includes(textLang);

/** The fuzzy index of a candidate set for a reader's language, built on its first typo. */
const fuzzyIndexes = new WeakMap<readonly ImportedCandidate[], Map<string, Fuse<FuzzyDoc>>>();

function fuzzyIndex(candidates: readonly ImportedCandidate[], lang: string): Fuse<FuzzyDoc> {
  let byLang = fuzzyIndexes.get(candidates);
  if (!byLang) fuzzyIndexes.set(candidates, (byLang = new Map<string, Fuse<FuzzyDoc>>()));
  let fuse = byLang.get(lang);
  if (!fuse) {
    const docs = candidates.map(({ entry }, index) => {
      const doc: FuzzyDoc = { index, terms: [], refs: [] };
      entry.terms.forEach((term, ref) => {
        if (!readable(term.lang, lang)) return;
        doc.terms.push(foldText(term.text));
        doc.refs.push(ref);
      });
      return doc;
    });
    byLang.set(lang, (fuse = new Fuse(docs, FUSE_OPTIONS)));
  }
  return fuse;
}

/**
 * The candidates that match `query`, best first, at most `limit`; `lang` is the reader's language.
 * Pass the same candidate array again as the query grows: what is made of it is kept with it.
 */
export function rankImported(
  candidates: readonly ImportedCandidate[],
  query: string,
  { lang, limit = 20 }: { lang: string; limit?: number },
): ImportedHit[] {
  const key = searchKey(query);
  if (!key) return [];
  const words = key.split(' ');
  type Ranked = {
    index: number;
    stage: ImportedHit['stage'];
    field: 'term' | 'definition';
    ref: number;
    order: number[];
  };
  const ranked: Ranked[] = [];

  candidates.forEach(({ entry }, index) => {
    const { termKeys, definitionKeys } = prepare(entry);
    let best: Ranked | null = null;
    entry.terms.forEach((term, ref) => {
      const termKey = termKeys[ref]!;
      const stage = termKey === key ? 'exact' : startsWords(termKey, words) ? 'prefix' : null;
      if (!stage) return;
      const order = [
        STAGES.indexOf(stage),
        term.lang === lang ? 0 : 1,
        isDiscouraged(term) ? 1 : 0,
        term.text.length,
        index,
      ];
      if (!best || compareOrder(order, best.order) < 0) best = { index, stage, field: 'term', ref, order };
    });
    if (!best) {
      // A definition with every query word at a word's start, in any order; the reader's language first.
      entry.definitions.forEach((definition, ref) => {
        if (!readable(definition.lang, lang)) return;
        const definitionKey = (definitionKeys[ref] ??= ` ${searchKey(definition.text)}`);
        if (!words.every((w) => definitionKey.includes(` ${w}`))) return;
        const order = [STAGES.indexOf('text'), definition.lang === lang ? 0 : 1, 0, 0, index];
        if (!best || compareOrder(order, best.order) < 0)
          best = { index, stage: 'text', field: 'definition', ref, order };
      });
    }
    if (best) ranked.push(best);
  });

  ranked.sort((a, b) => compareOrder(a.order, b.order));
  const hits = ranked.slice(0, limit).map(({ index, stage, field, ref }): ImportedHit => {
    const candidate = candidates[index]!;
    if (field === 'term') return { ...candidate, stage, matched: markTerm(candidate.entry.terms[ref]!, words) };
    const definition = candidate.entry.definitions[ref]!;
    return { ...candidate, stage, matched: snippet(definition, markWords(definition.text, words)) };
  });
  if (hits.length >= limit || ranked.length === candidates.length) return hits;

  const found = new Set(ranked.map((r) => r.index));
  for (const result of fuzzyIndex(candidates, lang).search(foldText(query.trim()))) {
    if (found.has(result.item.index)) continue;
    const candidate = candidates[result.item.index]!;
    hits.push({ ...candidate, stage: 'fuzzy', matched: fromFuse(candidate.entry, result.item, result.matches ?? []) });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Does some position of the term's words start with each of the query's words in turn? */
function startsWords(termKey: string, words: readonly string[]): boolean {
  const termWords = termKey.split(' ');
  for (let i = 0; i + words.length <= termWords.length; i++) {
    if (words.every((w, k) => termWords[i + k]!.startsWith(w))) return true;
  }
  return false;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function markTerm(term: ImportedTerm, words: readonly string[]): ImportedHit['matched'] {
  return { field: 'term', lang: term.lang, text: term.text, spans: markWords(term.text, words) };
}

/** Where each query word starts a word of the text (folded), as spans. */
function markWords(text: string, words: readonly string[]): Span[] {
  const folded = foldText(text);
  const spans: Span[] = [];
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'gu');
    for (const m of folded.matchAll(pattern)) spans.push([m.index, m.index + word.length]);
  }
  return mergeSpans(spans);
}

/** A definition shown around its first marked span, the spans moved with it. */
function snippet(definition: { lang: string; text: string }, spans: Span[]): NonNullable<ImportedHit['matched']> {
  const text = definition.text.replace(/\s/g, ' ');
  const first = spans[0]?.[0] ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  // Begin at a word: after the last space before `start` (or at the text's start).
  if (start > 0) start = text.lastIndexOf(' ', start) + 1;
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  return {
    field: 'definition',
    lang: definition.lang,
    text: head + text.slice(start, end) + tail,
    spans: spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as const),
  };
}

/** Fuse's best match: the term with the most marked. */
function fromFuse(entry: ImportedEntry, doc: FuzzyDoc, matches: readonly FuseResultMatch[]): ImportedHit['matched'] {
  let best: { matched: NonNullable<ImportedHit['matched']>; marked: number } | null = null;
  for (const m of matches) {
    const term = m.refIndex === undefined ? undefined : entry.terms[doc.refs[m.refIndex]!];
    if (!term) continue;
    const spans = mergeSpans(m.indices.map(([s, e]) => [s, e + 1] as const));
    const marked = spans.reduce((sum, [s, e]) => sum + e - s, 0);
    if (!best || marked > best.marked)
      best = { matched: { field: 'term', lang: term.lang, text: term.text, spans }, marked };
  }
  return best?.matched ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const out: [number, number][] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** One row of the popup's results: the letter's or an imported glossary's. */
export type PopupHit = { kind: 'letter'; hit: SearchHit } | { kind: 'imported'; hit: ImportedHit };

/**
 * The letter's hits and the imported ones in one list, stage by stage: the letter's exact matches
 * first (a reader of the letter finds its terms where they were), then the imported exact matches,
 * then each side's name prefixes, definition words and fuzzy matches in turn. The letter's list keeps
 * its order (its search ranks it); an imported hit goes in before the first letter hit of a later stage.
 */
export function interleaveHits(letter: readonly SearchHit[], imported: readonly ImportedHit[]): PopupHit[] {
  const letterTier = (hit: SearchHit): number => {
    if (hit.stage === 'exact') return 0;
    if (hit.stage === 'fuzzy') return 6;
    const field = hit.matched?.field;
    return field === 'short' || field === 'note' ? 4 : 2;
  };
  const importedTier = (hit: ImportedHit): number => 2 * STAGES.indexOf(hit.stage) + 1;
  const rows: PopupHit[] = [];
  let next = 0;
  for (const hit of letter) {
    const tier = letterTier(hit);
    while (next < imported.length && importedTier(imported[next]!) < tier)
      rows.push({ kind: 'imported', hit: imported[next++]! });
    rows.push({ kind: 'letter', hit });
  }
  for (const hit of imported.slice(next)) rows.push({ kind: 'imported', hit });
  return rows;
}
