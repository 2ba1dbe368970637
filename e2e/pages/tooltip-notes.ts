/**
 * A web page with our highlights and tooltip, seen the way a user meets them: a term is found on
 * screen, clicked (which pins its tooltip), and the tooltip frame (tooltip.html, an iframe inside a
 * closed shadow root) is read and typed into. Also what the harness does not have (yet): clicking
 * at a point, bringing a tab to the front, and reading the extension's IndexedDB directly.
 */
import {
  sleep,
  type FirefoxTestPage,
  type PageFunction,
  type TestBrowser,
  type TestFrame,
  type TestPage,
  type Truthy,
} from '../harness';
import { HIGHLIGHT_NAME } from './highlights';

export const FLASH_HIGHLIGHT = 'benelux-glossary-flash';
export const DB_NAME = 'benelux-glossary';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Brings the tab to the front (what `tabs.query({ active: true, currentWindow: true })` reports). */
export async function bringToFront(page: TestPage): Promise<void> {
  if (page.browserName === 'chromium') await page.raw.bringToFront();
  else await page.raw.bringToFront();
}

/** A real mouse click at a viewport point (the harness clicks selectors only). */
export async function clickAt(page: TestPage, x: number, y: number): Promise<void> {
  if (page.browserName === 'chromium') await page.raw.mouse.click(x, y);
  else await page.raw.mouse.click(x, y);
}

/**
 * Scrolls the `nth` highlighted occurrence of `text` into view and returns its first line box.
 * Waits for the content script to have highlighted it.
 */
export async function termBox(frame: TestFrame, text: string, nth = 0): Promise<Rect> {
  const box = await frame
    .waitForFunction(
      ({ name, text, nth }) => {
        const ranges = [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range;
        });
        // Only text in the body: the content script also "highlights" text in <title>.
        const found = ranges.filter((r) => r.toString() === text && document.body.contains(r.startContainer))[nth];
        if (!found) return false;
        const el = found.startContainer.parentElement;
        const before = found.getClientRects()[0];
        if (!before || before.top < 40 || before.bottom > innerHeight - 40) {
          el?.scrollIntoView({ block: 'center', behavior: 'instant' });
        }
        const r = found.getClientRects()[0];
        return r && r.width > 0 ? { x: r.left, y: r.top, width: r.width, height: r.height } : false;
      },
      { name: HIGHLIGHT_NAME, text, nth },
      { timeout: 20_000 },
    )
    .catch((error: unknown) => {
      throw new Error(`No highlighted "${text}" (occurrence ${nth}) in the page's body within 20 s`, { cause: error });
    });
  return box;
}

/**
 * The tooltip frame (tooltip.html inside our closed shadow root).
 *
 * Chromium: the harness's `page.frame`. Firefox: puppeteer's frame list cannot be trusted for this
 * iframe (seen: on web pages its `frame.url()` stays 'about:blank' after it navigated to
 * moz-extension://…/tooltip.html, so the harness's `page.frame('tooltip.html')` never finds it; on
 * an extension page opened through the harness's raw BiDi navigation, puppeteer lists a stale
 * frame whose evaluate fails and not the live one). So in Firefox the frame is found with BiDi
 * `browsingContext.getTree` under the page's context and driven with `script.evaluate`.
 */
export async function tooltipFrame(page: TestPage): Promise<TestFrame> {
  if (page.browserName === 'chromium') return page.frame('tooltip.html', { timeout: 20_000 });
  const context = await firefoxChildContext(page, 'tooltip.html');
  return wrapFrame((expression) => bidiEvaluate(page, context, expression));
}

interface BidiSend {
  send(method: string, params: object): Promise<unknown>;
}

function bidiConnection(page: FirefoxTestPage): BidiSend {
  const connection = (page.raw.browser() as unknown as { connection?: Partial<BidiSend> }).connection;
  if (typeof connection?.send !== 'function') throw new Error('puppeteer-core no longer exposes its BiDi connection');
  return connection as BidiSend;
}

