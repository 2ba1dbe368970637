import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageEngine, type PageOptions } from './engine';
import * as badge from './features/badge';
import * as explainSelection from './features/explain-selection';
import * as highlight from './features/highlight';
import * as menuTarget from './features/menu-target';
import * as pageDefinitions from './features/page-definitions';
import * as pdfAutoOpen from './features/pdf-auto-open';
import * as hoverTooltip from './features/hover-tooltip';
import * as reveal from './features/reveal';
import * as siteSwitch from './features/site-switch';

/** A content-script feature: one file in page/features/; everything it starts is tied to `ctx`. */
interface Feature {
  init(ctx: ContentScriptContext, engine: PageEngine): void | Promise<void>;
}

/**
 * Highlight last: its first apply starts the page, by which time every other feature listens.
 */
const FEATURES: readonly Feature[] = [
  pdfAutoOpen,
  hoverTooltip,
  reveal,
  explainSelection,
  menuTarget,
  badge,
  siteSwitch,
  pageDefinitions,
  highlight,
];

/**
 * Explains one frame's document (a web page, or the glossary page's reading view) by composing the
 * features in page/features/ around one shared engine. An extension update leaves no ghosts: each
 * feature ties what it starts to `ctx`.
 */
export class PageController {
  readonly engine: PageEngine;

  constructor(
    private readonly ctx: ContentScriptContext,
    options: PageOptions = {},
  ) {
    this.engine = new PageEngine(ctx, options);
  }

  /** Starts every feature; resolves once the settings are first applied. */
  async start(): Promise<void> {
    for (const feature of FEATURES) await feature.init(this.ctx, this.engine);
  }
}
