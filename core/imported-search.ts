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
 * 3. text: they start words of a definition;
 * 4. fuzzy: Fuse.js over the terms and the definitions (a typo after the first word).
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

/** How much of a definition the fuzzy stage reads, and how much of it a result shows. */
const FUZZY_DEFINITION_CHARS = 1_000;
const SNIPPET_BEFORE = 30;
const SNIPPET_CHARS = 110;

interface FuzzyDoc {
  index: number;
  terms: string[];
  definitions: string[];
}

const FUSE_OPTIONS: IFuseOptions<FuzzyDoc> = {
  keys: [
    { name: 'terms', weight: 3 },
    { name: 'definitions', weight: 1 },
  ],
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

/** The candidates that match `query`, best first, at most `limit`; `lang` is the reader's language. */
export function rankImported(
  candidates: readonly ImportedCandidate[],
  query: string,
  { lang, limit = 20 }: { lang: string; limit?: number },
): ImportedHit[] {
  const key = searchKey(query);
  if (!key) return [];
  const words = key.split(' ');
  type Ranked = { hit: ImportedHit; order: number[] };
  const ranked: Ranked[] = [];
  const rest: number[] = [];

  candidates.forEach((candidate, index) => {
    let best: Ranked | null = null;
    for (const term of candidate.entry.terms) {
      const termKey = searchKey(term.text);
      const stage = termKey === key ? 'exact' : startsWords(termKey, words) ? 'prefix' : null;
      if (!stage) continue;
      const order = [
        STAGES.indexOf(stage),
        term.lang === lang ? 0 : 1,
        isDiscouraged(term) ? 1 : 0,
        term.text.length,
        index,
      ];
      if (!best || compareOrder(order, best.order) < 0)
        best = { hit: { ...candidate, stage, matched: markTerm(term, words) }, order };
    }
    if (!best) {
      // Definitions in the reader's language first; a definition's words in any order.
      const definitions = [...candidate.entry.definitions].sort((a, b) => +(a.lang !== lang) - +(b.lang !== lang));
      const definition = definitions.find((d) => words.every((w) => ` ${searchKey(d.text)}`.includes(` ${w}`)));
      if (definition) {
        best = {
          hit: { ...candidate, stage: 'text', matched: snippet(definition, markWords(definition.text, words)) },
          order: [STAGES.indexOf('text'), definition.lang === lang ? 0 : 1, 0, 0, index],
        };
      }
    }
    if (best) ranked.push(best);
    else rest.push(index);
  });

  ranked.sort((a, b) => compareOrder(a.order, b.order));
  const hits = ranked.slice(0, limit).map((r) => r.hit);
  if (hits.length >= limit || rest.length === 0) return hits;

  const docs: FuzzyDoc[] = rest.map((index) => {
    const { entry } = candidates[index]!;
    return {
      index,
      terms: entry.terms.map((t) => foldText(t.text)),
      definitions: entry.definitions.map((d) => foldText(d.text.slice(0, FUZZY_DEFINITION_CHARS))),
    };
  });
  for (const result of new Fuse(docs, FUSE_OPTIONS).search(foldText(query.trim()), { limit: limit - hits.length })) {
    const candidate = candidates[result.item.index]!;
    hits.push({ ...candidate, stage: 'fuzzy', matched: fromFuse(candidate.entry, result.matches ?? []) });
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

/** Fuse's best match: the text with the most marked, a term before a definition. */
function fromFuse(entry: ImportedEntry, matches: readonly FuseResultMatch[]): ImportedHit['matched'] {
  let best: { matched: NonNullable<ImportedHit['matched']>; rank: number } | null = null;
  for (const m of matches) {
    if (m.refIndex === undefined) continue;
    const spans = mergeSpans(m.indices.map(([s, e]) => [s, e + 1] as const));
    let rank = spans.reduce((sum, [s, e]) => sum + e - s, 0);
    let matched: NonNullable<ImportedHit['matched']> | null = null;
    if (m.key === 'terms') {
      const term = entry.terms[m.refIndex];
      rank += 0.5;
      if (term) matched = { field: 'term', lang: term.lang, text: term.text, spans };
    } else {
      const definition = entry.definitions[m.refIndex];
      if (definition) matched = snippet(definition, spans);
    }
    if (matched && (!best || rank > best.rank)) best = { matched, rank };
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
