/**
 * An imported glossary's entries as the page matcher takes them, under the glossary's rules: which
 * forms are highlighted by default, which are held back (common words, very short forms, deprecated
 * terms) and which match case-exactly. The background calls matchTermsOf when it compiles imported
 * glossaries; the glossary page shows describeRules and ruleCounts and lets the reader switch rules.
 *
 * An IATE slice holds "market", "energy", "policy", "Commission", "air quality" next to "Carbon Border
 * Adjustment Mechanism" and "CBAM": without these rules every page would light up.
 */
import {
  foldWord,
  isAbbreviationForm,
  spacedWordsOf,
  wordsOf,
  type CommonWords,
  type NameOptions,
} from './common-words';
import { termKey } from './ids';
import { TERM_STATUSES, type ImportedEntry, type ImportedTerm, type TermStatus } from './imported-schema';
import type { MatchAlias, MatchTerm } from './term-automaton-build';
import { z } from './zod';

/** A glossary's rules, stored per glossary; every field has its default, so `{}` reads as the defaults. */
export const glossaryRulesSchema = z.object({
  /** Forms made only of a language's most frequent words are not highlighted unless the reader switches the entry on. */
  skipCommon: z._default(z.boolean(), true),
  /** Abbreviations and acronyms ("ETS", "eu-LISA") match only as written. */
  abbreviationsCaseExact: z._default(z.boolean(), true),
  /** Forms with fewer letters and digits than this are not highlighted, abbreviations of two or more excepted. */
  minLength: z._default(z.int().check(z.minimum(1), z.maximum(10)), 3),
  /** The statuses whose forms are highlighted; a term without a status counts as admitted. */
  statuses: z._default(z.array(z.enum(TERM_STATUSES)), ['preferred', 'admitted']),
});
export type GlossaryRules = z.infer<typeof glossaryRulesSchema>;
export type GlossaryRuleName = keyof GlossaryRules;

export const GLOSSARY_RULE_NAMES: readonly GlossaryRuleName[] = [
  'skipCommon',
  'abbreviationsCaseExact',
  'minLength',
  'statuses',
];

export const DEFAULT_GLOSSARY_RULES: GlossaryRules = glossaryRulesSchema.parse({});

/** Stored rules as they can be used: the defaults for anything missing or malformed. */
export function rulesOrDefault(stored: unknown): GlossaryRules {
  const parsed = glossaryRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_GLOSSARY_RULES;
}

/** What the rules made of one form of an entry. */
export type FormVerdict =
  /** Matched and highlighted by default. */
  | 'highlighted'
  /** Only common words: matched only when the reader switches the entry on (or turns skipCommon off). */
  | 'common'
  /** Shorter than minLength: never matched (still searchable). */
  | 'short'
  /** Its status is not among `statuses`: never matched (still searchable). */
  | 'status';

export interface JudgedForm {
  /** The form as the entry first gives it. */
  text: string;
  /** Every language the entry lists this form in (case and diacritic variants folded together). */
  langs: string[];
  /** An abbreviation: typed so, or written so as one word ("CBAM", "eu-LISA", "COVID-19"). */
  abbreviation: boolean;
  caseSensitive: boolean;
  verdict: FormVerdict;
}

const ABBREVIATION_TYPES: ReadonlySet<string> = new Set(['abbreviation', 'acronym']);

function isAbbreviation(term: ImportedTerm): boolean {
  if (term.type !== undefined && ABBREVIATION_TYPES.has(term.type)) return true;
  // A form with spaces that contains an acronym ("EU Emissions Trading System") is a full form.
  return !/\s/u.test(term.text) && isAbbreviationForm(term.text);
}

/** Letters and digits, counted as characters a reader sees. */
function visibleLength(text: string): number {
  let length = 0;
  for (const word of wordsOf(text)) for (const _ of word) length++;
  return length;
}

const formKey = (text: string, caseSensitive: boolean) =>
  `${caseSensitive ? 'exact' : 'folded'}\u0000${caseSensitive ? text : foldWord(text)}`.replace(/\s+/gu, ' ').trim();

