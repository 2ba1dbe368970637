import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimsOf, otherClaimants, type AliasClaims } from '@/core/alias-claims';
import { topFrameHostname } from '@/core/hostname';
import { readerLang } from '@/core/reader-lang';
import { sentenceAround } from '@/core/sentence';
import { DEFAULT_DWELL_MS } from '@/core/settings';
import { compileMatcher } from '@/core/term-matcher';
import { background, type TermIndex } from '@/messaging/background';
import { contentReceiver } from '@/messaging/content';
import { pageSettings, watchPageSettings, type PageSettings } from '@/settings';
import { TermHighlighter } from './highlighter';
import { termAtPoint, termAtSelection } from './hit-test';
import { HoverController, type HoverTarget } from './hover';
import { PageScanner } from './scanner';
import { TooltipHost } from './tooltip-host';

const FLASH_HIGHLIGHT = 'benelux-glossary-flash';

export interface ControllerOptions {
  /** Scan only this subtree (the reading view), not the whole document. */
  root?: () => Element | null;
  /** Ignore the on/off settings (our own reading view is always explained). */
  alwaysOn?: boolean;
}

/**
 * Wires one frame's document: fetches the term index from the background (content scripts never
 * open the database), scans and highlights, explains the term under the pointer, and follows
 * settings and SPA navigations. Everything it starts is tied to `ctx`, so an extension update
 * leaves no ghosts.
 */
