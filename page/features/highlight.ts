import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { topFrameHostname } from '@/core/hostname';
import { compileMatcher } from '@/core/term-matcher';
import { background } from '@/messaging/background';
import { contentReceiver } from '@/messaging/content';
import { pageSettings } from '@/settings';
import type { PageEngine } from '@/page/engine';
import { TermHighlighter } from '@/page/highlighter';
import { PageScanner } from '@/page/scanner';

/**
 * Highlights the glossary's terms: fetches the term index from the background (content scripts never
 * open the database), applies the settings, scans and highlights, and starts over when the settings
 * or the known terms change and on a single-page app's navigation. Resolves after the first apply.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): Promise<void> {
  /** Removes every highlight at once and stops scanning. */
  const clear = () => {
    engine.scanner?.stop();
    engine.highlighter?.destroy();
    engine.scanner = null;
    engine.highlighter = null;
  };

  /** (Re)applies the settings: off removes every highlight at once; on needs no reload. */
  const apply = async (): Promise<void> => {
    const settings = await pageSettings(topHostname());
    if (engine.options.alwaysOn) settings.enabled = true;
    clear();
    engine.settings = settings;
    engine.emit('settingsApplied', settings);
    if (!settings.enabled || ctx.isInvalid) return;
    const startedAt = performance.now();
    const index = (engine.index ??= await background.getTermIndex({}));
    const matcher = compileMatcher(index.terms, {
      enabledIds: new Set(settings.enabledIds),
      disabledIds: new Set(index.known),
    });
    const highlighter = new TermHighlighter(settings.mode === 'first');
    const scanner = new PageScanner({
      matcher,
      highlighter,
      idle: (run) => void ctx.requestIdleCallback(run, { timeout: 250 }),
      onIdle: () => {
        // Our own work on this page, from asking for the index to the last highlight (`npm run bench`).
        if (settings.timings) performance.measure('benelux-glossary:scan', { start: startedAt });
        engine.emit('scanIdle');
      },
      onProgress: () => engine.emit('highlightsChanged'),
    });
    engine.highlighter = highlighter;
    engine.scanner = scanner;
    // Compiling was one task; scanning starts in the next, after the page's first paint, so that
    // reading where text is on screen never forces a layout of a page still being laid out.
    await afterFirstPaint(ctx);
    if (engine.scanner === scanner) scanner.start(document, engine.options.root?.());
  };

  ctx.onInvalidated(clear);
  ctx.addEventListener(window, 'wxt:locationchange', () => engine.scanner?.restart(document, engine.options.root?.()));
  engine.on('settingsChanged', () => void apply());
  engine.on('termKnown', (termId) => {
    if (engine.index && !engine.index.known.includes(termId)) {
      engine.index.known.push(termId);
      void apply();
    }
  });
  ctx.onInvalidated(
    contentReceiver.handle('knownChanged', ({ known }) => {
      if (engine.index && [...known].sort().join() !== [...engine.index.known].sort().join()) {
        engine.index.known = known;
        void apply();
      }
      return Promise.resolve({ ok: true as const });
    }),
  );
  return apply();
}

/** Resolves after the next rendered frame (or after a second in a tab that is not rendering). */
function afterFirstPaint(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => ctx.setTimeout(finish, 0));
    ctx.setTimeout(finish, 1000);
  });
}

/** The hostname "on/off for this site" is about: the tab's top frame's. */
function topHostname(): string {
  const ancestors = location.ancestorOrigins as DOMStringList | undefined; // Firefox has none
  return topFrameHostname({
    isTop: window === window.top,
    hostname: location.hostname,
    ancestorOrigins: ancestors ? Array.from(ancestors) : undefined,
    referrer: document.referrer,
  });
}
