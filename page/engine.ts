import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CompiledGlossary } from '@/core/compiled-glossary';
import type { PageSettings } from '@/settings';
import type { PageState } from '@/settings/page-glossary';
import type { TermHighlighter } from './highlighter';
import type { HoverController } from './hover';
import type { PageScanner } from './scanner';
import type { WindowEvents } from './window-events';

export interface PageOptions {
  /** Scan only this subtree (the reading view), not the whole document. */
  root?: () => Element | null;
  /** Ignore the on/off settings (our own reading view is always explained). */
  alwaysOn?: boolean;
  /** The first read of what the frame needs (settings/page-glossary.ts), started before the DOM was ready. */
  pageState?: Promise<PageState>;
  /** The window's events, listened to since document_start (before the page's own listeners). */
  windowEvents?: WindowEvents;
}

export interface PageGlossary {
  /** The compiled glossary, when it is small enough to be copied into every frame. */
  compiled: CompiledGlossary | null;
  /** Else the version of the one the background matches with (background/enabled-set.ts). */
  remoteVersion: string | null;
  /** Terms the reader marked "I know this term": not highlighted. */
  known: string[];
}

/** What features tell each other, by name → payload. */
export interface PageEvents {
  /** The stored settings changed (the popup's switches): apply them again, without a reload. */
  settingsChanged: undefined;
  /** The reader clicked "I know this term" in this frame's tooltip. */
  termKnown: string;
  /** Settings were applied: the old highlights are gone and, when on, a new scan is on its way. */
  settingsApplied: PageSettings;
  /** A scanning slice placed or pruned highlights. */
  highlightsChanged: undefined;
  /** The first full scan is done: a moment to prepare UI ahead of use. */
  scanIdle: undefined;
}

type Listener<K extends keyof PageEvents> = (payload: PageEvents[K]) => void;
type Payload<K extends keyof PageEvents> = PageEvents[K] extends undefined ? [] : [PageEvents[K]];

/**
 * The state one frame's features share, and the events they tell each other by. Features (page/features/)
 * own the behaviour; the engine only holds what more than one of them reads. Its listeners go when
 * `ctx` is invalidated.
 */
export class PageEngine {
  /** The compiled glossary and the reader's known terms, read from browser.storage (settings/page-glossary.ts). */
  glossary: PageGlossary | null = null;
  /** The settings last applied; null until the first apply. */
  settings: PageSettings | null = null;
  /** This document's highlights; null while the extension is off here. */
  highlighter: TermHighlighter | null = null;
  /** The scanner feeding `highlighter`; null with it. */
  scanner: PageScanner | null = null;
  /** Opens and hides the term tooltip; set by the hover-tooltip feature. */
  hover: HoverController | null = null;

  private readonly listeners = new Map<keyof PageEvents, Set<(payload: never) => void>>();

  constructor(
    ctx: ContentScriptContext,
    readonly options: PageOptions = {},
  ) {
    ctx.onInvalidated(() => this.listeners.clear());
  }

  /** Calls `listener` on every `event` until `ctx` is invalidated. */
  on<K extends keyof PageEvents>(event: K, listener: Listener<K>): void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
  }

  emit<K extends keyof PageEvents>(event: K, ...payload: Payload<K>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<K>)(payload[0] as PageEvents[K]);
      } catch (error) {
        // One feature's failure must not stop the others.
        console.error(`Benelux Glossary: a "${event}" listener failed`, error);
      }
    }
  }
}
