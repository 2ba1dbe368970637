import type { GlossaryEntry, Lang } from './glossary-schema';
import {
  addPlaces,
  buildSearchIndex,
  buildSearchIndexOf,
  keyOfFolded,
  load,
  searchableEntry,
  searchKey,
  sortedPlaces,
  wordsOf,
  type Field,
  type Loaded,
  type SearchableEntry,
  type SearchField,
  type SearchIndexData,
} from './search-index';
import { Candidates, topK } from './search-candidates';
import { fuzzyStage } from './search-fuzzy';
import { markWords, marksFromFuse, mergeSpans, snippet, type Matched, type Span } from './search-marks';
import { EXACT, INFIX, PREFIX, Vocabulary, type WordMatch } from './search-words';
import { foldText } from './text-fold';

export {
  buildSearchIndex,
  buildSearchIndexOf,
  searchableEntry,
  searchKey,
  type SearchableEntry,
  type SearchField,
  type SearchIndexData,
};

export { letterProminence } from './letter-prominence';
export type { Span };

export interface SearchHit {
  id: string;
  /**
   * exact: the query is a name or alias; prefix: each of its words starts a word of the entry (or is
   * part of one), in any order and any field; fuzzy: some word only with typos, or Fuse's match.
   */
  stage: 'exact' | 'prefix' | 'fuzzy';
  /**
   * The text that matched (a name, alias, explanation or note), and the marked spans in it. For an
   * explanation, the part from a little before the first mark on ("…" where it was cut).
   */
  matched: Matched | null;
}

/** How much a word in an explanation or note counts, next to one in a name (1). */
const TEXT_WEIGHT: Record<SearchField, number> = { name: 1, alias: 1, note: 0.9, short: 0.8, long: 0.6 };
/** Query words past this many are ignored (each takes a bit in a mask). */
const MAX_QUERY_WORDS = 16;
/** The first word's places read at most: a one-letter query in a big glossary stands in most entries. */
const MAX_SEED_PLACES = 5_000;
/** Query words shorter than this match the words of explanations and notes only whole ("e" is not "een"). */
const MIN_TEXT_PREFIX = 3;
/** Checking one word of a candidate's own fields costs about as much as reading this many places. */
const CHECK_COST = 10;

/** Words of titles (names, aliases) or of texts (explanations, notes). */
interface Source {
  vocabulary: Vocabulary;
  title: boolean;
}

/** One word of the query and the index words it matches. */
interface QueryWord {
  text: string;
  /** Per source: the words it starts (or is, in a text, if short), and those it matches otherwise. */
  in: { source: Source; range: [number, number]; more: Map<number, WordMatch> }[];
  /** The words of titles, and of texts, matched otherwise (as parts, or with typos), by word. */
  moreByWord: { title: Map<string, WordMatch>; text: Map<string, WordMatch> };
  /** How many places its words stand in: the cheapest word seeds the candidates. */
  places: number;
}

/** A candidate's standing: what ranks it. */
interface Ranked {
  entry: number;
  /** How many query words its names and aliases hold … */
  titleWords: number;
  /** … whether one of them is made of just the query's words, in any order … */
  full: boolean;
  /** … and how well they match; then the same for its texts. */
  titleQuality: number;
  textQuality: number;
  shortestTitle: number;
}

/**
 * Search over the glossary, fast enough for a keystroke at 10 000 entries:
 * 1. exact: the query is a name or alias ("etias", "cfsp") — a map look-up, ranked first;
 * 2. words: every word of the query matches a word of the entry, in any order and in any field —
 *    names in every language, aliases, legal references' forms, the reader's explanations and
 *    note ("verdrag politie", "TFUE art 350", "Brundtland") — as the word, its start, a part of a
 *    compound, or with typos (swapped letters too: "pentalatreal"). Entries rank by how many of the
 *    query's words their names and aliases hold, then how well, then how often the letter names
 *    them, then by their texts;
 * 3. fuzzy: Fuse.js over the names and aliases of the entries that share trigrams with the query,
 *    for what is left (a missing space, a typo across words).
 * Text is folded by the matcher's length-preserving fold, so diacritics do not matter and marked
 * spans line up with the original text (Fuse's own ignoreDiacritics shifts positions).
 *
 * Built from the entries, or loaded from their index (buildSearchIndex) — the build makes the
 * bundled glossary's, so a page that opens pays only for the reader's notes.
 */
