import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCommonWords } from './common-words';
import { compileGlossary } from './compiled-glossary';
import type { ImportedEntry, ImportedTerm } from './imported-schema';
import {
  DEFAULT_GLOSSARY_RULES,
  describeCount,
  describeRules,
  glossaryRulesSchema,
  judgeEntry,
  matchTermsOf,
  ruleCounts,
  rulesOrDefault,
  type GlossaryRules,
} from './imported-terms';
import { matcherFor, type MatcherOptions } from './term-matcher';

const common = loadCommonWords(JSON.parse(readFileSync('data/common-words.json', 'utf8')));

function entry(id: string, ...terms: Array<Partial<ImportedTerm> & { text: string }>): ImportedEntry {
  return { id, terms: terms.map((t) => ({ lang: 'en', ...t })), definitions: [], subjectFields: [] };
}
const abbr = (text: string, lang = 'en'): ImportedTerm => ({ text, lang, type: 'abbreviation' });

/** An IATE slice as the issue describes it: everyday words beside real terms. */
const SLICE: ImportedEntry[] = [
  entry('1', { text: 'market' }),
  entry('2', { text: 'energy' }, { text: 'énergie', lang: 'fr' }),
  entry('3', { text: 'policy' }),
  entry(
    '4',
    { text: 'European Commission' },
    { text: 'Commission', type: 'shortForm' },
    { text: 'Commission européenne', lang: 'fr' },
  ),
  entry('5', { text: 'air quality' }, { text: "qualité de l'air", lang: 'fr' }),
  entry('6', { text: 'Carbon Border Adjustment Mechanism' }, abbr('CBAM'), {
    text: "mécanisme d'ajustement carbone aux frontières",
    lang: 'fr',
  }),
  entry('7', { text: 'emissions trading system' }, abbr('ETS')),
  entry('8', { text: 'Schengen area' }, { text: 'Schengenland', lang: 'en', status: 'deprecated' }),
  entry('9', { text: 'gross domestic product' }, abbr('GDP')),
  entry('10', { text: 'eu', lang: 'pt' }, abbr('EU'), { text: 'E', type: 'abbreviation' }),
  entry('11', { text: 'euro', lang: 'nl' }, { text: 'Euro', lang: 'de' }),
];

function found(text: string, rules: GlossaryRules = DEFAULT_GLOSSARY_RULES, options?: MatcherOptions): string[] {
  const compiled = compileGlossary('1', matchTermsOf('iate', SLICE, rules, common));
  return matcherFor(compiled, options)
    .find(text)
    .map((m) => `${text.slice(m.start, m.end)}=${m.termId}`);
}

const TEXT =
  'The European Commission set its energy policy for the market: air quality, the Commission said, ' +
  'and the CBAM and the emissions trading system (ETS, not ets) raise gross domestic product in the EU, eu and E. ' +
  'Schengenland is the Schengen area; the euro, der Euro.';

describe('rules', () => {
  it('default to skipping common words, case-exact abbreviations, three characters, preferred and admitted', () => {
    expect(glossaryRulesSchema.parse({})).toEqual({
      skipCommon: true,
      abbreviationsCaseExact: true,
      minLength: 3,
      statuses: ['preferred', 'admitted'],
    });
    expect(rulesOrDefault({ skipCommon: false })).toEqual({ ...DEFAULT_GLOSSARY_RULES, skipCommon: false });
  });

  it('fall back to the defaults when stored rules are malformed', () => {
    expect(rulesOrDefault({ minLength: 'three' })).toEqual(DEFAULT_GLOSSARY_RULES);
    expect(rulesOrDefault(undefined)).toEqual(DEFAULT_GLOSSARY_RULES);
  });
});

