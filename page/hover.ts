import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TOOLTIP_KEY, type TooltipTrigger } from '@/core/settings';
import type { PlacedTerm } from './highlighter';
import type { TooltipToHost } from '@/messaging/tooltip-channel';
import { WindowEvents } from './window-events';

/** Time to move from the term onto the tooltip before it hides. */
const GRACE_MS = 350;

/**
 * What a click activates on its own: a click on a term in one of these is the page's, and in the
 * `click` trigger opens nothing (the reader clicked a link, not the term; the link is followed).
 */
const ACTIVATES = 'a[href], area[href], button, summary, label, select, [role="link"], [role="button"]';

export interface HoverTarget {
  term: PlacedTerm;
  range: Range;
}

export interface HoverDeps {
  hitTest: (x: number, y: number) => HoverTarget | null;
  show: (target: HoverTarget, point: { x: number; y: number }, pinned: boolean, note?: boolean) => void;
  pin: () => void;
  hide: () => void;
  overTooltip: (x: number, y: number) => boolean;
  dwellMs: () => number;
  /** How a tooltip is asked for (core/settings.ts); read at each event, so a change applies at once. */
  trigger: () => TooltipTrigger;
  /** The window's events, listened to since document_start (else from now on). */
  events?: WindowEvents;
}

/**
 * Pointer, keyboard and scroll handling for the tooltip. Listens on the window (capture, passive,
 * from document_start: window-events.ts), never on page elements, and never prevents a default: a term inside a link stays a link.
 *
 * How a tooltip opens depends on the trigger: `hover`, a rest of `dwellMs` on a term; `modifier`,
 * the same rest with TOOLTIP_KEY held, or pressing that key while the pointer rests on a term;
 * `click`, a click on a term that activates nothing of the page (see ACTIVATES) and ends no text
 * selection. In every mode a click pins the tooltip it opens, and `open` (the keyboard command) works.
 */