export class GlossarySearch {
  private readonly base: Loaded;
  /** Per entry, the reader's note on it as a field (after the entry's own fields). */
  private readonly notes: (Field | undefined)[] = [];
  private readonly sources: readonly Source[];
  private readonly rank: number[];
  /** Average words per entry: whether checking candidates beats reading a word's places. */
  private readonly wordsPerEntry: number;
  private readonly candidates: Candidates;

  constructor(
    glossary: readonly GlossaryEntry[] | SearchIndexData,
    options: { lang: Lang; notes?: ReadonlyMap<string, string>; prominence?: ReadonlyMap<string, number> },
  ) {
    const index = isIndex(glossary) ? glossary : buildSearchIndex(glossary, options.lang);
    if (index.lang !== options.lang) throw new Error(`A search index for "${index.lang}" read as "${options.lang}"`);
    this.base = load(index);
    this.rank = index.ids.map((id) => options.prominence?.get(id) ?? 0);
    const places = new Map<string, number[]>();
    if (options.notes?.size) {
      index.ids.forEach((id, entry) => {
        const text = options.notes?.get(id);
        if (!text) return;
        const note: Field = { field: 'note', text, folded: foldText(text) };
        this.notes[entry] = note;
        addPlaces(places, note.folded, entry, index.fields[entry]!.length);
      });
    }
    const { words, lists } = sortedPlaces(places);
    this.sources = [
      { vocabulary: this.base.titleWords, title: true },
      { vocabulary: this.base.textWords, title: false },
      { vocabulary: Vocabulary.fromLists(words, lists), title: false },
    ];
    const total = this.base.titleWords.places.length + this.base.textWords.places.length;
    this.wordsPerEntry = total / 2 / Math.max(1, index.ids.length);
    this.candidates = new Candidates(index.ids.length);
  }

  private fieldsOf(entry: number): Field[] {
    const note = this.notes[entry];
    const own = this.base.fields(entry);
    return note ? [...own, note] : own;
  }

  search(query: string, limit = 20): SearchHit[] {
    const key = searchKey(query);
    if (!key) return [];
    const { ids } = this.base.index;
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (hit: SearchHit) => {
      if (seen.has(hit.id) || hits.length >= limit) return;
      seen.add(hit.id);
      hits.push(hit);
    };
    const prominence = (entry: number) => this.rank[entry] ?? 0;

    for (const entry of [...(this.base.exact.get(key) ?? [])].sort((a, b) => prominence(b) - prominence(a))) {
      const field = this.base.fields(entry).find((f) => keyOfFolded(f.folded) === key);
      add({ id: ids[entry]!, stage: 'exact', matched: field ? markWords(field, query) : null });
    }
    if (hits.length < limit) {
      const words = [...new Set(key.split(' '))].slice(0, MAX_QUERY_WORDS).map((w) => this.queryWord(w));
      for (const entry of this.byWords(words, limit + hits.length)) {
        if (hits.length >= limit) break;
        if (seen.has(ids[entry]!)) continue;
        add({ id: ids[entry]!, ...this.wordsMatched(entry, words) });
      }
    }
    if (hits.length >= limit) return hits;
    for (const result of fuzzyStage(this.base, query, limit * 2)) {
      add({
        id: result.item.id,
        stage: 'fuzzy',
        matched: marksFromFuse(this.base.fields(result.item.entry), result.matches ?? []),
      });
    }
    return hits;
  }

