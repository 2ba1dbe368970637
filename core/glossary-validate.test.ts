import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleEntry, sampleGlossary } from '@/test/sample-glossary';
import { PARTS, type Glossary } from './glossary-schema';
import { GlossaryError, validateGlossary } from './glossary-validate';

const letter = readFileSync('data/source/benelux-voorzitterschap-2023.txt', 'utf8');
const shipped: unknown = JSON.parse(readFileSync('data/glossary.json', 'utf8'));

/** A glossary that passes, with one entry per part so that coverage is not what fails. */
function valid(): Glossary {
  const g = sampleGlossary('1.0.0', []);
  for (const part of PARTS) {
    g.entries.push(
      sampleEntry(`term-${part}`, {
        part,
        aliases: [{ text: `TERM${part}`.toUpperCase(), lang: 'mul', caseSensitive: true }],
        quotes: [{ text: 'Raad Buitenlandse Zaken', part }],
      }),
    );
  }
  return g;
}

function problems(g: unknown): string[] {
  try {
    validateGlossary(g, letter);
    return [];
  } catch (e) {
    if (e instanceof GlossaryError) return e.problems;
    throw e;
  }
}

describe('the shipped glossary', () => {
  const glossary = validateGlossary(shipped, letter);

  it('passes validation with at least 70 entries', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(70);
  });

  it('covers every part of the letter', () => {
    for (const part of PARTS.filter((p) => p !== '1')) {
      expect(glossary.entries.filter((e) => e.part === part).length, part).toBeGreaterThan(0);
    }
  });

  it('explains ETIAS, GBVB and artikel 350 VWEU correctly', () => {
    const byId = (id: string) => glossary.entries.find((e) => e.id === id);
    const etias = glossary.entries.find((e) => e.aliases.some((a) => a.text === 'ETIAS'));
    expect(etias?.expansion?.en).toBe('European Travel Information and Authorisation System');
    const gbvb = glossary.entries.find((e) => e.aliases.some((a) => a.text === 'GBVB'));
    expect(gbvb?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['GBVB', 'CFSP', 'PESC', 'GASP']));
    const art350 = glossary.entries.find((e) => e.legalRef?.article === '350');
    expect(art350?.legalRef?.treaty).toBe('tfeu');
    expect(byId(art350?.id ?? '')?.quotes.length).toBeGreaterThan(0);
  });

  it('marks acronyms case-sensitive and everyday words as not highlighted', () => {
    for (const e of glossary.entries) {
      for (const a of e.aliases) {
        if (/^[A-Z]{2,6}$/.test(a.text)) expect(a.caseSensitive, `${e.id}: ${a.text}`).toBe(true);
      }
    }
    const everyday = glossary.entries.filter((e) => !e.highlight).map((e) => e.id);
    expect(everyday).toEqual(expect.arrayContaining(['overeenkomst', 'waterstof']));
  });
});

describe('validateGlossary', () => {
  it('accepts a valid glossary', () => {
    expect(problems(valid())).toEqual([]);
  });

  it('rejects a schema violation and says where', () => {
    const g = valid() as unknown as { entries: Record<string, unknown>[] };
    delete (g.entries[0]!.short as Record<string, unknown>).en;
    expect(problems(g).join('\n')).toMatch(/entries\.0\.short\.en/);
  });

  it('rejects duplicate ids', () => {
    const g = valid();
    g.entries.push({ ...g.entries[0]!, aliases: [{ text: 'OTHER', lang: 'mul', caseSensitive: true }] });
    expect(problems(g).join('\n')).toMatch(/duplicate id "term-opening"/);
  });

  it('rejects a related id that does not exist', () => {
    const g = valid();
    g.entries[0]!.related = ['missing'];
    expect(problems(g).join('\n')).toMatch(/related id "missing"/);
  });

  it('rejects a quote that is not verbatim in the letter', () => {
    const g = valid();
    g.entries[0]!.quotes = [{ text: 'De Raad Buitenlandse Zaken van de VN', part: '2' }];
    expect(problems(g).join('\n')).toMatch(/not verbatim/);
  });

  it('rejects an alias claimed by two entries unless both mark it ambiguous', () => {
    const g = valid();
    g.entries[1]!.aliases.push({ text: 'termopening', lang: 'mul', caseSensitive: false });
    expect(problems(g).join('\n')).toMatch(/alias "termopening" is claimed by "term-opening" and "term-1"/);
    g.entries[0]!.ambiguous = ['TERMOPENING'];
    expect(problems(g).join('\n')).toMatch(/claimed by/);
    g.entries[1]!.ambiguous = ['termopening'];
    expect(problems(g)).toEqual([]);
  });

  it('accepts a "not this" phrase that holds one of its forms, and rejects one that holds none or is a term', () => {
    const g = valid();
    // valid()'s aliases are case-sensitive acronyms: TERMOPENING, TERM1, …
    g.entries[0]!.notThis = ['de TERMOPENING van de VN'];
    expect(problems(g)).toEqual([]);
    g.entries[0]!.notThis = ['de termopening van de VN'];
    expect(problems(g).join('\n')).toMatch(
      /term-opening: "not this" phrase "de termopening van de VN" holds none of its forms/,
    );
    g.entries[0]!.notThis = ['TERMOPENING', 'TERM1 TERMOPENING'];
    g.entries[1]!.aliases.push({ text: 'term1 termopening', lang: 'mul', caseSensitive: false });
    expect(problems(g)).toEqual([
      'term-opening: "not this" phrase "TERMOPENING" is itself a form of "term-opening"',
      'term-opening: "not this" phrase "TERM1 TERMOPENING" is itself a form of "term-1"',
    ]);
  });

  it('rejects a glossary that leaves a part of the letter uncovered', () => {
    const g = valid();
    g.entries = g.entries.filter((e) => e.part !== '1b');
    expect(problems(g)).toContain('no entry for part 1b');
  });
});
