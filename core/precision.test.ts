/**
 * The bundled glossary explains no word in a sense it does not have: everyday-sense sentences in
 * Dutch, English, French and German match nothing, and real terms beside them still match. The
 * sentences are the paragraphs of e2e/fixtures/everyday-senses.html, which the e2e test checks in
 * both browsers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Glossary } from './glossary-schema';
import { buildTermIndex } from './term-index';
import { compileMatcher } from './term-matcher';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const matcher = compileMatcher(buildTermIndex(glossary.entries));
const html = readFileSync('e2e/fixtures/everyday-senses.html', 'utf8');

const text = (inner: string) => inner.replace(/\s+/g, ' ').trim().replace(/&amp;/g, '&');
const everyday = [...html.matchAll(/<p class="everyday"[^>]*>([^<]*)<\/p>/g)].map((m) => text(m[1]!));
const terms = [...html.matchAll(/<p class="terms"[^>]*data-expect="([^"]*)"[^>]*>([^<]*)<\/p>/g)].map((m) => ({
  expect: m[1]!.split('|'),
  text: text(m[2]!),
}));
const found = (s: string) => matcher.find(s).map((m) => s.slice(m.start, m.end));

describe('precision: no word explained in a sense it does not have', () => {
  it('reads the fixture (four languages, both kinds of paragraph)', () => {
    expect(everyday.length).toBeGreaterThanOrEqual(20);
    expect(terms.length).toBeGreaterThanOrEqual(4);
  });

  it.each(everyday)('highlights nothing in: %s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it.each(terms)('still highlights the real terms in: $text', ({ text: sentence, expect: wanted }) => {
    expect(found(sentence)).toEqual(wanted);
  });
});