export class HoverController {
  private shown: HoverTarget | null = null;
  private pinned = false;
  private pointerInTooltip = false;
  private dwellTimer: number | null = null;
  private hideTimer: number | null = null;
  private last = { x: 0, y: 0 };
  /** The pointer is over this document at `last` (not gone to another window, frame or the browser's UI). */
  private pointerHere = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: HoverDeps,
  ) {
    const events = deps.events ?? new WindowEvents(ctx);
    events.on('pointermove', (e) => this.onMove(e));
    events.on('click', (e) => this.onClick(e));
    events.on('keydown', (e) => this.onKeyDown(e));
    events.on('keyup', (e) => {
      // Let go of the key before the dwell ended: the reader no longer asks.
      if (e.key === TOOLTIP_KEY && this.deps.trigger() === 'modifier') this.cancelDwell();
    });
    events.on('pointerout', (e) => {
      if (e.relatedTarget === null) this.pointerHere = false;
    });
    events.on('scroll', () => {
      if (this.shown && !this.pinned) this.hide();
    });
    events.on('blur', () => this.cancelDwell());
  }

  /** The shown term's text left the page (a re-render, a replaced body): its tooltip goes too, unless pinned. */
  dropIfGone(): void {
    if (this.shown && !this.pinned && !this.shown.term.node.isConnected) this.hide();
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const move = { x: e.clientX, y: e.clientY };
    this.last = move;
    this.pointerHere = true;
    if (this.deps.overTooltip(e.clientX, e.clientY)) {
      this.cancelHide();
      return;
    }
    const hit = this.deps.hitTest(e.clientX, e.clientY);
    if (hit && this.shown && sameTerm(hit, this.shown)) {
      this.cancelHide();
      this.cancelDwell();
      return;
    }
    if (this.shown && !this.pinned && !this.pointerInTooltip) this.scheduleHide();
    this.cancelDwell();
    if (!hit || this.pinned || !this.asksOnRest(e)) return;
    // Resting is what counts, not how the pointer arrived: every move over a term (re)starts the
    // dwell, so a pointer travelling across terms never opens one, and one that flicks onto a term
    // and stops does. (A speed filter that skipped fast moves left such a pointer with no dwell.)
    this.dwellTimer = this.ctx.setTimeout(() => {
      this.dwellTimer = null;
      if (this.last !== move) return; // moved since (e.g. onto the tooltip, which keeps no dwell)
      const again = this.deps.hitTest(move.x, move.y);
      if (again && sameTerm(again, hit)) this.open(again, false);
    }, this.deps.dwellMs());
  }

  /** Whether a rest on a term, ending `e`, asks for its tooltip. */
  private asksOnRest(e: MouseEvent): boolean {
    const trigger = this.deps.trigger();
    return trigger === 'hover' || (trigger === 'modifier' && e.getModifierState(TOOLTIP_KEY));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.shown) {
      this.hide();
      return;
    }
    // The tooltip key, pressed while the pointer rests on a term, opens it at once: the key is the
    // request, no need to move. Not while typing (Option types accents on a Mac), nor over a pin.
    if (e.key !== TOOLTIP_KEY || e.repeat || this.deps.trigger() !== 'modifier') return;
    if (!this.pointerHere || this.pinned || typingIn(e.target)) return;
    const { x, y } = this.last;
    if (this.deps.overTooltip(x, y)) return;
    const hit = this.deps.hitTest(x, y);
    if (!hit || (this.shown && sameTerm(hit, this.shown))) return;
    this.cancelDwell();
    this.open(hit, false);
  }

  private onClick(e: MouseEvent): void {
    if (this.deps.overTooltip(e.clientX, e.clientY)) return;
    const hit = this.deps.hitTest(e.clientX, e.clientY);
    if (hit && (this.deps.trigger() !== 'click' || asksByClick(e))) {
      // Clicking (or tapping) a term pins its tooltip; the click itself goes on to the page.
      this.cancelDwell();
      this.open(hit, true);
    } else if (this.shown) {
      this.hide(); // click-away
    }
  }

  /** Shows a term's tooltip; `pinned` makes it a dialog that takes focus; `note` opens its note editor. */
  open(target: HoverTarget, pinned: boolean, note = false): void {
    // A dwell still running (the pointer rested on a term before a right-click) would replace this one.
    this.cancelDwell();
    this.cancelHide();
    this.shown = target;
    this.pinned = pinned;
    this.deps.show(target, { x: this.last.x, y: this.last.y }, pinned, note);
  }

  /** Messages from the tooltip page. */
  onTooltip(message: TooltipToHost): void {
    switch (message.type) {
      case 'pointer':
        this.pointerInTooltip = message.inside;
        if (message.inside) this.cancelHide();
        else if (!this.pinned) this.scheduleHide();
        break;
      case 'pinned':
        this.pinned = true;
        this.deps.pin();
        break;
      case 'close':
      case 'known':
        this.hide();
        break;
    }
  }

  hide(): void {
    this.cancelDwell();
    this.cancelHide();
    this.shown = null;
    this.pinned = false;
    this.pointerInTooltip = false;
    this.deps.hide();
  }

  private scheduleHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.ctx.setTimeout(() => {
      this.hideTimer = null;
      if (!this.pinned && !this.pointerInTooltip) this.hide();
    }, GRACE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelDwell(): void {
    if (this.dwellTimer !== null) clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
  }
}

/**
 * In the `click` trigger, whether a click on a term asks for its tooltip: not when the click
 * follows a link or presses a button (the page's, and never prevented: the link is followed and the
 * reader, who clicked a link, gets no tooltip; the keyboard command explains such a term), nor when
 * it ends a drag that selected text.
 */
function asksByClick(e: MouseEvent): boolean {
  if (e.composedPath().some((t) => t instanceof Element && t.matches(ACTIVATES))) return false;
  return getSelection()?.isCollapsed ?? true;
}

/** Whether a key went to a text field or editable text (the reader is typing). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

function sameTerm(a: HoverTarget, b: HoverTarget): boolean {
  return a.term.node === b.term.node && a.term.start === b.term.start;
}
