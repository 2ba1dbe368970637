/**
 * The tooltip as a user meets it: terms to point at, the host element the page can see (our one
 * `<benelux-glossary-ui>`, a manual popover with a closed shadow root), and the card inside the
 * extension frame (tooltip.html) that the page cannot see.
 *
 * The frame is read through ../extension-frame.ts (Firefox's BiDi does not list extension frames).
 */
import { extensionFrame, type ExtensionFrame } from '../extension-frame';
import { sleep, type PageFunction, type TestBrowser, type TestPage } from '../harness';
import { HIGHLIGHT_NAME, highlightedTexts } from './highlights';

export const HOST_TAG = 'benelux-glossary-ui';
/** Our host (a page may use the tag name too; ours is a popover). */
export const HOST_SELECTOR = `${HOST_TAG}[popover]`;
const DEFAULT_TIMEOUT = 15_000;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page can see of our host element. */
export interface HostState {
  /** Visible: opacity not 0, pointer events on, not inert, in the top layer. */
  shown: boolean;
  opacity: string;
  pointerEvents: string;
  inert: boolean;
  popoverOpen: boolean;
  rect: Box;
  transform: string;
}

/** What the card in the frame shows. */
export interface CardState {
  role: string | null;
  ariaLabel: string | null;
  name: string;
  expansion: string;
  short: string;
  quoteCaption: string;
  quote: string;
  buttons: string[];
  /** Everything the frame's body shows as text. */
  text: string;
  /** The frame's document has focus, and its active element is the card (role=dialog). */
  focusInDialog: boolean;
}

/** The tooltip page's frame: evaluate in it, and run a raw script in it (to inject axe-core). */
export type TooltipFrame = ExtensionFrame;

/** The part of `chrome.tabs` the keyboard-command emulation uses. */
interface TabsApi {
  query(filter: object): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------
// The page object
// ---------------------------------------------------------------------------------------------

export class TooltipPage {
  private frameCache: TooltipFrame | null = null;

  constructor(
    readonly browser: TestBrowser,
    readonly page: TestPage,
  ) {}