  /** What a query word matches: the words it starts, is part of, or (if it starts none) may be a typo of. */
  private queryWord(text: string): QueryWord {
    const word: QueryWord = { text, in: [], moreByWord: { title: new Map(), text: new Map() }, places: 0 };
    for (const source of this.sources) {
      const { vocabulary } = source;
      const more = new Map<number, WordMatch>();
      for (const id of vocabulary.infixes(text)) {
        const at = vocabulary.words[id]!.indexOf(text, 1);
        more.set(id, { quality: INFIX, mark: [at, at + text.length] });
      }
      let range = vocabulary.prefixRange(text);
      if (!source.title && text.length < MIN_TEXT_PREFIX)
        range = [range[0], vocabulary.words[range[0]] === text ? range[0] + 1 : range[0]];
      word.in.push({ source, range, more });
    }
    // Typos only for a word that starts no word at all: one that does is read as typed.
    const typos = word.in.every(({ range }) => range[0] === range[1]);
    for (const { source, range, more } of word.in) {
      const { vocabulary } = source;
      if (typos) {
        const found = new Map<number, WordMatch>();
        vocabulary.typos(text, found);
        for (const [id, m] of found) {
          const had = more.get(id);
          if (!had || m.quality > had.quality) more.set(id, m);
        }
      }
      const byWord = source.title ? word.moreByWord.title : word.moreByWord.text;
      for (const [id, m] of more) {
        byWord.set(vocabulary.words[id]!, m);
        word.places += vocabulary.count(id);
      }
      for (let id = range[0]; id < range[1]; id++) word.places += vocabulary.count(id);
    }
    return word;
  }

  /** How query word `q` matches a word of an entry's title or text, if it does. */
  private static matchOf(q: QueryWord, word: string, title: boolean): WordMatch | null {
    if (word.length === q.text.length ? word === q.text : word.startsWith(q.text)) {
      if (word.length === q.text.length) return { quality: EXACT, mark: [0, word.length] };
      if (title || q.text.length >= MIN_TEXT_PREFIX) return { quality: PREFIX, mark: [0, q.text.length] };
    }
    return (title ? q.moreByWord.title : q.moreByWord.text).get(word) ?? null;
  }

  /** Entries that match every query word, best first (at most `limit` of them). */
  private byWords(words: readonly QueryWord[], limit: number): number[] {
    const n = words.length;
    if (words.some((w) => w.places === 0)) return [];
    // The word standing in fewest places finds the candidates; the others only mark them.
    const order = words.map((_, i) => i).sort((a, b) => words[a]!.places - words[b]!.places);
    const candidates = this.candidates;
    candidates.reset(n);
    const note = (s: number, title: boolean, entry: number, field: number, i: number, quality: number) => {
      if (title) candidates.noteTitle(s, i, quality, field, quality === EXACT, this.base.length(entry, field));
      else candidates.noteText(s, i, quality * TEXT_WEIGHT[this.base.kind(entry, field)]);
    };
    // Reads every place of query word i's words: adds candidates (the first word) or marks them.
    const readPlaces = (i: number, create: boolean) => {
      const q = words[i]!;
      let read = 0;
      for (const { source, range, more } of q.in) {
        const { vocabulary, title } = source;
        const { places, offsets } = vocabulary;
        // false once the first word has read enough places (a one-letter query in a big glossary).
        const visit = (id: number, quality: number): boolean => {
          const end = offsets[id + 1]!;
          for (let k = offsets[id]!; k < end; k += 2) {
            const entry = places[k]!;
            let s = candidates.slot(entry);
            if (s < 0) {
              if (!create) continue;
              if (read >= MAX_SEED_PLACES) return false;
              s = candidates.add(entry);
            }
            read++;
            note(s, title, entry, places[k + 1]!, i, quality);
          }
          return true;
        };
        for (let id = range[0]; id < range[1]; id++) {
          if (!visit(id, vocabulary.words[id]!.length === q.text.length ? EXACT : PREFIX)) return;
        }
        for (const [id, m] of more) if (!visit(id, m.quality)) return;
      }
    };
    readPlaces(order[0]!, true);
    let left = candidates.size;
    for (const i of order.slice(1)) {
      const q = words[i]!;
      // Few candidates left: check their own words rather than read the places of all of q's.
      if (left * this.wordsPerEntry * CHECK_COST < q.places) {
        for (let s = 0; s < candidates.size; s++) {
          if (!candidates.alive[s]) continue;
          const entry = candidates.entries[s]!;
          this.fieldsOf(entry).forEach((f, field) => {
            const title = f.field === 'name' || f.field === 'alias';
            for (const word of wordsOf(f.folded)) {
              const m = GlossarySearch.matchOf(q, word, title);
              if (m) note(s, title, entry, field, i, m.quality);
            }
          });
        }
      } else {
        readPlaces(i, false);
      }
      left = candidates.keepMatching(i);
      if (left === 0) return [];
    }

    const all = (1 << n) - 1;
    const ranked: Ranked[] = [];
    for (let s = 0; s < candidates.size; s++) {
      if (!candidates.alive[s]) continue;
      const entry = candidates.entries[s]!;
      let titleWords = 0;
      let titleQuality = 0;
      let textQuality = 0;
      for (let i = 0; i < n; i++) {
        const title = candidates.title[s * n + i]!;
        if (title > 0) titleWords++;
        titleQuality += title;
        textQuality += candidates.text[s * n + i]!;
      }
      // One word that is a whole title is the exact stage's; "full" is for titles of several.
      const full =
        n > 1 &&
        titleWords === n &&
        [...(candidates.exactIn[s] ?? [])].some(([field, mask]) => mask === all && this.isFull(entry, field, words));
      ranked.push({ entry, titleWords, full, titleQuality, textQuality, shortestTitle: candidates.shortestTitle[s]! });
    }
    const prominence = (entry: number) => this.rank[entry] ?? 0;
    const best = topK(
      ranked,
      limit,
      (a, b) =>
        b.titleWords - a.titleWords ||
        Number(b.full) - Number(a.full) ||
        b.titleQuality - a.titleQuality ||
        prominence(b.entry) - prominence(a.entry) ||
        b.textQuality - a.textQuality ||
        a.shortestTitle - b.shortestTitle ||
        a.entry - b.entry,
    );
    return best.map((r) => r.entry);
  }

