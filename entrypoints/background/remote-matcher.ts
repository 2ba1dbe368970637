import { otherClaimants } from '@/core/alias-claims';
import type { TermMatcher } from '@/core/term-matcher';
import { tokenMatcherFor, type TokenGlossary } from '@/core/token-matcher';
import type { BackgroundResponses } from '@/messaging/background';

/** How many sets of the reader's switches keep a matcher (frames of one reader share theirs). */
const MATCHERS_KEPT = 4;

/**
 * The background's one copy of a big enabled set, and the matchers over it for the switches frames
 * send. The copy is set when the background compiles, or read back once per background start.
 */
export class RemoteMatcher {
  private held: TokenGlossary | null = null;
  private readonly matchers = new Map<string, TermMatcher>();

  constructor(private readonly load: () => Promise<TokenGlossary | null>) {}

  set(compiled: TokenGlossary | null): void {
    this.held = compiled;
    this.matchers.clear();
  }

  async match(request: {
    version: string;
    texts: string[];
    enabledIds: string[];
    knownIds: string[];
  }): Promise<BackgroundResponses['matchTexts']> {
    this.held ??= await this.load();
    const compiled = this.held;
    if (!compiled || compiled.version !== request.version) return { stale: true };
    const key = `${request.enabledIds.join(',')}|${request.knownIds.join(',')}`;
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = tokenMatcherFor(compiled, {
        enabledIds: new Set(request.enabledIds),
        disabledIds: new Set(request.knownIds),
      });
      if (this.matchers.size >= MATCHERS_KEPT) this.matchers.delete(this.matchers.keys().next().value!);
      this.matchers.set(key, matcher);
    }
    const matches = request.texts.map((text) =>
      matcher.find(text).map((m) => {
        const others = otherClaimants(compiled.ambiguous, text.slice(m.start, m.end), m.termId);
        return others.length > 0 ? { ...m, others } : m;
      }),
    );
    return { stale: false, matches };
  }
}
