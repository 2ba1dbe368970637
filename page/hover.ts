import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlacedTerm } from './highlighter';
import type { TooltipToHost } from '@/messaging/tooltip-channel';

/** Time to move from the term onto the tooltip before it hides. */
const GRACE_MS = 350;

export interface HoverTarget {
  term: PlacedTerm;
  range: Range;
}

export interface HoverDeps {
  hitTest: (x: number, y: number) => HoverTarget | null;
  show: (target: HoverTarget, point: { x: number; y: number }, pinned: boolean) => void;
  pin: () => void;
  hide: () => void;
  overTooltip: (x: number, y: number) => boolean;
  dwellMs: () => number;
}

/**
 * Pointer, keyboard and scroll handling for the tooltip. Listens on the window (capture, passive),
 * never on page elements, and never prevents a default: a term inside a link stays a link.
 */
export class HoverController {
  private shown: HoverTarget | null = null;
  private pinned = false;
  private pointerInTooltip = false;
  private dwellTimer: number | null = null;
  private hideTimer: number | null = null;
  private last = { x: 0, y: 0 };

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: HoverDeps,
  ) {
    const opts = { capture: true, passive: true };
    ctx.addEventListener(window, 'pointermove', (e: PointerEvent) => this.onMove(e), opts);
    ctx.addEventListener(window, 'click', (e: MouseEvent) => this.onClick(e), opts);
    ctx.addEventListener(
      window,
      'keydown',
      (e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.shown) this.hide();
      },
      opts,
    );
    ctx.addEventListener(
      window,
      'scroll',
      () => {
        if (this.shown && !this.pinned) this.hide();
      },
      opts,
    );
    ctx.addEventListener(window, 'blur', () => this.cancelDwell(), opts);
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const move = { x: e.clientX, y: e.clientY };
    this.last = move;
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
    if (!hit || this.pinned) return;
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

  private onClick(e: MouseEvent): void {
    if (this.deps.overTooltip(e.clientX, e.clientY)) return;
    const hit = this.deps.hitTest(e.clientX, e.clientY);
    if (hit) {
      // Clicking (or tapping) a term pins its tooltip; the click itself goes on to the page.
      this.cancelDwell();
      this.open(hit, true);
    } else if (this.shown) {
      this.hide(); // click-away
    }
  }

  /** Shows a term's tooltip; `pinned` makes it a dialog that takes focus. */
  open(target: HoverTarget, pinned: boolean): void {
    this.cancelHide();
    this.shown = target;
    this.pinned = pinned;
    this.deps.show(target, { x: this.last.x, y: this.last.y }, pinned);
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

function sameTerm(a: HoverTarget, b: HoverTarget): boolean {
  return a.term.node === b.term.node && a.term.start === b.term.start;
}
