/**
 * Precision at scale (the issue): an imported glossary seeded with each language's 5 000 most frequent
 * words and thousands of two-word phrases of them, beside real EU terms (test/texts/real-terms.ts),
 * compiled as the background compiles imported glossaries and run over texts of 2 000 words or more
 * per language — the letter for Dutch, newspaper pieces for English, French and German
 * (test/texts/*.txt). With the default rules nothing frequent is highlighted unless it is a listed
 * abbreviation, and every real term that stands in a text is found; with skipCommon off, the same
 * glossary lights up the texts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommonWords, type CommonWordsData } from './common-words';
import { compileGlossary, type CompiledGlossary } from './compiled-glossary';
import { LANGS, type Lang } from './constants';
import { termKey } from './ids';
import { importedEntrySchema, type ImportedEntry } from './imported-schema';
import { DEFAULT_GLOSSARY_RULES, judgeGlossary, matchTermsOf, ruleCounts, type JudgedForm } from './imported-terms';
import { reconstructLetter } from './letter';
import type { MatchTerm } from './term-automaton-build';
import { matcherFor, type TermMatch } from './term-matcher';
import { foldText } from './text-fold';
import { prng } from '@/test/prng';
import { HELD_BACK, REAL_ENTRIES } from '@/test/texts/real-terms';

const GLOSSARY = 'iate';
const SEED_WORDS = 5000;
const RANDOM_PHRASES = 2500;

const data = JSON.parse(readFileSync('data/common-words.json', 'utf8')) as CommonWordsData;
const common = loadCommonWords(data);

const TEXTS: Record<Lang, string> = {
  nl: reconstructLetter(readFileSync('data/source/benelux-voorzitterschap-2023.txt', 'utf8'))
    .map((block) => block.text)
    .join('\n\n'),
  en: readFileSync('test/texts/en.txt', 'utf8'),
  fr: readFileSync('test/texts/fr.txt', 'utf8'),
  de: readFileSync('test/texts/de.txt', 'utf8'),
};

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// A word as a reader sees it: hyphens and apostrophes inside it ("l’énergie", "grensoverschrijdende").
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const wordCount = (text: string) => text.match(TOKEN)?.length ?? 0;

function seedEntry(id: string, lang: Lang, text: string): ImportedEntry {
  return { id, terms: [{ lang, text, type: 'fullForm' }], definitions: [], subjectFields: ['GENERATED'] };
}

/**
 * Two-word phrases of common words: every pair of adjacent common words in the language's text (the
 * phrases that can actually be found there), then random pairs of the 5 000 words. Lower case as a
 * termbase writes them, German nouns aside.
 */
function seedPhrases(lang: Lang, words: readonly string[]): string[] {
  const phrases = new Set<string>();
  const text = TEXTS[lang];
  let previous: { word: string; end: number } | undefined;
  for (const token of text.matchAll(TOKEN)) {
    const word = token[0];
    const common1 = common.isGenericForm(word, lang);
    if (previous && common1 && text.slice(previous.end, token.index) === ' ') {
      const phrase = `${previous.word} ${word}`;
      phrases.add(lang === 'de' ? phrase : phrase.toLowerCase());
    }
    previous = common1 ? { word, end: token.index + word.length } : undefined;
  }
  const random = prng(0x5eed + LANGS.indexOf(lang));
  const pick = () => words[Math.floor(random() * words.length)]!;
  const target = phrases.size + RANDOM_PHRASES;
  while (phrases.size < target) {
    const phrase = `${pick()} ${pick()}`;
    phrases.add(lang === 'de' ? phrase : phrase.toLowerCase());
  }
  return [...phrases];
}

function seedGlossary(): { entries: ImportedEntry[]; seedIds: Set<string> } {
  const entries: ImportedEntry[] = [];
  for (const lang of LANGS) {
    const words = data.words[lang].split('\n').slice(0, SEED_WORDS);
    words.forEach((word, k) => entries.push(seedEntry(`${lang}-w${k}`, lang, word)));
    seedPhrases(lang, words).forEach((phrase, k) => entries.push(seedEntry(`${lang}-p${k}`, lang, phrase)));
  }
  const seedIds = new Set(entries.map((e) => e.id));
  return { entries: [...entries, ...REAL_ENTRIES], seedIds };
}

interface Span {
  start: number;
  end: number;
  termId: string;
}

