/**
 * The matching side of bench/shared-route.ts's probe extension: one decoded copy of a compiled
 * glossary, loaded on first use, answering `match` requests with each text's matches. Runs as the
 * Chromium service worker, the Chromium offscreen document, or the Firefox background page
 * (ROLE says which; requests for another role are left to it).
 */
import { decodeCompiledGlossary } from '../../core/compiled-glossary';
import { matcherFor, type TermMatcher } from '../../core/term-matcher';
import { api, type ProbeRequest, type ProbeResponse } from './probe-api';

let loaded: Promise<{ matcher: TermMatcher; loadMs: number }> | null = null;

function load(): Promise<{ matcher: TermMatcher; loadMs: number }> {
  loaded ??= (async () => {
    const t0 = performance.now();
    const bytes = new Uint8Array(await (await fetch(api.runtime.getURL('glossary.bin'))).arrayBuffer());
    const matcher = matcherFor(decodeCompiledGlossary(bytes));
    return { matcher, loadMs: performance.now() - t0 };
  })();
  return loaded;
}

export function serve(role: 'background' | 'offscreen'): void {
  api.runtime.onMessage.addListener((message: ProbeRequest, _sender: unknown, respond: (r: ProbeResponse) => void) => {
    if (message.to !== role) return undefined;
    void load().then(({ matcher, loadMs }) => {
      const t0 = performance.now();
      const matches = message.texts.map((text) => matcher.find(text).flatMap((m) => [m.start, m.end, m.termId]));
      respond({ matches, matchMs: performance.now() - t0, loadMs });
    });
    return true;
  });
}