/**
 * Whether the glossary writes its phrases in lower case, names aside (IATE: "air quality", "European
 * Commission"), so that a capital first letter marks a name: true when more of its forms of two words
 * or more, outside German and abbreviations, begin in lower case than in upper case.
 */
export function writesPhrasesInLowerCase(entries: readonly Pick<ImportedEntry, 'terms'>[]): boolean {
  let lower = 0;
  let upper = 0;
  for (const entry of entries) {
    for (const term of entry.terms) {
      if (term.lang === 'de' || isAbbreviation(term)) continue;
      const words = spacedWordsOf(term.text);
      if (words.length < 2) continue;
      if (/^\p{Lu}/u.test(words[0]!)) upper++;
      else if (/^\p{Ll}/u.test(words[0]!)) lower++;
    }
  }
  return lower > upper;
}

/**
 * Every distinct form of an entry with what the rules make of it, in the entry's order. A form listed
 * in several languages is one form: held back as common when it is common in any of them (the page
 * matcher does not know a page's language), matched when any listing has a status that matches.
 * An abbreviation is never held back as common, nor is a form of two words or more in an entry that
 * has an abbreviation: it names that thing ("gross domestic product" beside "GDP", "Parquet européen"
 * beside "EPPO").
 */
export function judgeEntry(
  entry: Pick<ImportedEntry, 'terms'>,
  rules: GlossaryRules,
  common: CommonWords,
  names: NameOptions = {},
): JudgedForm[] {
  const abbreviations = entry.terms.map(isAbbreviation);
  const hasAbbreviation = abbreviations.includes(true);
  const groups = new Map<string, { first: ImportedTerm; terms: ImportedTerm[]; abbreviation: boolean }>();
  for (const [k, term] of entry.terms.entries()) {
    const abbreviation = abbreviations[k]!;
    const key = formKey(term.text, rules.abbreviationsCaseExact && abbreviation);
    const group = groups.get(key);
    if (group) group.terms.push(term);
    else groups.set(key, { first: term, terms: [term], abbreviation });
  }
  return [...groups.values()].map(({ first, terms, abbreviation }) => {
    const text = first.text;
    const statusMatches = terms.some((t) => rules.statuses.includes(t.status ?? 'admitted'));
    const length = visibleLength(text);
    const short = length < rules.minLength && !(abbreviation && length >= 2);
    // Judged against the common words only when status and length let it match (the costly test).
    const generic = () =>
      rules.skipCommon &&
      !abbreviation &&
      !(hasAbbreviation && spacedWordsOf(text).length >= 2) && // it names the thing its abbreviation stands for
      terms.some((t) => common.isGenericForm(t.text, t.lang, names));
    const verdict: FormVerdict = !statusMatches ? 'status' : short ? 'short' : generic() ? 'common' : 'highlighted';
    return {
      text,
      langs: [...new Set(terms.map((t) => t.lang))],
      abbreviation,
      caseSensitive: rules.abbreviationsCaseExact && abbreviation,
      verdict,
    };
  });
}

/** judgeEntry for every entry of a glossary, sentence-case names read as the glossary writes (writesPhrasesInLowerCase). */
export function judgeGlossary(
  entries: readonly Pick<ImportedEntry, 'terms'>[],
  rules: GlossaryRules,
  common: CommonWords,
): JudgedForm[][] {
  const names = { sentenceCaseNames: writesPhrasesInLowerCase(entries) };
  return entries.map((entry) => judgeEntry(entry, rules, common, names));
}

/**
 * The matcher's terms for an imported glossary, one per entry that has a form to match, with id
 * `glossaryId:entryId`. An entry with highlighted forms matches those (its common forms are left
 * out: "Commission" beside "European Commission"); an entry whose every matchable form is common
 * is compiled with highlight:false, so the reader's switch for the entry (enabledIds) turns it on.
 */
