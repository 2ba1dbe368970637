import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { otherClaimants } from '@/core/alias-claims';
import { readerLang } from '@/core/reader-lang';
import { sentenceAround } from '@/core/sentence';
import { DEFAULT_SETTINGS } from '@/core/settings';
import { contentReceiver } from '@/messaging/content';
import { dwellMs, tooltipTrigger } from '@/settings';
import type { PageEngine } from '@/page/engine';
import { termAtPoint } from '@/page/hit-test';
import { nearestLang } from '@/page/lang';
import { HoverController, type HoverTarget } from '@/page/hover';
import { TooltipHost } from '@/page/tooltip-host';

/**
 * Explains the term under the pointer: a tooltip after a dwell (or as the reader's trigger setting
 * says: with a key held, or on click), pinned by a click, with the sentence the term sits in (for a
 * note) and the other terms an ambiguous alias may mean. Loads the tooltip frame ahead of the first
 * hover, once the page is scanned.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  // The trigger and the dwell come with the page's settings read, then from their own watches:
  // changing them applies at once and rescans nothing. Once one is watched, a later (maybe older)
  // read of the page's settings no longer overrides it.
  const prefs = { dwellMs: DEFAULT_SETTINGS.dwellMs, trigger: DEFAULT_SETTINGS.tooltipTrigger };
  const watched = new Set<keyof typeof prefs>();

  const tooltip = new TooltipHost(ctx, (message) => {
    hover.onTooltip(message);
    if (message.type === 'known') engine.emit('termKnown', message.termId);
  });

  const show = (target: HoverTarget, point: { x: number; y: number }, pinned: boolean, note = false): void => {
    const { term } = target;
    const surface = term.node.data.slice(term.start, term.end);
    // Matched here, the compiled glossary knows; matched by the background, it said with the match.
    const ambiguous = engine.glossary?.compiled?.ambiguous;
    const candidates = term.others
      ? [...term.others]
      : ambiguous
        ? otherClaimants(ambiguous, surface, term.termId)
        : [];
    // The language the term stands in (a Dutch quote in an English article is explained in Dutch),
    // else the browser's; or the one the reader fixed.
    const lang = readerLang([nearestLang(term.node), browser.i18n.getUILanguage()], engine.settings?.explainLang);
    void tooltip.show(
      target.range,
      point,
      term.termId,
      candidates,
      lang,
      pinned,
      {
        title: document.title.slice(0, 500),
        url: location.href.slice(0, 2000),
        sentence: sentenceAround(term.node.data, term.start, term.end),
      },
      note,
    );
  };

  const hover = new HoverController(ctx, {
    hitTest: (x, y) =>
      engine.highlighter ? termAtPoint(document, engine.highlighter, x, y, engine.scanner?.shadowRoots() ?? []) : null,
    show,
    pin: () => tooltip.pin(),
    hide: () => tooltip.hide(),
    overTooltip: (x, y) => tooltip.contains(x, y),
    dwellMs: () => prefs.dwellMs,
    trigger: () => prefs.trigger,
    events: engine.options.windowEvents,
  });
  engine.hover = hover;
  engine.on('highlightsChanged', () => hover.dropIfGone());

  engine.on('settingsApplied', (settings) => {
    hover.hide();
    tooltip.timings = settings.timings;
    if (!watched.has('dwellMs')) prefs.dwellMs = settings.dwellMs;
    if (!watched.has('trigger')) prefs.trigger = settings.trigger;
  });
  ctx.onInvalidated(
    dwellMs.watch((value) => {
      prefs.dwellMs = value;
      watched.add('dwellMs');
    }),
  );
  ctx.onInvalidated(
    tooltipTrigger.watch((value) => {
      prefs.trigger = value;
      watched.add('trigger');
      hover.hide(); // a tooltip opened the old way goes
    }),
  );
  // Loaded ahead in the top frame only. A frame's tooltip is an extension document of its own: one
  // ahead in each of a page's 100 frames held the page's load event from 7 s to 57 s (Chromium,
  // bench/hostile-pages.ts). A frame loads its tooltip at its first hover (~200 ms more, once).
  if (window === window.top) {
    engine.on('scanIdle', () => void tooltip.prepare(engine.glossary?.compiled?.automaton.termIds[0]));
  }
  ctx.onInvalidated(() => hover.hide());
  ctx.onInvalidated(
    contentReceiver.handle('relayNotesChanged', ({ termId }) => {
      tooltip.notesChanged(termId);
      return Promise.resolve({ ok: true as const });
    }),
  );
}
