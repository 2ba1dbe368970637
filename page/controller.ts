import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { aliasKey } from '@/core/glossary-validate';
import type { Lang } from '@/core/glossary-schema';
import { compileMatcher } from '@/core/term-matcher';
import { handle, sendMessage, type TermIndex } from '@/messaging/protocol';
import { pageSettings, watchPageSettings, type PageSettings } from '@/settings';
import { TermHighlighter } from './highlighter';
import { termAtPoint, termAtSelection } from './hit-test';
import { DEFAULT_DWELL_MS, HoverController, type HoverTarget } from './hover';
import { PageScanner } from './scanner';
import { TooltipHost } from './tooltip-host';

/** The reader's language: the page's `lang` when we have it, else the browser's. */
export function readerLang(doc: Document, uiLang: string): Lang {
  for (const tag of [doc.documentElement.lang, uiLang]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
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
  private claims = new Map<string, string[]>();
  private readonly tooltip: TooltipHost;
  private readonly hover: HoverController;

  constructor(private readonly ctx: ContentScriptContext) {
    this.tooltip = new TooltipHost(ctx, (message) => {
      this.hover.onTooltip(message);
      if (message.type === 'known') {
        this.index?.known.push(message.termId);
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
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.scanner?.restart(document));
    handle('explainSelection', () => {
      const hit = this.highlighter ? termAtSelection(document, this.highlighter) : null;
      if (hit) this.hover.open(hit, true);
      return Promise.resolve({ explained: hit?.term.termId ?? null });
    });
    await this.apply();
  }

  /** (Re)applies the settings: off removes every highlight at once; on needs no reload. */
  async apply(): Promise<void> {
    const settings = await pageSettings(location.hostname);
    this.teardown();
    this.settings = settings;
    if (!settings.enabled || this.ctx.isInvalid) return;
    this.index ??= await sendMessage('getTermIndex', {});
    this.claims = claimsOf(this.index);
    const matcher = compileMatcher(this.index.terms, {
      enabledIds: new Set(settings.enabledIds),
      disabledIds: new Set(this.index.known),
    });
    const highlighter = new TermHighlighter(settings.mode === 'first');
    const scanner = new PageScanner({
      matcher,
      highlighter,
      idle: (run) => void this.ctx.requestIdleCallback(run, { timeout: 250 }),
      onIdle: () => void this.tooltip.prepare(),
    });
    this.highlighter = highlighter;
    this.scanner = scanner;
    scanner.start(document);
  }

  private show(target: HoverTarget, point: { x: number; y: number }, pinned: boolean): void {
    const { term } = target;
    const text = aliasKey(term.node.data.slice(term.start, term.end));
    const candidates = (this.claims.get(text) ?? []).filter((id) => id !== term.termId);
    const lang = readerLang(document, browser.i18n.getUILanguage());
    void this.tooltip.show(target.range, point, term.termId, candidates, lang, pinned);
  }

  teardown(): void {
    this.hover.hide();
    this.scanner?.stop();
    this.highlighter?.destroy();
    this.scanner = null;
    this.highlighter = null;
  }
}

function claimsOf(index: TermIndex): Map<string, string[]> {
  const claims = new Map<string, string[]>();
  for (const term of index.terms) {
    for (const alias of term.aliases) {
      const key = aliasKey(alias.text);
      const ids = claims.get(key) ?? [];
      if (!ids.includes(term.id)) ids.push(term.id);
      claims.set(key, ids);
    }
  }
  return claims;
}
