/**
 * What the content script shows on a page: the ranges of the one named CSS highlight. The page's
 * main world shares the CSS.highlights registry with the content script, so tests read it there.
 */
import assert from 'node:assert/strict';
import type { TestFrame } from '../harness';

export const HIGHLIGHT_NAME = 'benelux-glossary';

/** The text of every highlighted range, in the highlight's order. [] if there is no highlight. */
export function highlightedTexts(frame: TestFrame): Promise<string[]> {
  return frame.evaluate(
    (name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    HIGHLIGHT_NAME,
  );
}

/**
 * Waits until a highlighted range reads exactly `term` (highlighting runs in idle slices), and
 * returns every highlighted text at that moment.
 */
export async function waitForHighlight(
  frame: TestFrame,
  term: string,
  options?: { timeout?: number },
): Promise<string[]> {
  try {
    return await frame.waitForFunction(
      ({ name, term }) => {
        const texts = [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        });
        return texts.includes(term) ? texts : false;
      },
      { name: HIGHLIGHT_NAME, term },
      options,
    );
  } catch (error) {
    const now = await frame
      .evaluate((name) => CSS.highlights.has(name), HIGHLIGHT_NAME)
      .then(
        async (has) =>
          has
            ? `highlighted instead: ${JSON.stringify(await highlightedTexts(frame))}`
            : `there is no '${HIGHLIGHT_NAME}' highlight at all (content script not running, or no answer from the background?)`,
        () => 'the page could not be read',
      );
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new Error(`"${term}" was not highlighted on ${await frame.url().catch(() => '?')}: ${now} [${reason}]`, {
      cause: error,
    });
  }
}

/**
 * Waits until the set of highlighted texts has not changed for `quietMs`, and returns it. Use
 * this before asserting that something is NOT highlighted.
 */
export async function waitForStableHighlights(
  frame: TestFrame,
  options: { quietMs?: number; timeout?: number } = {},
): Promise<string[]> {
  const { quietMs = 750, timeout = 15_000 } = options;
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await highlightedTexts(frame));
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`Highlights still changing after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(await highlightedTexts(frame));
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return JSON.parse(last) as string[];
}

/** Waits until the page's highlights are exactly `expected` (sorted), and stay so. */
export async function waitForExactly(page: TestFrame, expected: string[]): Promise<void> {
  const want = JSON.stringify([...expected].sort());
  await page
    .waitForFunction(
      ({ want, name }) => {
        const texts = [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        });
        return JSON.stringify(texts.sort()) === want;
      },
      { want, name: 'benelux-glossary' },
      { timeout: 30_000 },
    )
    .catch(async (error: unknown) => {
      throw new Error(`Highlights are ${JSON.stringify(await highlightedTexts(page))}, not ${want}`, { cause: error });
    });
  const stable = await waitForStableHighlights(page, { quietMs: 1_000 });
  assert.equal(JSON.stringify([...stable].sort()), want);
}