  /** Is the title made of the query's words, in any order (its words of three letters or fewer aside)? */
  private isFull(entry: number, field: number, words: readonly QueryWord[]): boolean {
    const folded = this.base.fields(entry)[field]?.folded ?? '';
    return keyOfFolded(folded)
      .split(' ')
      .every((w) => w.length <= 3 || words.some((q) => q.text === w));
  }

  /**
   * The field to show for a words-stage hit, with its marks: the one holding most query words —
   * titles first (the shortest of equals), texts only where the titles leave a word out; and
   * whether some word matched only with typos.
   */
  private wordsMatched(entry: number, words: readonly QueryWord[]): Pick<SearchHit, 'stage' | 'matched'> {
    const fields = this.fieldsOf(entry);
    let best: { field: Field; spans: Span[]; count: number; quality: number } | null = null;
    let plain = 0; // words matched without typos
    let matched = 0;
    for (const titles of [true, false]) {
      for (const f of fields) {
        if ((f.field === 'name' || f.field === 'alias') !== titles) continue;
        const qualities = new Float64Array(words.length);
        const spans: Span[] = [];
        for (const token of f.folded.matchAll(/[\p{L}\p{N}]+/gu)) {
          words.forEach((q, i) => {
            const m = GlossarySearch.matchOf(q, token[0], titles);
            if (!m) return;
            qualities[i] = Math.max(qualities[i]!, m.quality);
            if (!m.typo) plain |= 1 << i;
            spans.push([token.index + m.mark[0], token.index + m.mark[1]]);
          });
        }
        const count = qualities.filter((q) => q > 0).length;
        if (count === 0) continue;
        qualities.forEach((q, i) => q > 0 && (matched |= 1 << i));
        const quality = qualities.reduce((a, b) => a + b, 0);
        // More words, then better matches ("markt" in "interne markt" before "Binnenmarkt"), then shorter titles.
        if (
          !best ||
          count > best.count ||
          (titles &&
            count === best.count &&
            (quality > best.quality || (quality === best.quality && f.text.length < best.field.text.length)))
        )
          best = { field: f, spans, count, quality };
      }
      // Texts only for what the titles leave.
      if (best && matched === (1 << words.length) - 1) break;
    }
    const stage = plain === (1 << words.length) - 1 ? 'prefix' : 'fuzzy';
    return { stage, matched: best ? snippet(best.field, mergeSpans(best.spans)) : null };
  }

  /**
   * Fuse over the entries most likely to match: those whose names and aliases hold words sharing
   * trigrams with the query's (Bitap over every entry's names is slow in a big glossary).
   */
}

function isIndex(glossary: readonly GlossaryEntry[] | SearchIndexData): glossary is SearchIndexData {
  return !Array.isArray(glossary);
}
