import { otherClaimants } from '@/core/alias-claims';
import type { TermMatcher } from '@/core/term-matcher';
import { tokenMatcherFor } from '@/core/token-matcher';
import { mergeMatches } from '@/core/match-merge';
import type { BackgroundResponses } from '@/messaging/background';
import type { EnabledSet } from './enabled-set';

/** How many sets of the reader's switches keep a matcher (frames of one reader share theirs). */
const MATCHERS_KEPT = 4;

/** What the background matches with: the big set, the reader's own terms, and the glossaries' order. */
export type RemoteSet = Pick<EnabledSet, 'version' | 'compiled' | 'mine' | 'order'>;

/**
 * The background's one copy of a big enabled set, and the matchers over it for the switches frames
 * send. The copy is set when the background compiles, or read back once per background start. The
 * reader's own terms are a second, small set: their matches and the big set's are merged as one
 * matcher over both would give them.
 */
export class RemoteMatcher {
  private held: RemoteSet | null = null;
  private readonly matchers = new Map<string, TermMatcher[]>();

  constructor(private readonly load: () => Promise<RemoteSet | null>) {}

  set(set: RemoteSet | null): void {
    this.held = set;
    this.matchers.clear();
  }

  async match(request: {
    version: string;
    texts: string[];
    enabledIds: string[];
    knownIds: string[];
  }): Promise<BackgroundResponses['matchTexts']> {
    this.held ??= await this.load();
    const held = this.held;
    if (!held?.compiled || held.version !== request.version) return { stale: true };
    const sets = [held.compiled, ...(held.mine ? [held.mine] : [])];
    const key = `${request.enabledIds.join(',')}|${request.knownIds.join(',')}`;
    let matchers = this.matchers.get(key);
    if (!matchers) {
      const options = { enabledIds: new Set(request.enabledIds), disabledIds: new Set(request.knownIds) };
      matchers = sets.map((set) => tokenMatcherFor(set, options));
      if (this.matchers.size >= MATCHERS_KEPT) this.matchers.delete(this.matchers.keys().next().value!);
      this.matchers.set(key, matchers);
    }
    const rank = (glossaryId: string) => held.order[glossaryId] ?? Number.MAX_SAFE_INTEGER;
    const matches = request.texts.map((text) => {
      const lists = matchers.map((matcher, i) =>
        matcher.find(text).map((m) => {
          const others = otherClaimants(sets[i]!.ambiguous, text.slice(m.start, m.end), m.termId);
          return others.length > 0 ? { ...m, others } : m;
        }),
      );
      return lists.length === 1 ? lists[0]! : mergeMatches(lists, rank);
    });
    return { stale: false, matches };
  }
}
