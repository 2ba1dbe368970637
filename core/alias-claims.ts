import { aliasKey } from './alias-key';
import type { MatchTerm } from './term-matcher';

/** Folded surface form (`aliasKey`) → the id of every term that claims it, in glossary order. */
export type AliasClaims = ReadonlyMap<string, readonly string[]>;

/** Which terms claim each surface form: an alias claimed by more than one term is ambiguous. */
export function claimsOf(terms: readonly Pick<MatchTerm, 'id' | 'aliases'>[]): AliasClaims {
  const claims = new Map<string, string[]>();
  for (const term of terms) {
    for (const alias of term.aliases) {
      const key = aliasKey(alias.text);
      const ids = claims.get(key) ?? [];
      if (!ids.includes(term.id)) ids.push(term.id);
      claims.set(key, ids);
    }
  }
  return claims;
}

/**
 * The other terms the text a reader met may also mean (the tooltip offers them), besides the one
 * the matcher chose.
 */
export function otherClaimants(claims: AliasClaims, surface: string, termId: string): string[] {
  return (claims.get(aliasKey(surface)) ?? []).filter((id) => id !== termId);
}