export class PageController {
  private index: TermIndex | null = null;
  private highlighter: TermHighlighter | null = null;
  private scanner: PageScanner | null = null;
  private settings: PageSettings | null = null;
  /** Surface form (folded) → every term that claims it, for ambiguous aliases. */
  private claims: AliasClaims = new Map();
  private readonly tooltip: TooltipHost;
  private readonly hover: HoverController;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: ControllerOptions = {},
  ) {
    this.tooltip = new TooltipHost(ctx, (message) => {
      this.hover.onTooltip(message);
      if (message.type === 'known' && this.index && !this.index.known.includes(message.termId)) {
        this.index.known.push(message.termId);
        void this.apply();
      }
    });
    this.hover = new HoverController(ctx, {
      hitTest: (x, y) =>
        this.highlighter ? termAtPoint(document, this.highlighter, x, y, this.scanner?.shadowRoots() ?? []) : null,
      show: (target, point, pinned) => this.show(target, point, pinned),
      pin: () => this.tooltip.pin(),
      hide: () => this.tooltip.hide(),
      overTooltip: (x, y) => this.tooltip.contains(x, y),
      dwellMs: () => this.settings?.dwellMs ?? DEFAULT_DWELL_MS,
    });
  }

  async start(): Promise<void> {
    this.ctx.onInvalidated(() => this.teardown());
    this.ctx.onInvalidated(watchPageSettings(() => void this.apply()));
    this.ctx.addEventListener(window, 'wxt:locationchange', () =>
      this.scanner?.restart(document, this.options.root?.()),
    );
    const handlers = [
      contentReceiver.handle('knownChanged', ({ known }) => {
        if (this.index && [...known].sort().join() !== [...this.index.known].sort().join()) {
          this.index.known = known;
          void this.apply();
        }
        return Promise.resolve({ ok: true as const });
      }),
      contentReceiver.handle('relayNotesChanged', ({ termId }) => {
        this.tooltip.notesChanged(termId);
        return Promise.resolve({ ok: true as const });
      }),
      contentReceiver.handle('getPageTerms', () =>
        Promise.resolve({
          hostname: location.hostname,
          enabled: this.highlighter !== null,
          counts: Object.fromEntries(this.highlighter?.counts() ?? []),
        }),
      ),
      contentReceiver.handle('revealTerm', ({ termId }) => Promise.resolve({ revealed: this.reveal(termId) })),
      contentReceiver.handle('explainSelection', () => {
        const hit = this.highlighter ? termAtSelection(document, this.highlighter) : null;
        if (hit) this.hover.open(hit, true);
        return Promise.resolve({ explained: hit?.term.termId ?? null });
      }),
    ];
    for (const remove of handlers) this.ctx.onInvalidated(remove);
    await this.apply();
  }

  private revealIndex = new Map<string, number>();

  /** Scrolls to the term's next occurrence and flashes it (the popup's "on this page"). */
  private reveal(termId: string): boolean {
    const list = this.highlighter?.occurrences(termId) ?? [];
    if (list.length === 0) return false;
    // Document order, so "next" walks down the page.
    list.sort((a, b) =>
      a.node === b.node
        ? a.start - b.start
        : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
    const i = (this.revealIndex.get(termId) ?? -1) + 1;
    const target = list[i % list.length]!;
    this.revealIndex.set(termId, i % list.length);
    target.node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const flash = new Highlight(target.range);
    CSS.highlights.set(FLASH_HIGHLIGHT, flash);
    this.ctx.setTimeout(() => {
      if (CSS.highlights.get(FLASH_HIGHLIGHT) === flash) CSS.highlights.delete(FLASH_HIGHLIGHT);
    }, 1600);
    return true;
  }

  private reportTimer: number | null = null;
  private lastReport = '';

  /** The top frame tells the background how many distinct terms it shows, for the toolbar badge. */
  private report(): void {
    if (window !== window.top || this.reportTimer !== null) return;
    this.reportTimer = this.ctx.setTimeout(() => {
      this.reportTimer = null;
      const data = { distinct: this.highlighter?.counts().size ?? 0, enabled: this.highlighter !== null };
      const key = JSON.stringify(data);
      if (key === this.lastReport) return;
      this.lastReport = key;
      background.reportPageTerms(data).catch(() => undefined);
    }, 300);
  }

  /** (Re)applies the settings: off removes every highlight at once; on needs no reload. */
  async apply(): Promise<void> {
    const settings = await pageSettings(topHostname());
    if (this.options.alwaysOn) settings.enabled = true;
    this.teardown();
    this.settings = settings;
    this.tooltip.timings = settings.timings;
    this.report();
    if (!settings.enabled || this.ctx.isInvalid) return;
    const startedAt = performance.now();
    this.index ??= await background.getTermIndex({});
    this.claims = claimsOf(this.index.terms);
    const matcher = compileMatcher(this.index.terms, {
      enabledIds: new Set(settings.enabledIds),
      disabledIds: new Set(this.index.known),
    });
    const highlighter = new TermHighlighter(settings.mode === 'first');
    const scanner = new PageScanner({
      matcher,
      highlighter,
      idle: (run) => void this.ctx.requestIdleCallback(run, { timeout: 250 }),
      onIdle: () => {
        // Our own work on this page, from asking for the index to the last highlight (`npm run bench`).
        if (settings.timings) performance.measure('benelux-glossary:scan', { start: startedAt });
        void this.tooltip.prepare(this.index?.terms[0]?.id);
      },
      onProgress: () => this.report(),
    });
    this.highlighter = highlighter;
    this.scanner = scanner;
    // Compiling was one task; scanning starts in the next, after the page's first paint, so that
    // reading where text is on screen never forces a layout of a page still being laid out.
    await afterFirstPaint(this.ctx);
    if (this.scanner === scanner) scanner.start(document, this.options.root?.());
  }

  private show(target: HoverTarget, point: { x: number; y: number }, pinned: boolean): void {
    const { term } = target;
    const candidates = otherClaimants(this.claims, term.node.data.slice(term.start, term.end), term.termId);
    const lang = readerLang(document.documentElement.lang, browser.i18n.getUILanguage());
    void this.tooltip.show(target.range, point, term.termId, candidates, lang, pinned, {
      title: document.title.slice(0, 500),
      url: location.href.slice(0, 2000),
      sentence: sentenceAround(term.node.data, term.start, term.end),
    });
  }

  teardown(): void {
    this.hover.hide();
    this.scanner?.stop();
    this.highlighter?.destroy();
    this.scanner = null;
    this.highlighter = null;
  }
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