function topContext(page: FirefoxTestPage): string {
  const id = (page.raw.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error("puppeteer-core no longer exposes the frame's BiDi context id");
  return id;
}

interface BidiTreeNode {
  context: string;
  url: string;
  children?: BidiTreeNode[] | null;
}

/** The BiDi context of the first frame under `page` whose URL contains `urlPart` (waits for it). */
async function firefoxChildContext(page: FirefoxTestPage, urlPart: string, timeout = 20_000): Promise<string> {
  const connection = bidiConnection(page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = (await connection.send('browsingContext.getTree', { root: topContext(page) })) as {
      result?: { contexts: BidiTreeNode[] };
      contexts?: BidiTreeNode[];
    };
    const stack = [...(answer.result?.contexts ?? answer.contexts ?? [])];
    while (stack.length > 0) {
      const node = stack.shift()!;
      if (node.context !== topContext(page) && node.url.includes(urlPart)) return node.context;
      stack.push(...(node.children ?? []));
    }
    if (Date.now() > deadline) throw new Error(`No frame with a URL containing ${urlPart} under the page`);
    await sleep(150);
  }
}

/** Evaluates an expression in a BiDi context; the value travels as JSON. */
async function bidiEvaluate(page: FirefoxTestPage, context: string, expression: string): Promise<unknown> {
  const answer = (await bidiConnection(page).send('script.evaluate', {
    expression: `(async () => { const v = await (${expression}); return v === undefined ? undefined : JSON.stringify(v); })()`,
    target: { context },
    awaitPromise: true,
  })) as { result?: BidiEvaluateResult } & BidiEvaluateResult;
  const result = answer.result?.type ? answer.result : answer;
  if (result.type === 'exception')
    throw new Error(`Evaluation failed in the frame: ${result.exceptionDetails?.text ?? '?'}`);
  const value = result.result;
  return value?.type === 'string' && typeof value.value === 'string' ? (JSON.parse(value.value) as unknown) : undefined;
}

interface BidiEvaluateResult {
  type?: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

type PpFrame = ReturnType<FirefoxTestPage['raw']['frames']>[number];

async function firefoxFrameByHref(page: FirefoxTestPage, urlPart: string, timeout = 20_000): Promise<PpFrame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.raw.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes(urlPart)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No frame whose location.href contains ${urlPart}`);
    await sleep(150);
  }
}

/**
 * A TestFrame over "evaluate this expression", like the harness's own (which it does not export):
 * the function goes as source text with a local no-op `__name` (tsx's keepNames), its argument as
 * JSON, and waitForFunction polls from Node.
 */
function wrapFrame(run: (expression: string) => Promise<unknown>): TestFrame {
  const expression = (fn: (arg: never) => unknown, arg: unknown) =>
    `((__name) => (async () => (${fn.toString()})(${arg === undefined ? 'undefined' : JSON.stringify(arg)}))())((f) => f)`;
  return {
    url: async () => (await run('location.href')) as string,
    evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => (await run(expression(fn, arg))) as R,
    waitForFunction: async <R, A>(fn: PageFunction<A, R>, arg?: A, options?: { timeout?: number }) => {
      const timeout = options?.timeout ?? 15_000;
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await run(expression(fn as (arg: never) => unknown, arg)).catch((error: unknown) => {
          if (error instanceof Error && /context|navigat|detached|realm|no such frame/i.test(error.message))
            return undefined;
          throw error;
        });
        if (value) return value as Truthy<R>;
        if (Date.now() > deadline) throw new Error(`waitForFunction: no truthy result within ${timeout} ms`);
        await sleep(100);
      }
    },
  };
}

/** Where the tooltip sits in the page's viewport (its host element; the iframe fills it). */
/**
 * Waits until the host is visible and returns its box. The frame lays a card out before the host
 * reveals it (so it never jumps), so a card in the frame does not yet mean a visible tooltip.
 */
export async function visibleTooltipHostBox(page: TestPage, timeout = 10_000): Promise<Rect & { visible: boolean }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const box = await tooltipHostBox(page);
    if (box.visible || Date.now() > deadline) return box;
    await sleep(50);
  }
}

export function tooltipHostBox(page: TestPage): Promise<Rect & { visible: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector('benelux-glossary-ui');
    if (!host) throw new Error('no tooltip host element in the page');
    const r = host.getBoundingClientRect();
    const visible = getComputedStyle(host).opacity !== '0' && !host.hasAttribute('inert');
    return { x: r.left, y: r.top, width: r.width, height: r.height, visible };
  });
}

/** Clicks a term on the page (which pins its tooltip) and waits until the pinned card shows `name`. */
export async function pinTooltip(page: TestPage, text: string, name = text, nth = 0): Promise<TestFrame> {
  const box = await termBox(page, text, nth);
  // Let the pointer arrive first (the hover logic tracks speed), then click the middle of the term.
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  await sleep(50);
  await clickAt(page, box.x + box.width / 2, box.y + box.height / 2);
  const frame = await tooltipFrame(page);
  await frame
    .waitForFunction(
      (name) => document.querySelector('.term-card.pinned .term-name')?.textContent?.trim() === name,
      name,
      { timeout: 20_000 },
    )
    .catch(async (error: unknown) => {
      const shown = await frame.evaluate(
        () => document.querySelector('.term-card')?.textContent?.replace(/\s+/g, ' ').slice(0, 300) ?? null,
      );
      throw new Error(`The pinned tooltip did not show "${name}"; the frame shows: ${String(shown)}`, {
        cause: error,
      });
    });
  return frame;
}

/** The "Your note:" part of the shown card: its caption and text, or null. */
export function tooltipNote(frame: TestFrame): Promise<{ caption: string; text: string } | null> {
  return frame.evaluate(() => {
    const fig = document.querySelector('.term-card .term-note');
    if (!fig) return null;
    return {
      caption: fig.querySelector('figcaption')?.textContent?.trim() ?? '',
      text: fig.querySelector('p')?.textContent ?? '',
    };
  });
}

/** Waits until the card shows a note that `includes` the given text; returns the whole note. */
export async function waitForTooltipNote(
  frame: TestFrame,
  includes: string,
): Promise<{ caption: string; text: string }> {
  try {
    return await frame.waitForFunction(
      (includes) => {
        const fig = document.querySelector('.term-card .term-note');
        const text = fig?.querySelector('p')?.textContent ?? '';
        return fig && text.includes(includes)
          ? { caption: fig.querySelector('figcaption')?.textContent?.trim() ?? '', text }
          : false;
      },
      includes,
      { timeout: 20_000 },
    );
  } catch (error) {
    throw new Error(
      `The tooltip shows no note with "${includes}"; it shows ${JSON.stringify(await tooltipNote(frame))}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Clicks an element inside the tooltip frame with the real mouse: the driver's own frame click,
 * which scrolls the element into view inside the frame and maps it to page coordinates.
 */
export async function clickInTooltip(page: TestPage, selector: string): Promise<void> {
  if (page.browserName === 'chromium') {
    const frame = page.raw.frames().find((f) => f.url().includes('tooltip.html'));
    if (!frame) throw new Error('No tooltip frame to click in');
    await frame.click(selector);
  } else {
    await (await firefoxFrameByHref(page, 'tooltip.html')).click(selector);
  }
}

/** Opens the note editor of the pinned card ("Add note" / "Edit note") and waits for its textarea to have focus. */
export async function openTooltipEditor(page: TestPage, frame: TestFrame): Promise<void> {
  await clickInTooltip(page, '.term-note-edit');
  await frame.waitForFunction(() => document.activeElement?.matches('textarea.note-text') ?? false, undefined, {
    timeout: 10_000,
  });
}

export function tooltipEditorValue(frame: TestFrame): Promise<string | null> {
  return frame.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea.note-text')?.value ?? null);
}

// ---------------------------------------------------------------------------------------------
// The extension's IndexedDB, read directly from an extension page (same origin as the background)
// ---------------------------------------------------------------------------------------------

export interface StoredNote {
  termId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
  context?: { title: string; url: string; sentence: string };
}

/**
 * Every row of one object store of the extension's database, read with plain IndexedDB from
 * `page` (an extension page). Never creates the database: null when it does not exist yet.
 */
export function readStore<T>(page: TestFrame, store: 'notes' | 'meta' | 'entries' | 'known'): Promise<T[] | null> {
  return page.evaluate(
    ({ db, store }) =>
      new Promise<unknown[] | null>((resolve, reject) => {
        void indexedDB.databases().then((list) => {
          if (!list.some((d) => d.name === db)) {
            resolve(null);
            return;
          }
          const open = indexedDB.open(db);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const conn = open.result;
            if (!conn.objectStoreNames.contains(store)) {
              conn.close();
              resolve(null);
              return;
            }
            const get = conn.transaction(store).objectStore(store).getAll();
            get.onsuccess = () => {
              conn.close();
              resolve(get.result as unknown[]);
            };
            get.onerror = () => reject(get.error ?? new Error('read failed'));
          };
        });
      }),
    { db: DB_NAME, store },
  ) as Promise<T[] | null>;
}

export async function readNotes(page: TestFrame): Promise<StoredNote[]> {
  const notes = (await readStore<StoredNote>(page, 'notes')) ?? [];
  return notes.sort((a, b) => a.termId.localeCompare(b.termId));
}

export async function readNote(page: TestFrame, termId: string): Promise<StoredNote | null> {
  return (await readNotes(page)).find((n) => n.termId === termId) ?? null;
}

/** Polls the stored note until `test` holds; returns it (throws with the last value seen). */
export async function waitForStoredNote(
  page: TestFrame,
  termId: string,
  test: (note: StoredNote | null) => boolean,
  what: string,
  timeout = 15_000,
): Promise<StoredNote | null> {
  const deadline = Date.now() + timeout;
  let last: StoredNote | null = null;
  for (;;) {
    last = await readNote(page, termId);
    if (test(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`The stored note of "${termId}" never became ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await sleep(200);
  }
}

/** waitForStoredNote from a reader tab (popup.html) opened for the purpose and closed after. */
export async function waitForStoredNoteVia(
  browser: TestBrowser,
  termId: string,
  test: (note: StoredNote | null) => boolean,
  what: string,
  timeout = 15_000,
): Promise<StoredNote | null> {
  const reader = await openReader(browser);
  try {
    return await waitForStoredNote(reader, termId, test, what, timeout);
  } finally {
    await reader.close();
  }
}

/** The glossary version the background seeded (meta table), or null. */
export async function storedGlossaryVersion(page: TestFrame): Promise<string | null> {
  const rows = (await readStore<{ key: string; value: string }>(page, 'meta')) ?? [];
  return rows.find((r) => r.key === 'glossaryVersion')?.value ?? null;
}

/** An extension page to read the database from (popup.html: it writes nothing by itself). */
export function openReader(browser: TestBrowser): Promise<TestPage> {
  return browser.openExtensionPage('popup.html');
}

/**
 * Waits until `count` highlighted ranges in the page's <body> read `text` (off-screen text is
 * highlighted in idle slices, after what is on screen); returns the ids of their paragraphs.
 */
export async function waitForBodyOccurrences(frame: TestFrame, text: string, count: number): Promise<string[]> {
  try {
    return await frame.waitForFunction(
      ({ name, text, count }) => {
        const found = [...(CSS.highlights.get(name) ?? [])].filter((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString() === text && document.body.contains(r.startContainer);
        });
        return found.length >= count ? found.map((r) => r.startContainer.parentElement?.id ?? '?') : false;
      },
      { name: HIGHLIGHT_NAME, text, count },
      { timeout: 15_000 },
    );
  } catch (error) {
    const seen = await frame.evaluate(
      (name) =>
        [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return `${range.toString()} (in <${r.startContainer.parentElement?.localName ?? '?'} id="${r.startContainer.parentElement?.id ?? ''}">)`;
        }),
      HIGHLIGHT_NAME,
    );
    throw new Error(
      `The content script highlighted fewer than ${count} "${text}" in the page's body within 15 s; ` +
        `highlighted: ${JSON.stringify(seen)}`,
      { cause: error },
    );
  }
}