  /**
   * The boxes of one highlighted occurrence of `term` (its text, exactly), in viewport
   * coordinates: `index`-th in the highlight's order, optionally only inside `within` (a selector).
   */
  async termBoxes(term: string, options: { within?: string; index?: number } = {}): Promise<Box[]> {
    const found = await this.page
      .waitForFunction(
        ({ name, term, within, index }) => {
          const scope = within ? document.querySelector(within) : null;
          if (within && !scope) return false;
          const hits: DOMRect[][] = [];
          for (const r of CSS.highlights.get(name) ?? []) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            if (range.toString() !== term) continue;
            if (scope && !scope.contains(range.startContainer)) continue;
            hits.push([...range.getClientRects()].filter((b) => b.width > 0 && b.height > 0));
          }
          const rects = hits[index];
          return rects && rects.length > 0
            ? rects.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }))
            : false;
        },
        { name: HIGHLIGHT_NAME, term, within: options.within ?? null, index: options.index ?? 0 },
      )
      .catch(async (error: unknown) => {
        const now = await highlightedTexts(this.page).catch(() => []);
        throw new Error(
          `No highlighted "${term}"${options.within ? ` inside ${options.within}` : ''} (#${options.index ?? 0}) ` +
            `on the page; highlighted: ${JSON.stringify(now)}`,
          { cause: error },
        );
      });
    return found;
  }

  /** The centre of the first box of a highlighted term. */
  async termPoint(term: string, options: { within?: string; index?: number; line?: number } = {}) {
    const boxes = await this.termBoxes(term, options);
    const box = boxes[options.line ?? 0];
    if (!box) throw new Error(`"${term}" has no line ${options.line} (it has ${boxes.length})`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /**
   * Moves the pointer like a reader: a few small steps from beside the point onto it, a short
   * pause, one last small move, then rests there.
   */
  async pointAt(point: { x: number; y: number }, options: { restMs?: number } = {}): Promise<void> {
    // Come from inside the viewport: from the right of a term at the left edge, from below a term
    // at the top edge, else from the left and from above.
    const dx = point.x < 40 ? 3 : -3;
    const dy = point.y < 40 ? 2 : -2;
    for (let i = 6; i >= 1; i--) {
      await this.page.mouseMove(point.x + i * dx, point.y + i * dy);
      await sleep(25);
    }
    await sleep(60);
    await this.page.mouseMove(point.x, point.y);
    await sleep(options.restMs ?? 0);
  }

  /**
   * Flicks the pointer onto a point and rests there: one move to the far corner of the viewport,
   * then at once one jump of several hundred px onto the point (far faster than a reader moves).
   */
  async flickOnto(point: { x: number; y: number }): Promise<void> {
    const { width, height } = await this.page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    await this.page.mouseMove(point.x < width / 2 ? width - 4 : 4, point.y < height / 2 ? height - 4 : 4);
    await this.page.mouseMove(point.x, point.y);
  }

  /** Hovers a term's text and rests on it (the dwell is the caller's wait for the tooltip). */
  async hover(term: string, options: { within?: string; index?: number; line?: number } = {}) {
    const point = await this.termPoint(term, options);
    await this.pointAt(point);
    return point;
  }

  /** A real mouse click at a point of the page (the harness clicks selectors only). */
  async clickAt(point: { x: number; y: number }): Promise<void> {
    // Two branches with the same text: the drivers' Page types differ.
    if (this.page.browserName === 'chromium') await this.page.raw.mouse.click(point.x, point.y);
    else await this.page.raw.mouse.click(point.x, point.y);
  }

  /** Moves the pointer away from everything, onto a blank spot, and clicks there (click-away). */
  async clickAway(point = { x: 4, y: 4 }): Promise<void> {
    await this.page.mouseMove(point.x, point.y);
    await this.clickAt(point);
  }

  /** Presses (and holds) a key on the page, as a reader does: `Alt`, `Shift`… (the drivers' key names). */
  async keyDown(key: string): Promise<void> {
    if (this.page.browserName === 'chromium') await this.page.raw.keyboard.down(key);
    else await this.page.raw.keyboard.down(key as Parameters<typeof this.page.raw.keyboard.down>[0]);
  }

  /** Lets go of a key pressed with keyDown. */
  async keyUp(key: string): Promise<void> {
    if (this.page.browserName === 'chromium') await this.page.raw.keyboard.up(key);
    else await this.page.raw.keyboard.up(key as Parameters<typeof this.page.raw.keyboard.up>[0]);
  }

  /**
   * Checks the host every 100 ms for `ms` and fails at once if a tooltip shows: `what` says what
   * the reader did that must open nothing.
   */
  async expectNothingShown(ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    do {
      const host = await this.host();
      if (host?.shown) {
        const card = await this.card().catch(() => null);
        throw new Error(`A tooltip showed after ${what}: ${JSON.stringify({ card: card?.name, role: card?.role })}`);
      }
      await sleep(100);
    } while (Date.now() < deadline);
  }

  /** The host element's state as the page sees it, or null when there is none yet. */
  host(): Promise<HostState | null> {
    return this.page.evaluate((tag) => {
      const host = document.querySelector<HTMLElement>(tag);
      if (!host) return null;
      const style = getComputedStyle(host);
      const r = host.getBoundingClientRect();
      const popoverOpen = host.matches(':popover-open');
      return {
        shown: style.opacity !== '0' && style.pointerEvents !== 'none' && !host.inert && popoverOpen && r.width > 0,
        opacity: style.opacity,
        pointerEvents: style.pointerEvents,
        inert: host.inert,
        popoverOpen,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        transform: style.transform,
      };
    }, HOST_SELECTOR);
  }

  /** The frame of the tooltip page. */
  async frame(): Promise<TooltipFrame> {
    this.frameCache ??= await extensionFrame(this.browser, this.page, '/tooltip.html#');
    return this.frameCache;
  }

  /** What the card shows now ('' everywhere when it shows nothing). */
  async card(): Promise<CardState> {
    const frame = await this.frame();
    // A frame whose element moved is gone (a new one loads): look it up again next time.
    return frame
      .evaluate(() => {
        const text = (selector: string) =>
          document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const article = document.querySelector('.term-card');
        const active = document.activeElement;
        return {
          role: article?.getAttribute('role') ?? null,
          ariaLabel: article?.getAttribute('aria-label') ?? null,
          name: text('h2.term-name'),
          expansion: text('p.term-expansion'),
          short: text('p.term-short'),
          quoteCaption: text('figure.term-quote figcaption'),
          quote: text('figure.term-quote blockquote'),
          buttons: [...document.querySelectorAll('.term-card button')].map(
            (b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          ),
          text: document.body.innerText.replace(/\s+/g, ' ').trim(),
          focusInDialog: document.hasFocus() && !!active && active.getAttribute('role') === 'dialog',
        };
      })
      .catch((error: unknown) => {
        this.frameCache = null;
        throw error;
      });
  }

  /**
   * Waits until the host is shown, the card names `term` (and is pinned or not, if asked), and the
   * host stands still: the same box in two reads in a row, so a caller that aims at the card aims
   * at where it stays. Returns both; the error says what was there instead.
   */
  async waitForShown(
    term: string,
    options: { pinned?: boolean; timeout?: number } = {},
  ): Promise<{ host: HostState; card: CardState }> {
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    let last: { host: HostState | null; card: CardState | null; error?: string } = { host: null, card: null };
    let before: Box | null = null;
    for (;;) {
      try {
        const host = await this.host();
        const card = host ? await this.card() : null;
        last = { host, card };
        const roleOk = options.pinned === undefined || (card?.role ?? null) === (options.pinned ? 'dialog' : 'tooltip');
        const shown = host?.shown && card?.name === term && roleOk;
        if (shown && before && sameBox(before, host.rect)) return { host, card };
        before = shown ? host.rect : null;
      } catch (error) {
        last = { ...last, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The tooltip for "${term}"${options.pinned === undefined ? '' : options.pinned ? ' (pinned)' : ' (not pinned)'} ` +
            `did not show: ${JSON.stringify(last)}`,
        );
      }
      await sleep(100);
    }
  }

  /** Waits until the host is hidden (transparent, click-through, inert) and the card is empty. */
  async waitForHidden(options: { timeout?: number } = {}): Promise<HostState | null> {
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    let last: unknown = null;
    for (;;) {
      const host = await this.host();
      const text = host ? (await this.card()).text : '';
      last = { host, text };
      if (!host || (!host.shown && host.opacity === '0' && host.inert && text === '')) return host;
      if (Date.now() > deadline) throw new Error(`The tooltip did not hide: ${JSON.stringify(last)}`);
      await sleep(100);
    }
  }

  /**
   * The centre of an element of the card, in page (viewport) coordinates: frame box + host box,
   * read until the host's box is the same before and after the element's (it stands still).
   */
  async pointInCard(selector: string, options: { timeout?: number } = {}): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const host = await this.host();
      if (!host?.shown) throw new Error(`The tooltip is not shown; cannot reach ${selector}`);
      const inner = await (
        await this.frame()
      ).evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, selector);
      if (!inner) throw new Error(`No ${selector} in the tooltip`);
      const after = await this.host();
      if (after?.shown && sameBox(host.rect, after.rect)) return { x: host.rect.x + inner.x, y: host.rect.y + inner.y };
      if (Date.now() > deadline) {
        throw new Error(`The tooltip kept moving: ${JSON.stringify(host.rect)}, then ${JSON.stringify(after?.rect)}`);
      }
      await sleep(100);
    }
  }

  /** Clicks an element of the card with the real mouse (and records what the frame receives). */
  async clickInCard(selector: string): Promise<void> {
    await (
      await this.frame()
    ).evaluate(() => {
      const w = window as unknown as { __e2eInput?: string[] };
      if (w.__e2eInput) return;
      const log: string[] = [];
      w.__e2eInput = log;
      for (const type of ['pointerdown', 'click']) {
        document.addEventListener(
          type,
          (e) => log.push(`${type} on ${(e.target as Element).className || (e.target as Element).nodeName}`),
          true,
        );
      }
    });
    const point = await this.pointInCard(selector);
    await this.page.mouseMove(point.x, point.y);
    await this.clickAt(point);
  }

  /** What the frame received from clickInCard (pointerdown and click, with their targets). */
  async frameInput(): Promise<string[]> {
    return (await this.frame()).evaluate(() => (window as unknown as { __e2eInput?: string[] }).__e2eInput ?? []);
  }

  /**
   * Makes the tooltip frame slow to answer, as on a loaded machine: every message it sends the
   * content script (the card's size, `shown`, …) leaves `ms` later, in order. 0 undoes it (for
   * messages sent from then on).
   */
  async delayFrameReplies(ms: number): Promise<void> {
    await (
      await this.frame()
    ).evaluate((ms) => {
      type Send = (this: MessagePort, ...args: unknown[]) => void;
      const proto = MessagePort.prototype as unknown as { postMessage: Send; __e2eSend?: Send };
      const w = window as unknown as { __e2eHeld?: number };
      proto.__e2eSend ??= proto.postMessage;
      w.__e2eHeld ??= 0;
      const send = proto.__e2eSend;
      proto.postMessage =
        ms > 0
          ? function (this: MessagePort, ...args: unknown[]) {
              w.__e2eHeld!++;
              setTimeout(() => {
                w.__e2eHeld!--;
                send.apply(this, args);
              }, ms);
            }
          : send;
    }, ms);
  }

  /** Waits until the frame has sent every message `delayFrameReplies` held back. */
  async waitForFrameReplies(): Promise<void> {
    await (
      await this.frame()
    ).waitForFunction(() => ((window as unknown as { __e2eHeld?: number }).__e2eHeld ?? 0) === 0);
  }

  /** Starts recording the host's box and opacity in every animation frame of the page. */
  async recordHostFrames(): Promise<void> {
    await this.page.evaluate((tag) => {
      const w = window as unknown as { __e2eHostFrames?: { opacity: string; rect: Box }[] };
      const frames: { opacity: string; rect: Box }[] = [];
      w.__e2eHostFrames = frames;
      const tick = () => {
        if (w.__e2eHostFrames !== frames) return;
        const host = document.querySelector<HTMLElement>(tag);
        if (host) {
          const r = host.getBoundingClientRect();
          frames.push({
            opacity: getComputedStyle(host).opacity,
            rect: { x: r.x, y: r.y, width: r.width, height: r.height },
          });
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, HOST_SELECTOR);
  }

  /** Stops recording; returns the boxes the host had in the frames it was visible in, in order. */
  async visibleHostFrames(): Promise<Box[]> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __e2eHostFrames?: { opacity: string; rect: Box }[] };
      const frames = w.__e2eHostFrames ?? [];
      delete w.__e2eHostFrames;
      return frames.filter((f) => f.opacity !== '0').map((f) => f.rect);
    });
  }

  /** Selects (Selection API) the highlighted occurrence of `term`, or the text of `selector`. */
  async select(target: { term: string; within?: string } | { selector: string }): Promise<string> {
    return this.page.evaluate(
      ({ name, target }) => {
        const selection = getSelection();
        if (!selection) throw new Error('no selection');
        selection.removeAllRanges();
        if ('selector' in target) {
          const el = document.querySelector(target.selector);
          if (!el) throw new Error(`no ${target.selector}`);
          selection.selectAllChildren(el);
          return selection.toString();
        }
        const scope = target.within ? document.querySelector(target.within) : document.body;
        for (const r of CSS.highlights.get(name) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === target.term && scope?.contains(range.startContainer)) {
            selection.addRange(range);
            return selection.toString();
          }
        }
        throw new Error(`no highlighted ${target.term}`);
      },
      { name: HIGHLIGHT_NAME, target },
    );
  }

  /**
   * Does what the background's handler of the keyboard command `explain-selection` does: sends
   * the content script `explainSelection` in @webext-core/messaging's format. Browsers do not fire
   * extension commands from synthetic keys. Chromium: from the service worker; Firefox: from an
   * extension page (tabs.sendMessage). Sent to every tab; returns each tab's answer.
   */
  async sendExplainSelection(): Promise<unknown[]> {
    if (this.browser.name === 'chromium') {
      const worker = this.browser.raw.serviceWorkers().find((w) => w.url().startsWith(this.browser.extensionBaseUrl));
      if (worker) {
        try {
          // Plain function, no named inner functions: playwright sends it as is (see harness.ts on __name).
          return await worker.evaluate(async () => {
            // The worker's `chrome` (no `browser` global in Chromium); typed here, the e2e code has no @types/chrome.
            const { tabs: api } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
            const tabs = await api.query({});
            return Promise.all(
              tabs.map((t) =>
                api
                  .sendMessage(t.id!, { id: 1, type: 'explainSelection', data: {}, timestamp: Date.now() })
                  .catch((e: unknown) => ({ error: String(e) })),
              ),
            );
          });
        } catch {
          // The worker was stopped (idle): an extension page can send the same message.
        }
      }
    }
    return this.fromExtensionPage(async () => {
      const tabs = await browser.tabs.query({});
      return Promise.all(
        tabs.map((t) =>
          browser.tabs
            .sendMessage(t.id!, { id: 1, type: 'explainSelection', data: {}, timestamp: Date.now() })
            .catch((e: unknown) => ({ error: String(e) })),
        ),
      );
    });
  }

  /** Marks a term known or not, as the tooltip's button does (through the background). */
  async setKnown(termId: string, known: boolean): Promise<unknown> {
    return this.fromExtensionPage(
      ({ termId, known }) =>
        browser.runtime.sendMessage({ id: 1, type: 'setKnown', data: { termId, known }, timestamp: Date.now() }),
      { termId, known },
    );
  }

  /** Stores settings (browser.storage.local), as the popup does; a content script sees the change at once. */
  async storeSettings(values: Record<string, unknown>): Promise<void> {
    await this.fromExtensionPage(async (values) => {
      const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
      await (g.browser ?? g.chrome)!.storage.local.set(values);
    }, values);
  }

  /** Removes stored settings: they read as their defaults again. */
  async removeSettings(keys: string[]): Promise<void> {
    await this.fromExtensionPage(async (keys) => {
      const g = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
      await (g.browser ?? g.chrome)!.storage.local.remove(keys);
    }, keys);
  }

  /** Runs `fn` in a new tab showing popup.html (an extension page), then closes the tab. */
  private async fromExtensionPage<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const extensionPage = await this.browser.openExtensionPage('popup.html');
    try {
      return await extensionPage.evaluate(fn, arg);
    } finally {
      await extensionPage.close().catch(() => undefined);
      if (this.page.browserName === 'chromium') await this.page.raw.bringToFront();
      else await this.page.raw.bringToFront();
    }
  }
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