/**
 * Where the highlighted real forms stand in a text, found independently of the matcher: plain
 * searches (folded for forms that ignore case), whole words only, leftmost-longest without overlaps.
 */
function occurrences(text: string, forms: ReadonlyArray<{ form: JudgedForm; termId: string }>): Span[] {
  const folded = foldText(text);
  const candidates: Span[] = [];
  for (const { form, termId } of forms) {
    const hay = form.caseSensitive ? text : folded;
    const needle = form.caseSensitive ? form.text : foldText(form.text);
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!WORD_CHAR.test(text.charAt(at - 1)) && !WORD_CHAR.test(text.charAt(end))) {
        candidates.push({ start: at, end, termId });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    spans.push(c);
    lastEnd = c.end;
  }
  return spans;
}

const shown = (text: string, spans: readonly (Span | TermMatch)[]) =>
  spans.map((s) => `${text.slice(s.start, s.end)}@${s.start}=${s.termId}`);

/** Occurrences of highlighted real forms in each text, counted by `occurrences` (leftmost-longest). */
const PLANTED: Record<Lang, number> = { nl: 111, en: 119, fr: 109, de: 117 };

describe('precision at scale: a glossary of the 5 000 most frequent words and phrases of them beside real terms', () => {
  let entries: ImportedEntry[];
  let seedIds: Set<string>;
  let judged: JudgedForm[][];
  let terms: MatchTerm[];
  let compiled: CompiledGlossary;
  /** The same glossary with skipCommon off, compiled once when first needed. */
  let everything: CompiledGlossary | undefined;
  let realForms: Array<{ form: JudgedForm; termId: string; entryId: string }>;

  beforeAll(() => {
    ({ entries, seedIds } = seedGlossary());
    judged = judgeGlossary(entries, DEFAULT_GLOSSARY_RULES, common);
    terms = matchTermsOf(GLOSSARY, entries, DEFAULT_GLOSSARY_RULES, common);
    compiled = compileGlossary('1', terms);
    realForms = entries.flatMap((entry, k) =>
      seedIds.has(entry.id)
        ? []
        : (judged[k] ?? []).map((form) => ({ form, termId: termKey(GLOSSARY, entry.id), entryId: entry.id })),
    );
  });

  it('seeds each language with its 5 000 most frequent words and thousands of phrases of them', () => {
    for (const lang of LANGS) {
      const ofLang = entries.filter((e) => e.id.startsWith(`${lang}-`));
      expect(ofLang.filter((e) => e.id.startsWith(`${lang}-w`))).toHaveLength(SEED_WORDS);
      expect(ofLang.filter((e) => e.id.startsWith(`${lang}-p`)).length).toBeGreaterThanOrEqual(RANDOM_PHRASES + 500);
    }
    expect(REAL_ENTRIES.length).toBeGreaterThanOrEqual(45);
    // Every entry is one the importers could have produced.
    for (const entry of entries) importedEntrySchema.parse(entry);
  });

  it('holds back every frequent word and phrase: common, or too short to match', () => {
    const verdicts = new Map<string, number>();
    entries.forEach((entry, k) => {
      if (!seedIds.has(entry.id)) return;
      for (const form of judged[k] ?? []) verdicts.set(form.verdict, (verdicts.get(form.verdict) ?? 0) + 1);
    });
    expect([...verdicts.keys()].sort()).toEqual(['common', 'short']);
    expect(terms.filter((t) => t.highlight && seedIds.has(t.id.slice(GLOSSARY.length + 1)))).toEqual([]);
    const counts = ruleCounts(entries, DEFAULT_GLOSSARY_RULES, common);
    // The real entries' held-back forms count too (HELD_BACK).
    const held = Object.values(HELD_BACK).flat().length;
    expect(counts.skipCommon).toBe((verdicts.get('common') ?? 0) + held);
    expect(counts.minLength).toBe(verdicts.get('short') ?? 0);
    expect(counts.statuses).toBe(0);
  });

  it('holds back exactly the real forms listed as common, and highlights every other real form', () => {
    const held: Record<string, string[]> = {};
    for (const { form, entryId } of realForms) {
      expect(form.verdict === 'highlighted' || form.verdict === 'common', `${form.text}: ${form.verdict}`).toBe(true);
      if (form.verdict === 'common') (held[entryId] ??= []).push(form.text);
    }
    expect(held).toEqual(HELD_BACK);
  });

  describe.each(LANGS)('the %s text', (lang) => {
    const text = TEXTS[lang];

    it('has 2 000 words or more', () => {
      expect(wordCount(text)).toBeGreaterThanOrEqual(2000);
    });

    it('highlights exactly the real terms that stand in it, and nothing frequent', () => {
      const highlighted = realForms.filter((f) => f.form.verdict === 'highlighted');
      const expected = occurrences(text, highlighted);
      const found = matcherFor(compiled).find(text);
      // Compared as "text@offset=id": a frequent word or phrase highlighted, or a real term missed, shows by name.
      expect(shown(text, found)).toEqual(shown(text, expected));

      const ownForms = highlighted.filter(({ form }) => form.langs.includes(lang) || form.langs.includes('mul'));
      const planted = new Set(expected.map((s) => text.slice(s.start, s.end)));
      const ownFound = ownForms.filter(({ form }) => occurrences(text, [{ form, termId: '' }]).length > 0);
      if (lang === 'nl') {
        // The letter was not written for this test: count the real terms it holds.
        expect(ownFound.length).toBeGreaterThanOrEqual(30);
      } else {
        // The newspaper texts were: every real form of their language is planted at least once.
        expect(ownForms.filter((f) => !ownFound.includes(f)).map((f) => f.form.text)).toEqual([]);
      }
      expect(planted.size).toBeGreaterThanOrEqual(30);

      expect(expected).toHaveLength(PLANTED[lang]);

      // The held-back forms of real entries stand in the text on their own too ("the Commission said"),
      // and are not highlighted there (the comparison above would show them).
      const heldForms = realForms
        .filter((f) => f.form.verdict === 'common')
        .map((f) => ({ ...f, termId: `held ${f.termId}` }));
      const heldAlone = occurrences(text, [...heldForms, ...highlighted]).filter((s) => s.termId.startsWith('held '));
      expect(heldAlone.length).toBeGreaterThan(0);
    });

    it('lights it up when skipCommon is off', () => {
      everything ??= compileGlossary(
        '1',
        matchTermsOf(GLOSSARY, entries, { ...DEFAULT_GLOSSARY_RULES, skipCommon: false }, common),
      );
      const found = matcherFor(everything).find(text);
      const seeds = found.filter((m) => seedIds.has(m.termId.slice(GLOSSARY.length + 1)));
      // Most of the words of the text belong to a highlighted frequent word or phrase (65–81 %).
      const covered = seeds.reduce((n, m) => n + wordCount(text.slice(m.start, m.end)), 0);
      expect(covered / wordCount(text)).toBeGreaterThan(0.6);
      // Compiling every frequent form takes ~3 s here, more on a loaded machine: a hang guard, not a timing.
    }, 60_000);
  });

  it('matches a listed abbreviation as written, never the frequent word it spells', () => {
    // "om" is among Dutch's most frequent words, "eu" among French and English ones, "red" among English ones.
    const matcher = matcherFor(compiled);
    const ids = (text: string) => matcher.find(text).map((m) => `${text.slice(m.start, m.end)}=${m.termId}`);
    expect(['om', 'eu', 'red'].every((w) => common.langs.some((l) => common.isCommonWord(w, l)))).toBe(true);
    expect(ids('Het OM zegt om vijf uur iets over de EU.')).toEqual(['OM=iate:public-prosecution', 'EU=iate:eu']);
    expect(ids('La RED et le red, l’UE en a eu besoin.')).toEqual(['RED=iate:red', 'UE=iate:eu']);
    expect(TEXTS.nl).toMatch(/\bom\b/);
    expect(TEXTS.en).toMatch(/\bred tape\b/);
    expect(TEXTS.fr).toMatch(/\ba eu\b/);
  });

  it('matches a frequent word the reader switches on', () => {
    const market = entries.find((e) => e.terms[0]?.text === 'market' && e.terms[0].lang === 'en')!;
    const key = termKey(GLOSSARY, market.id);
    expect(
      matcherFor(compiled)
        .find('the market')
        .map((m) => m.termId),
    ).toEqual([]);
    expect(
      matcherFor(compiled, { enabledIds: new Set([key]) })
        .find('the market')
        .map((m) => m.termId),
    ).toEqual([key]);
  });
});
