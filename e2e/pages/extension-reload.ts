/**
 * The extension reloaded (Firefox) or updated from its folder (Chromium) while tabs are open.
 *
 * Chromium: `chrome.runtime.reload()` left the unpacked extension unloaded in this headless setup
 * (its pages then fail with ERR_BLOCKED_BY_CLIENT, no service worker comes back: seen), so the
 * build is loaded again over itself with CDP `Extensions.loadUnpacked` — what an update does: same
 * id, new service worker. It needs the switch `--enable-unsafe-extension-debugging`
 * (`RELOAD_CHROMIUM_ARGS`) and a browser-level CDP session, which playwright offers a persistent
 * context only through its private `_browser`. Firefox: `runtime.reload()` from an extension page.
 */
import type { TestBrowser } from '../harness';

export const RELOAD_CHROMIUM_ARGS = ['--enable-unsafe-extension-debugging'];

interface CdpSession {
  send(method: 'Extensions.loadUnpacked', params: { path: string }): Promise<{ id: string }>;
  detach(): Promise<void>;
}

export async function reloadExtension(browser: TestBrowser): Promise<void> {
  if (browser.name === 'chromium') {
    const inner = (browser.raw as unknown as { _browser?: { newBrowserCDPSession?: () => Promise<CdpSession> } })
      ._browser;
    if (typeof inner?.newBrowserCDPSession !== 'function') {
      throw new Error(
        'playwright no longer exposes the persistent context’s browser; see e2e/pages/extension-reload.ts',
      );
    }
    const before = new Set(browser.raw.serviceWorkers());
    const started = browser.raw.waitForEvent('serviceworker', {
      predicate: (w) => !before.has(w) && w.url().startsWith(browser.extensionBaseUrl),
      timeout: 15_000,
    });
    const session = await inner.newBrowserCDPSession();
    try {
      const { id } = await session.send('Extensions.loadUnpacked', { path: browser.extensionDir });
      if (id !== browser.extensionId) throw new Error(`loaded again as ${id}, not ${browser.extensionId}`);
    } finally {
      await session.detach().catch(() => undefined);
    }
    await started;
    return;
  }
  const page = await browser.openExtensionPage('popup.html');
  // After the answer: the reload ends this page.
  await page.evaluate(() => {
    const api = (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser;
    setTimeout(() => api.runtime.reload(), 50);
  });
  // The old page goes with the old extension; a new one opens once the new copy is up.
  const deadline = Date.now() + 15_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = await browser.openExtensionPage('popup.html').catch(() => null);
    const up = await fresh?.evaluate(() => !!document.querySelector('h1')?.textContent).catch(() => false);
    await fresh?.close().catch(() => undefined);
    if (up) break;
    if (Date.now() > deadline) throw new Error('the add-on did not come back after runtime.reload()');
  }
  await page.close().catch(() => undefined);
}
