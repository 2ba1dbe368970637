/** Which surface forms more than one term claims, found without folding every form (token-matcher-build.ts). */
import { aliasKey } from './alias-key';
import type { MatchTerm } from './term-automaton-build';
import { IntList, hashTable } from './token-tables';

// Characters whose lower case is not one folded unit of the same kind: U+0130 (İ → i + U+0307),
// and astral letters (Deseret …), which tokens keep unfolded.
const LOWER_CASE_UNLIKE_FOLD = /\u0130|\u0307|[\ud800-\udfff]/;

/**
 * The surface forms more than one term claims: the same map as
 * `new Map([...claimsOf(terms)].filter(([, ids]) => ids.length > 1))` (alias-claims.ts), keys and
 * ids in the same order, without folding every one of hundreds of thousands of forms with
 * aliasKey (that was a third of the compile here).
 *
 * Two aliases with the same aliasKey (lower case, whitespace runs as one space, trimmed) end at
 * the same trie node — lower-casing a unit never changes its fold or its class (a test checks this
 * for every BMP unit) — unless one contains a character of LOWER_CASE_UNLIKE_FOLD, and then the
 * other does too. So only aliases at a node that aliases of two different ids end at, blank ones,
 * and ones with such characters can share an aliasKey with another term's: only those are
 * grouped by aliasKey, in an open-addressing table of their own.
 */
export function ambiguousClaims(
  terms: readonly MatchTerm[],
  claims: Int32Array,
  terminal: Int32Array,
  nodeCount: number,
): Map<string, string[]> {
  // Nodes where aliases of two different ids end.
  const nodeTerm = new Int32Array(nodeCount).fill(-1);
  const shared = new Uint8Array(nodeCount);
  let c = 0;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    for (let j = 0; j < term.aliases.length; j++) {
      const alias = claims[c++]!;
      if (alias < 0) continue;
      const node = terminal[alias]!;
      const first = nodeTerm[node]!;
      if (first < 0) nodeTerm[node] = k;
      else if (first !== k && terms[first]!.id !== term.id) shared[node] = 1;
    }
  }

  const keys: string[] = [];
  const hashes = new IntList();
  const firstTerm = new IntList();
  const claimGroup = new Int32Array(claims.length).fill(-1);
  let ambiguous = new Uint8Array(1024);
  let table: Int32Array = new Int32Array(1024);
  c = 0;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    for (const { text } of term.aliases) {
      const alias = claims[c++]!;
      if (alias >= 0 && !shared[terminal[alias]!] && !LOWER_CASE_UNLIKE_FOLD.test(text)) continue;
      const key = aliasKey(text);
      let hash = 0x811c9dc5 | 0;
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
      hash ^= hash >>> 15;
      const mask = table.length - 1;
      let slot = hash & mask;
      let group = -1;
      for (let entry = table[slot]!; entry !== 0; entry = table[slot]!) {
        if (keys[entry - 1] === key) {
          group = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (group < 0) {
        group = keys.length;
        keys.push(key);
        hashes.push(hash);
        firstTerm.push(k);
        table[slot] = group + 1;
        if (keys.length * 2 > table.length) {
          table = hashTable(hashes.data, keys.length, table.length * 2);
          const grown = new Uint8Array(table.length);
          grown.set(ambiguous);
          ambiguous = grown;
        }
      } else if (terms[firstTerm.data[group]!]!.id !== term.id) {
        ambiguous[group] = 1;
      }
      claimGroup[c - 1] = group;
    }
  }
  // Each form's ids once, in the order first seen: a set keeps that order (a form that thousands of
  // terms claim made an array's `includes` quadratic — seconds of the background's compile of a big import).
  const lists = new Map<number, Set<string>>();
  c = 0;
  for (const term of terms) {
    for (let j = 0; j < term.aliases.length; j++) {
      const group = claimGroup[c++]!;
      if (group < 0 || !ambiguous[group]) continue;
      const ids = lists.get(group);
      if (ids) ids.add(term.id);
      else lists.set(group, new Set([term.id]));
    }
  }
  // In the order each form was first seen, as claimsOf has them.
  return new Map([...lists].sort((x, y) => x[0] - y[0]).map(([group, ids]) => [keys[group]!, [...ids]]));
}