export function matchTermsOf(
  glossaryId: string,
  entries: readonly Pick<ImportedEntry, 'id' | 'terms'>[],
  rules: GlossaryRules,
  common: CommonWords,
): MatchTerm[] {
  const terms: MatchTerm[] = [];
  const judged = judgeGlossary(entries, rules, common);
  entries.forEach((entry, k) => {
    const forms = judged[k] ?? [];
    const alias = (f: JudgedForm): MatchAlias => ({ text: f.text, caseSensitive: f.caseSensitive });
    const highlighted = forms.filter((f) => f.verdict === 'highlighted').map(alias);
    const held = forms.filter((f) => f.verdict === 'common').map(alias);
    const id = termKey(glossaryId, entry.id);
    if (highlighted.length > 0) terms.push({ id, highlight: true, aliases: highlighted });
    else if (held.length > 0) terms.push({ id, highlight: false, aliases: held });
  });
  return terms;
}

/** Per rule, how many forms it held back (for abbreviationsCaseExact: how many it made case-exact). */
export type RuleCounts = Record<GlossaryRuleName, number>;

export function ruleCounts(entries: readonly ImportedEntry[], rules: GlossaryRules, common: CommonWords): RuleCounts {
  const counts: RuleCounts = { skipCommon: 0, abbreviationsCaseExact: 0, minLength: 0, statuses: 0 };
  for (const forms of judgeGlossary(entries, rules, common)) {
    for (const form of forms) {
      if (form.verdict === 'common') counts.skipCommon++;
      else if (form.verdict === 'short') counts.minLength++;
      else if (form.verdict === 'status') counts.statuses++;
      if (form.caseSensitive && form.verdict !== 'status' && form.verdict !== 'short') counts.abbreviationsCaseExact++;
    }
  }
  return counts;
}

export interface RuleDescription {
  rule: GlossaryRuleName;
  /** A short name for the switch. */
  label: string;
  /** What the rule does with its current value. */
  description: string;
}

const STATUS_NAMES: Record<TermStatus, string> = {
  preferred: 'preferred',
  admitted: 'admitted',
  deprecated: 'deprecated',
  obsolete: 'obsolete',
};

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? 'none') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The rules as the glossary page shows them (English; the UI may translate). */
export function describeRules(rules: GlossaryRules): RuleDescription[] {
  const left = TERM_STATUSES.filter((s) => !rules.statuses.includes(s)).map((s) => STATUS_NAMES[s]);
  return [
    {
      rule: 'skipCommon',
      label: 'Skip common words',
      description: rules.skipCommon
        ? 'Terms made only of everyday words of their language ("market", "air quality") are not highlighted, unless you switch the term on. Abbreviations, names written with capitals ("Emissions Trading System") and the full forms of abbreviated terms are still highlighted.'
        : 'Every term is highlighted, everyday words ("market", "air quality") included.',
    },
    {
      rule: 'abbreviationsCaseExact',
      label: 'Abbreviations as written',
      description: rules.abbreviationsCaseExact
        ? 'Abbreviations and acronyms match only as written: "ETS" is not found in "ets".'
        : 'Abbreviations and acronyms match in any case.',
    },
    {
      rule: 'minLength',
      label: 'Shortest term',
      description: `Terms shorter than ${rules.minLength} ${rules.minLength === 1 ? 'character' : 'characters'} are not highlighted, except abbreviations of two characters or more.`,
    },
    {
      rule: 'statuses',
      label: 'Term statuses',
      description: `${capitalise(list(rules.statuses.map((s) => STATUS_NAMES[s])))} terms are highlighted${
        left.length > 0 ? `; ${list(left)} ones are not, though search still finds them` : ''
      }.`,
    },
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a rule's count means, for the glossary page: "1,204 common words and phrases not highlighted". */
export function describeCount(rule: GlossaryRuleName, count: number, rules: GlossaryRules): string {
  const n = count.toLocaleString('en');
  switch (rule) {
    case 'skipCommon':
      return `${n} common ${count === 1 ? 'word or phrase' : 'words and phrases'} not highlighted`;
    case 'abbreviationsCaseExact':
      return `${n} ${count === 1 ? 'abbreviation' : 'abbreviations'} matched as written`;
    case 'minLength':
      return `${n} ${count === 1 ? 'form' : 'forms'} shorter than ${rules.minLength} characters not highlighted`;
    case 'statuses':
      return `${n} ${count === 1 ? 'form' : 'forms'} of other statuses not highlighted`;
  }
}
