import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadCompiledGlossary } from '@/core/compiled-glossary';
import { sameIds } from '@/core/ids';
import { matcherFor } from '@/core/term-matcher';
import { background } from '@/messaging/background';
import { pageSettings } from '@/settings';
import { compiledGlossaryStore, knownTermsStore, readPageState, type PageState } from '@/settings/page-glossary';
import type { PageEngine, PageGlossary } from '@/page/engine';
import { topHostname } from '@/page/top-hostname';
import { TermHighlighter } from '@/page/highlighter';
import { PageScanner, type BatchMatcher } from '@/page/scanner';
import { afterFirstPaint, layoutIsCheap } from '@/page/first-paint';

/** How often the highlight registry is checked for ours (see TermHighlighter.ensureRegistered). */
const REGISTRY_CHECK_MS = 1000;

/**
 * Highlights the glossary's terms: reads the compiled glossary and the known terms from storage (the
 * background publishes them; content scripts never open the database nor wait on a sleeping service
 * worker), applies the settings, scans and highlights, and starts over when the settings, the known
 * terms or the glossary change and on a single-page app's navigation. Resolves after the first apply.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): Promise<void> {
  /** Removes every highlight at once and stops scanning. */
  const clear = () => {
    engine.scanner?.stop();
    engine.highlighter?.destroy();
    engine.scanner = null;
    engine.highlighter = null;
  };

  /** The content script's early read the first time (started at document_start), a fresh one after. */
  let early = engine.options.pageState;
  const takeFirstRead = () => {
    const read = early ?? readPageState(topHostname());
    early = undefined;
    return read;
  };

  /** (Re)applies the settings: off removes every highlight at once; on needs no reload. */
  const apply = async (): Promise<void> => {
    const startedAt = performance.now();
    // One storage read for all a frame needs to start; the glossary only when it is not loaded yet.
    const state = engine.glossary
      ? { settings: await pageSettings(topHostname()), glossary: Promise.resolve(engine.glossary) }
      : await takeFirstRead().then(({ settings, compiled, known }) => ({
          settings,
          glossary: loadGlossary({ compiled, known }),
        }));
    state.glossary.catch(() => undefined); // awaited below only when on here
    const { settings } = state;
    const settingsAt = performance.now();
    if (engine.options.alwaysOn) settings.enabled = true;
    clear();
    engine.settings = settings;
    engine.emit('settingsApplied', settings);
    if (!settings.enabled || ctx.isInvalid) return;
    const { compiled, known } = (engine.glossary = await state.glossary);
    const glossaryAt = performance.now();
    if (engine.settings !== settings || ctx.isInvalid) return; // applied again meanwhile
    // The switches filter matches; the glossary was compiled once, by the build or the background.
    const { remoteVersion } = engine.glossary;
    const matcher = compiled
      ? matcherFor(compiled, { enabledIds: new Set(settings.enabledIds), disabledIds: new Set(known) })
      : backgroundMatcher(remoteVersion ?? '', settings.enabledIds, known);
    const highlighter = new TermHighlighter(settings.mode === 'first');
    const scanner = new PageScanner({
      matcher,
      highlighter,
      idle: (run) => void ctx.requestIdleCallback(run, { timeout: 250 }),
      onIdle: () => {
        // Our own work on this page, from reading the glossary to the last highlight (`npm run bench`).
        if (settings.timings) performance.measure('benelux-glossary:scan', { start: startedAt });
        engine.emit('scanIdle');
      },
      onProgress: () => engine.emit('highlightsChanged'),
    });
    engine.highlighter = highlighter;
    engine.scanner = scanner;
    // Finding the first screen reads layout. On a small page whose stylesheets are in, that is the
    // layout its first paint needs anyway, so the first screen can be in that paint; otherwise a
    // forced layout would be done again or be a long task of ours: wait for the page's first paint.
    if (!layoutIsCheap(document)) await afterFirstPaint(ctx);
    const paintedAt = performance.now();
    if (engine.scanner !== scanner) return;
    scanner.start(document, engine.options.root?.());
    if (settings.timings) {
      // Where the time to the first screen goes (`npm run bench`); off for readers, like every measure.
      performance.measure('benelux-glossary:settings', { start: startedAt, end: settingsAt });
      performance.measure('benelux-glossary:glossary', { start: startedAt, end: glossaryAt });
      performance.measure('benelux-glossary:first-paint', { start: glossaryAt, end: paintedAt });
      performance.measure('benelux-glossary:first-screen', { start: paintedAt });
    }
  };

  /** Marks `termId` known (or sets the whole list) and highlights again if that changed anything. */
  const setKnown = (known: string[]) => {
    const glossary = engine.glossary;
    if (!glossary || sameIds(known, glossary.known)) return;
    engine.glossary = { ...glossary, known };
    void apply();
  };

  ctx.onInvalidated(clear);
  // The registry is the page's too: a page may clear it or put its own highlight under our name.
  ctx.setInterval(() => engine.highlighter?.ensureRegistered(), REGISTRY_CHECK_MS);
  // WXT's event name is known to any page (it carries our id): scan again only when the URL did change.
  let scannedUrl = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href === scannedUrl) return;
    scannedUrl = location.href;
    engine.scanner?.restart(document, engine.options.root?.());
  });
  engine.on('settingsChanged', () => void apply());
  // This frame's tooltip: at once. Other frames and tabs: through the background's mirror.
  engine.on('termKnown', (termId) => engine.glossary && setKnown([...engine.glossary.known, termId]));
  ctx.onInvalidated(knownTermsStore.watch((known) => known && setKnown(known)));
  ctx.onInvalidated(
    compiledGlossaryStore.watch(() => {
      engine.glossary = null;
      void apply();
    }),
  );
  return apply();
}

/**
 * What this frame highlights with, from what it read of browser.storage.local. When that is missing or
 * unreadable (first run, another format), the background publishes it once and it is read again.
 */
async function loadGlossary(read: Pick<PageState, 'compiled' | 'known'>): Promise<PageGlossary> {
  for (let attempt = 0; ; attempt++) {
    const { compiled: stored, known } = attempt === 0 ? read : await readPageState(topHostname());
    let compiled = null;
    try {
      compiled = stored && loadCompiledGlossary(stored);
    } catch (error) {
      if (attempt > 0) throw error;
    }
    if (stored?.route && known) return { compiled: null, remoteVersion: stored.version, known };
    if (compiled && known) return { compiled, remoteVersion: null, known };
    if (attempt > 0) throw new Error('Benelux Glossary: no compiled glossary to highlight with.');
    await background.publishPageGlossary({});
  }
}

/** Matching by the background, for a glossary set too big to copy into every frame. */
function backgroundMatcher(version: string, enabledIds: string[], knownIds: string[]): BatchMatcher {
  return {
    findMany: async (texts) => {
      const answer = await background.matchTexts({ version, texts, enabledIds, knownIds });
      return answer.stale ? null : answer.matches;
    },
  };
}
