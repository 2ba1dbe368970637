/** One way for every benchmark to start Debian's Chromium, with or without the built extension. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, systemBrowser } from '../test/system-browsers';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's id, when it was loaded. */
  extensionId: string | null;
  close: () => Promise<void>;
}

export async function launch(options: {
  extension: boolean;
  viewport?: { width: number; height: number };
}): Promise<BenchBrowser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bg-bench-'));
  const args = [...CHROMIUM_ARGS];
  if (options.extension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: systemBrowser('chromium'),
    headless: true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  // tsx compiles the functions we evaluate in the page with esbuild's __name helper.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  let extensionId: string | null = null;
  if (options.extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // Ask the content script for its performance measures (off for readers).
    await worker.evaluate('chrome.storage.local.set({ benchTimings: true })');
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
