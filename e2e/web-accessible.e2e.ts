/**
 * What a page can learn of us by loading our files. The tooltip page (tooltip.html) is the one
 * web-accessible resource; at its static URL, chrome-extension://<our id>/tooltip.html, any page
 * could load it and so know that the extension is installed. In Chrome the manifest marks it
 * `use_dynamic_url`: it loads only at a per-session URL that `runtime.getURL` gives the content
 * script. Chromium only: in Firefox moz-extension:// URLs carry a random UUID per install, which a
 * page cannot know, so there is no static URL to test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_TIMEOUT, useBrowser, useFixtures, withPage, type TestPage } from './harness';
import { waitForHighlight } from './pages/highlights';
import { TooltipPage } from './pages/tooltip';

const fixture = useFixtures();

void describe('chromium: web-accessible resources', () => {
  const running = useBrowser('chromium');

  void it('a page cannot load tooltip.html at its static URL; the tooltip still shows', { timeout: TEST_TIMEOUT }, () =>
    withPage(running(), 'war-static-url', async (page) => {
      const browser = running();
      await page.goto(fixture('tt-basic.html'));
      await waitForHighlight(page, 'ETIAS');

      // What a detection script does: fetch the file, or load it as a script and watch onload.
      const staticUrl = `${browser.extensionBaseUrl}/tooltip.html`;
      const probes = await page.evaluate(async (url) => {
        const fetched = await fetch(url).then(
          (response) => `loaded (${response.status})`,
          (error: unknown) => `failed (${String(error)})`,
        );
        const script = await new Promise<string>((resolve) => {
          const element = document.createElement('script');
          element.onload = () => resolve('loaded');
          element.onerror = () => resolve('failed');
          element.src = url;
          document.head.append(element);
        });
        return { fetched, script };
      }, staticUrl);
      assert.match(probes.fetched, /^failed/, `fetch(${staticUrl}) from the page: ${probes.fetched}`);
      assert.equal(probes.script, 'failed', `<script src=${staticUrl}> from the page: ${probes.script}`);

      // The content script's own frame loads (at the dynamic URL) and explains the term.
      const tooltip = new TooltipPage(browser, page);
      await tooltip.hover('ETIAS');
      const { card } = await tooltip.waitForShown('ETIAS');
      assert.equal(card.name, 'ETIAS');
      // The URL the content script asked for (runtime.getURL) is the dynamic one; Chromium reports
      // the frame's committed URL under the static id, so the iframe's src is read, through the
      // closed shadow root, with the DevTools protocol.
      const src = await tooltipFrameSrc(page);
      assert.match(src, /^chrome-extension:\/\/[^/]+\/tooltip\.html#/, `the tooltip iframe's src: ${src}`);
      assert.notEqual(new URL(src).host, browser.extensionId, 'the tooltip was framed at the static URL');
    }),
  );
});

interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The src of our tooltip iframe, read through closed shadow roots (CDP DOM.getDocument, pierce). */
async function tooltipFrameSrc(page: TestPage): Promise<string> {
  if (page.browserName !== 'chromium') throw new Error('Chromium only');
  const cdp = await page.raw.context().newCDPSession(page.raw);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const srcs: string[] = [];
    const walk = (node: DomNode) => {
      const attributes = node.attributes ?? [];
      const src = attributes[attributes.indexOf('src') + 1];
      if (node.nodeName === 'IFRAME' && attributes.includes('src') && src?.includes('/tooltip.html#')) srcs.push(src);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    if (srcs.length !== 1) throw new Error(`Expected one tooltip iframe, found ${srcs.length}`);
    return srcs[0]!;
  } finally {
    await cdp.detach();
  }
}
