import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '@/core/constants';
import type { NoteContext } from '@/core/notes';
import { HANDSHAKE_TYPE, tooltipToHost, type HostToTooltip, type TooltipToHost } from '@/messaging/tooltip-channel';
import { removeOrphanedHosts } from './orphaned-hosts';
import { UI_HOST_TAG } from './scanner';

const WIDTH = 380;
const MARGIN = 8;

/**
 * Our one element in the page. The tooltip's text lives in an extension page inside an iframe, inside a
 * closed shadow root: the page cannot read it (cross-origin, and `window.find` cannot see into it) nor
 * style it (inline `all: initial !important`). The host is a manual popover, so it sits in the top
 * layer, above any z-index and above fullscreen elements once re-shown.
 */
export class TooltipHost {
  private host: HTMLElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private ready: Promise<void> | null = null;
  private stopUpdates: (() => void) | null = null;
  private contentHeight = 120;
  private reference: { range: Range; x: number; y: number } | null = null;
  /** The card revealed once the frame has laid it out (see `show`). */
  private revealing: { termId: string; pinned: boolean } | null = null;
  visible = false;
  /** Leave a performance measure per shown tooltip (only when `npm run bench` asks). */
  timings = false;
  private showStartedAt = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onMessage: (message: TooltipToHost) => void,
  ) {
    ctx.onInvalidated(() => this.destroy());
  }

  /** Creates the host and loads the tooltip page once (~160–200 ms), ahead of the first hover. */
  prepare(warmUpTermId?: string): Promise<void> {
    if (this.host) {
      this.repair(this.host);
      return this.ready ?? Promise.resolve();
    }
    removeOrphanedHosts(browser.runtime.getURL('/tooltip.html'));
    const host = document.createElement(UI_HOST_TAG.toLowerCase());
    host.setAttribute('popover', 'manual');
    this.standby(host);
    const shadow = host.attachShadow({ mode: 'closed' });
    const iframe = document.createElement('iframe');
    const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    iframe.src = `${browser.runtime.getURL('/tooltip.html')}#${nonce}`;
    iframe.setAttribute('title', 'Benelux Glossary');
    iframe.style.cssText =
      'all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: light dark;';
    let warmUp = warmUpTermId;
    // Every load, not only the first: a page that moves our host (or takes it out and puts it back)
    // reloads the frame, whose new document waits for a handshake of its own.
    iframe.addEventListener('load', () => {
      this.connect(host, iframe, nonce, warmUp);
      warmUp = undefined;
    });
    const ready = this.expectConnection();
    shadow.append(iframe);
    document.documentElement.append(host);
    this.host = host;
    this.iframe = iframe;
    return ready;
  }

  /** Resolves at the frame's next handshake. */
  private expectConnection(): Promise<void> {
    this.ready = new Promise<void>((resolve) => (this.connected = resolve));
    return this.ready;
  }

  private connected: (() => void) | null = null;

  private connect(host: HTMLElement, iframe: HTMLIFrameElement, nonce: string, warmUpTermId?: string): void {
    this.port?.close();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent) => this.receive(event.data);
    channel.port1.start();
    this.port = channel.port1;
    const origin = new URL(browser.runtime.getURL('/')).origin;
    iframe.contentWindow?.postMessage({ type: HANDSHAKE_TYPE, nonce }, origin, [channel.port2]);
    // Kept rendered (transparent, inert) rather than display:none: a hidden frame's animation
    // frames are throttled, which made every first paint of a tooltip wait a frame or two.
    openPopover(host);
    // Render one card unseen, so the first real hover is as fast as the rest.
    if (warmUpTermId) {
      const context = { title: '', url: '', sentence: '' };
      this.post({ type: 'show', termId: warmUpTermId, candidates: [], lang: 'en', pinned: false, context });
      this.post({ type: 'hide' });
    }
    this.connected?.();
  }

  /**
   * Undoes what the page did to our host since we last looked (e2e/hostile.e2e.ts): put back where
   * it belongs if removed or moved (the frame then reloads — ~200 ms — and `ready` waits for its
   * handshake), a manual popover again, open in the top layer, and our inline style again (a
   * `display: none` frame never paints the card, so it would never be revealed).
   */
  private repair(host: HTMLElement): void {
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    // While the page shows a modal dialog, everything outside it is inert, our top-layer host too:
    // shown, but deaf to the pointer and the keyboard. The host then goes inside the dialog.
    const parent = document.querySelector('dialog:modal') ?? document.documentElement;
    if (host.parentNode !== parent) {
      void this.expectConnection();
      parent.append(host);
    }
    if (this.visible) {
      host.removeAttribute('inert');
      void this.place();
    } else this.standby(host);
    openPopover(host);
  }

  private style(host: HTMLElement, extra: Record<string, string>): void {
    const base: Record<string, string> = {
      all: 'initial',
      position: 'fixed',
      top: '0',
      left: '0',
      margin: '0',
      padding: '0',
      border: '0',
      overflow: 'hidden',
      'border-radius': '10px',
      'box-shadow': '0 6px 24px rgba(0,0,0,.28), 0 0 0 1px rgba(127,127,127,.35)',
      background: 'transparent',
      'z-index': '2147483647',
      'pointer-events': 'auto',
      'max-width': `calc(100vw - ${2 * MARGIN}px)`,
      'box-sizing': 'border-box',
      ...extra,
    };
    // Inline !important beats any author rule, even `* { all: unset !important }`.
    host.setAttribute(
      'style',
      Object.entries(base)
        .map(([k, v]) => `${k}: ${v} !important`)
        .join('; '),
    );
  }

  private receive(data: unknown): void {
    const parsed = tooltipToHost.safeParse(data);
    if (!parsed.success) return;
    if (parsed.data.type === 'shown' && parsed.data.termId === this.revealing?.termId) void this.reveal();
    if (parsed.data.type === 'shown' && this.visible && this.timings) {
      // From our show call to the tooltip frame's next animation frame: what `npm run bench` reports.
      performance.measure('benelux-glossary:tooltip-visible', { start: this.showStartedAt });
    }
    if (parsed.data.type === 'size') {
      this.contentHeight = parsed.data.height;
      if (this.visible) void this.place();
    }
    this.onMessage(parsed.data);
  }

  private post(message: HostToTooltip): void {
    this.port?.postMessage(message);
  }

  async show(
    range: Range,
    point: { x: number; y: number },
    termId: string,
    candidates: string[],
    lang: Lang,
    pinned: boolean,
    context: NoteContext,
    /** Open the card with its note editor (the context menu's "Add a note on this term"). */
    note = false,
  ): Promise<void> {
    this.showStartedAt = performance.now();
    await this.prepare();
    const host = this.host;
    if (!host || this.ctx.isInvalid) return;
    this.reference = { range, ...point };
    this.post({ type: 'show', termId, candidates, lang, pinned, context, ...(note ? { note } : {}) });
    if (!this.visible) {
      // Hidden, the host waits for the frame to lay out THIS card: the frame reports the card's
      // size, then `shown`. Revealed at once, it showed the previous card's height and place for a
      // moment, then grew or moved under the reader's pointer (and a test's click).
      // (Inert meanwhile: at its standby place it may lie under the pointer.)
      this.revealing = { termId, pinned };
      if (pinned) this.rememberFocus();
      return;
    }
    await this.place();
    this.follow(host);
    if (pinned) this.focus();
  }

  /** Makes the host visible where, and as large as, the card the frame has laid out needs. */
  private async reveal(): Promise<void> {
    const host = this.host;
    const revealing = this.revealing;
    if (!host || !revealing || !this.reference || this.visible) return;
    this.revealing = null;
    host.removeAttribute('inert');
    // Still transparent: `place` measures the host at the card's height, then shows it in place.
    this.style(host, { display: 'block', opacity: '0', width: `${this.width()}px`, height: `${this.contentHeight}px` });
    // Another top-layer element (fullscreen, a modal dialog, a popover) opened after ours: step above it.
    const above = [...document.querySelectorAll('dialog:modal, :popover-open')].some((el) => el !== host);
    if ((document.fullscreenElement || above) && host.matches(':popover-open')) host.hidePopover();
    openPopover(host);
    this.visible = true;
    await this.place();
    if (!this.visible) return;
    this.follow(host);
    // The card could not take the focus while the host was inert: it takes it with the frame's.
    // (Where to give it back was remembered when the card was asked for.)
    if (revealing.pinned) this.iframe?.focus();
  }

  private follow(host: HTMLElement): void {
    this.stopUpdates?.();
    this.stopUpdates = autoUpdate(this.virtual(), host, () => void this.place(), { animationFrame: false });
  }

  /** Tells the tooltip frame that a note changed elsewhere. */
  notesChanged(termId?: string): void {
    this.post(termId ? { type: 'notesChanged', termId } : { type: 'notesChanged' });
  }

  pin(): void {
    this.post({ type: 'pin' });
    if (!this.revealing) return this.focus();
    this.revealing.pinned = true;
    this.rememberFocus();
  }

  /** Where focus was before a pinned tooltip took it, to give it back on close. */
  private returnFocus: HTMLElement | null = null;

  private focus(): void {
    this.rememberFocus();
    this.iframe?.focus();
  }

  private rememberFocus(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== this.host) this.returnFocus = active;
  }

  private virtual() {
    const ref = this.reference!;
    return {
      getBoundingClientRect: () => ref.range.getBoundingClientRect(),
      getClientRects: () => ref.range.getClientRects(),
      contextElement: ref.range.startContainer.parentElement ?? undefined,
    };
  }

  private async place(): Promise<void> {
    const host = this.host;
    const ref = this.reference;
    // A term whose text left the page has no place: the tooltip stays where it was (hover.ts hides it).
    if (!host || !ref || !ref.range.startContainer.isConnected) return;
    let maxHeight = this.contentHeight;
    const { x, y } = await computePosition(this.virtual(), host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline({ x: ref.x, y: ref.y }),
        offset(6),
        flip({ padding: MARGIN }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          apply: ({ availableHeight }) => {
            maxHeight = Math.max(80, Math.min(this.contentHeight, availableHeight, maxCardHeight()));
          },
        }),
      ],
    });
    if (!this.visible) return;
    this.style(host, {
      display: 'block',
      width: `${this.width()}px`,
      height: `${Math.ceil(maxHeight)}px`,
      transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)`,
    });
  }

  /** Is the point over the tooltip? */
  contains(x: number, y: number): boolean {
    if (!this.visible || !this.host) return false;
    const r = this.host.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  private width(): number {
    return Math.min(WIDTH, window.innerWidth - 2 * MARGIN);
  }

  hide(): void {
    this.stopUpdates?.();
    this.stopUpdates = null;
    this.reference = null;
    const revealing = this.revealing !== null;
    this.revealing = null;
    if ((!this.visible && !revealing) || !this.host) return;
    this.visible = false;
    this.post({ type: 'hide' });
    const hadFocus = document.activeElement === this.host;
    this.standby(this.host);
    if (hadFocus) {
      // A closed dialog gives focus back to where the reader was (or at least out of our host).
      if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
      else this.host.blur();
    }
    this.returnFocus = null;
  }

  /**
   * Hidden but rendered: transparent, click-through and inert, ready to show in the next frame.
   * As wide as a shown card and as tall as the tallest one `place` allows, so the frame lays out
   * the next card with the scrollbar it will have when shown: a scrollbar appearing afterwards
   * would rewrap the text (Firefox) and resize the card just after it appeared.
   */
  private standby(host: HTMLElement): void {
    host.setAttribute('inert', '');
    this.style(host, {
      display: 'block',
      opacity: '0',
      'pointer-events': 'none',
      width: `${this.width()}px`,
      height: `${Math.ceil(maxCardHeight())}px`,
      transform: 'translate(0px, 0px)',
    });
  }

  destroy(): void {
    this.hide();
    if (this.host?.matches(':popover-open')) this.host.hidePopover();
    this.host?.remove();
    this.connected = null;
    this.host = null;
    this.iframe = null;
    this.port?.close();
    this.port = null;
    this.ready = null;
  }
}

/** Shows our host in the top layer unless it is there; a page may have taken the popover from it. */
function openPopover(host: HTMLElement): void {
  if (!host.isConnected || host.matches(':popover-open')) return;
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  host.showPopover();
}

/** Never cover more than about half the screen: a long definition scrolls inside. */
function maxCardHeight(): number {
  return Math.max(80, window.innerHeight * 0.5);
}
