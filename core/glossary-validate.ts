import { glossarySchema, PARTS, type Glossary } from './glossary-schema';
import { aliasKey } from './alias-key';
import { buildTermIndex } from './term-index';
import { compileMatcher } from './term-matcher';
import { normaliseSource, occursVerbatim } from './verbatim';

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid glossary:\n- ${problems.join('\n- ')}`);
    this.name = 'GlossaryError';
  }
}

/**
 * Parses the glossary source and checks what a schema alone cannot: unique ids, existing `related`
 * ids, aliases claimed by two entries, quotes that are verbatim in the letter, every part covered,
 * "not this" phrases that can block something and block no whole term.
 */
export function validateGlossary(raw: unknown, letter: string): Glossary {
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    throw new GlossaryError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const glossary = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of glossary.entries) {
    if (ids.has(e.id)) problems.push(`duplicate id "${e.id}"`);
    ids.add(e.id);
  }
  const source = normaliseSource(letter);
  const owners = new Map<string, string>();
  for (const e of glossary.entries) {
    for (const r of e.related) {
      if (!ids.has(r)) problems.push(`${e.id}: related id "${r}" does not exist`);
      if (r === e.id) problems.push(`${e.id}: relates to itself`);
    }
    for (const q of e.quotes) {
      if (!occursVerbatim(q.text, source)) problems.push(`${e.id}: quote is not verbatim in the letter: "${q.text}"`);
    }
    const ambiguous = new Set((e.ambiguous ?? []).map(aliasKey));
    const own = new Set<string>();
    for (const a of [...e.aliases.map((x) => x.text), ...e.inflections.map((x) => x.text)]) {
      const key = aliasKey(a);
      if (own.has(key)) continue;
      own.add(key);
      const other = owners.get(key);
      if (other !== undefined && !(ambiguous.has(key) && otherMarks(glossary, other, key))) {
        problems.push(`alias "${a}" is claimed by "${other}" and "${e.id}" without being marked ambiguous`);
      }
      owners.set(key, e.id);
    }
  }
  problems.push(...notThisProblems(glossary));
  for (const part of PARTS) {
    if (part === '1') continue; // the short priorities intro need not have entries of its own
    if (!glossary.entries.some((e) => e.part === part)) problems.push(`no entry for part ${part}`);
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return glossary;
}

function otherMarks(glossary: Glossary, id: string, key: string): boolean {
  const entry = glossary.entries.find((e) => e.id === id);
  return (entry?.ambiguous ?? []).some((a) => aliasKey(a) === key);
}

/**
 * A "not this" phrase must hold one of its own entry's forms as the matcher finds it (else it can never
 * block anything), and must not be, whole, a form of any entry (else it would hide that term everywhere).
 */
function notThisProblems(glossary: Glossary): string[] {
  const problems: string[] = [];
  const terms = buildTermIndex(glossary.entries).map((t) => ({ ...t, highlight: true, notThis: [] }));
  const everyForm = compileMatcher(terms);
  for (const [k, e] of glossary.entries.entries()) {
    if (!e.notThis?.length) continue;
    const ownForms = compileMatcher([terms[k]!]);
    for (const phrase of e.notThis) {
      if (ownForms.find(phrase).length === 0)
        problems.push(`${e.id}: "not this" phrase "${phrase}" holds none of its forms`);
      const whole = everyForm.find(phrase).find((m) => m.start === 0 && m.end === phrase.length);
      if (whole) problems.push(`${e.id}: "not this" phrase "${phrase}" is itself a form of "${whole.termId}"`);
    }
  }
  return problems;
}