describe('matchTermsOf', () => {
  it('highlights the real terms of the slice and none of its everyday words', () => {
    expect(found(TEXT)).toEqual([
      'European Commission=iate:4',
      'CBAM=iate:6',
      // Lower case, but the full form of ETS.
      'emissions trading system=iate:7',
      'ETS=iate:7',
      'gross domestic product=iate:9',
      'EU=iate:10',
      'Schengen area=iate:8',
    ]);
  });

  it('keys terms glossary:entry and compiles an entry of common words only as not highlighted', () => {
    const terms = matchTermsOf('iate', SLICE, DEFAULT_GLOSSARY_RULES, common);
    expect(terms.find((t) => t.id === 'iate:1')).toEqual({
      id: 'iate:1',
      highlight: false,
      aliases: [{ text: 'market', caseSensitive: false }],
    });
    expect(terms.find((t) => t.id === 'iate:6')).toEqual({
      id: 'iate:6',
      highlight: true,
      aliases: [
        { text: 'Carbon Border Adjustment Mechanism', caseSensitive: false },
        { text: 'CBAM', caseSensitive: true },
        { text: "mécanisme d'ajustement carbone aux frontières", caseSensitive: false },
      ],
    });
  });

  it('matches an entry of common words when the reader switches it on', () => {
    expect(found('the market and its energy', DEFAULT_GLOSSARY_RULES, { enabledIds: new Set(['iate:1']) })).toEqual([
      'market=iate:1',
    ]);
  });

  it('leaves out the common forms of an entry that has highlighted ones', () => {
    expect(found('the Commission and the European Commission')).toEqual(['European Commission=iate:4']);
  });

  it('highlights everyday words when skipCommon is off', () => {
    const rules = { ...DEFAULT_GLOSSARY_RULES, skipCommon: false };
    expect(found('the market and the Commission, the energy policy', rules)).toEqual([
      'market=iate:1',
      'Commission=iate:4',
      'energy=iate:2',
      'policy=iate:3',
    ]);
  });

  it('matches abbreviations in any case when abbreviationsCaseExact is off', () => {
    const rules = { ...DEFAULT_GLOSSARY_RULES, abbreviationsCaseExact: false };
    expect(found('ETS, ets and Cbam', rules)).toEqual(['ETS=iate:7', 'ets=iate:7', 'Cbam=iate:6']);
    expect(found('ETS, ets and Cbam')).toEqual(['ETS=iate:7']);
  });

  it('highlights deprecated forms only when their status is chosen', () => {
    expect(found('Schengenland')).toEqual([]);
    expect(
      found('Schengenland', { ...DEFAULT_GLOSSARY_RULES, statuses: ['preferred', 'admitted', 'deprecated'] }),
    ).toEqual(['Schengenland=iate:8']);
  });

  it('leaves out forms shorter than minLength, except abbreviations of two characters or more', () => {
    expect(found('eu, EU, E')).toEqual(['EU=iate:10']);
    // "eu" is held back all the same: a common English word.
    expect(found('eu, EU, E', { ...DEFAULT_GLOSSARY_RULES, minLength: 1 })).toEqual(['EU=iate:10', 'E=iate:10']);
  });

  it('holds a form back when it is common in any language the entry lists it in', () => {
    // "Euro" is not among German's 5 000 most frequent words, but "euro" is among Dutch ones.
    expect(common.isGenericForm('Euro', 'de')).toBe(false);
    expect(judgeEntry(SLICE[10]!, DEFAULT_GLOSSARY_RULES, common)).toEqual([
      { text: 'euro', langs: ['nl', 'de'], abbreviation: false, caseSensitive: false, verdict: 'common' },
    ]);
  });

  it('reads a capital first letter as a name in a glossary that writes its phrases in lower case', () => {
    expect(found('la Commission européenne et la Commission')).toEqual(['Commission européenne=iate:4']);
    const spreadsheet = [
      entry('a', { text: 'Air quality' }),
      entry('b', { text: 'Energy policy' }),
      entry('c', { text: 'Commission européenne', lang: 'fr' }),
    ];
    const terms = matchTermsOf('sheet', spreadsheet, DEFAULT_GLOSSARY_RULES, common);
    expect(terms.map((t) => t.highlight)).toEqual([false, false, false]);
  });

  it('names a thing by a phrase beside its abbreviation, not by one elided word', () => {
    const verdicts = (e: ImportedEntry) => judgeEntry(e, DEFAULT_GLOSSARY_RULES, common).map((f) => f.verdict);
    expect(verdicts(entry('g', { text: 'gross domestic product' }, abbr('GDP')))).toEqual([
      'highlighted',
      'highlighted',
    ]);
    expect(verdicts(entry('e', { text: 'l’énergie', lang: 'fr' }, abbr('NRJ', 'fr')))).toEqual([
      'common',
      'highlighted',
    ]);
  });

  it('drops an entry with nothing to match', () => {
    const only = [entry('x', { text: 'old', status: 'obsolete' }), entry('y', { text: 'ab' })];
    expect(matchTermsOf('g', only, DEFAULT_GLOSSARY_RULES, common)).toEqual([]);
  });
});

describe('ruleCounts', () => {
  it('counts the forms each rule held back', () => {
    expect(ruleCounts(SLICE, DEFAULT_GLOSSARY_RULES, common)).toEqual({
      // market, energy, énergie, policy, Commission, air quality, qualité de l'air, euro
      skipCommon: 8,
      // CBAM, ETS, GDP, EU
      abbreviationsCaseExact: 4,
      // eu, E
      minLength: 2,
      // Schengenland
      statuses: 1,
    });
  });

  it('counts nothing held back as common when the rule is off', () => {
    expect(ruleCounts(SLICE, { ...DEFAULT_GLOSSARY_RULES, skipCommon: false }, common).skipCommon).toBe(0);
  });
});

describe('descriptions', () => {
  it('describe each rule with its value', () => {
    const rules = describeRules(DEFAULT_GLOSSARY_RULES);
    expect(rules.map((r) => r.rule)).toEqual(['skipCommon', 'abbreviationsCaseExact', 'minLength', 'statuses']);
    expect(rules[2]!.description).toContain('shorter than 3 characters');
    expect(rules[3]!.description).toBe(
      'Preferred and admitted terms are highlighted; deprecated and obsolete ones are not, though search still finds them.',
    );
    expect(describeRules({ ...DEFAULT_GLOSSARY_RULES, skipCommon: false })[0]!.description).toMatch(/^Every term/);
  });

  it('say what a count means', () => {
    expect(describeCount('skipCommon', 1204, DEFAULT_GLOSSARY_RULES)).toBe(
      '1,204 common words and phrases not highlighted',
    );
    expect(describeCount('minLength', 1, DEFAULT_GLOSSARY_RULES)).toBe(
      '1 form shorter than 3 characters not highlighted',
    );
  });
});
