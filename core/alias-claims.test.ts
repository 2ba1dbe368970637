import { describe, expect, it } from 'vitest';
import { claimsOf, otherClaimants } from './alias-claims';

const term = (id: string, ...aliases: string[]) => ({
  id,
  aliases: aliases.map((text) => ({ text, caseSensitive: false })),
});

const terms = [
  term('benelux-unie', 'Benelux Unie', 'Benelux-Unie'),
  term('benelux-economische-unie', 'Benelux Economische Unie', 'benelux  unie'),
  term('eu', 'EU', 'Europese Unie'),
  term('europese-unie-verdrag', 'Verdrag betreffende de Europese Unie', 'EU'),
  term('etias', 'ETIAS', 'etias', 'Etias'),
];

describe('claimsOf', () => {
  const claims = claimsOf(terms);

  it('gives an alias claimed by several terms every claimant, in glossary order, whatever its case or spacing', () => {
    expect(claims.get('benelux unie')).toEqual(['benelux-unie', 'benelux-economische-unie']);
    expect(claims.get('eu')).toEqual(['eu', 'europese-unie-verdrag']);
  });

  it('counts a term once for a form it lists several times', () => {
    expect(claims.get('etias')).toEqual(['etias']);
  });

  it('keys every form folded, so unambiguous forms have one claimant', () => {
    expect(claims.get('benelux-unie')).toEqual(['benelux-unie']);
    expect(claims.get('europese unie')).toEqual(['eu']);
    expect(claims.has('Europese Unie')).toBe(false);
  });

  it('is empty for no terms', () => {
    expect(claimsOf([]).size).toBe(0);
  });
});

describe('otherClaimants', () => {
  const claims = claimsOf(terms);

  it('names the other terms the text may mean, not the one shown', () => {
    expect(otherClaimants(claims, 'Benelux Unie', 'benelux-unie')).toEqual(['benelux-economische-unie']);
    expect(otherClaimants(claims, 'EU', 'europese-unie-verdrag')).toEqual(['eu']);
  });

  it('folds the text as met on the page (case, line breaks)', () => {
    expect(otherClaimants(claims, 'BENELUX\n UNIE', 'benelux-economische-unie')).toEqual(['benelux-unie']);
  });

  it('is empty for an unambiguous or unknown text', () => {
    expect(otherClaimants(claims, 'ETIAS', 'etias')).toEqual([]);
    expect(otherClaimants(claims, 'Noordzee', 'nsec')).toEqual([]);
  });
});
