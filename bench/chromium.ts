/** One way for every benchmark to start Debian's Chromium, with or without the built extension. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, systemBrowser } from '../test/system-browsers';

/** The built extension the benchmarks load; BENCH_EXTENSION_DIR picks another build (to compare two). */
export const extensionDir = () => path.resolve(process.env.BENCH_EXTENSION_DIR ?? '.output/chrome-mv3');

export interface BenchBrowser {
  context: BrowserContext;
  /** PSS of the browser's web-page renderer processes (extension processes left out), in MB. */
  rendererMemoryMb(): number;
  /** The extension's id, when it was loaded. */
  extensionId: string | null;
  close: () => Promise<void>;
  /** Closes the browser and starts it again on the same profile (what a reader's restart does). */
  relaunch: () => Promise<BenchBrowser>;
}

export async function launch(options: {
  extension: boolean;
  /** Which build to load (default: extensionDir()). */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** A profile to start on (relaunch's); a new one by default. */
  profileDir?: string;
}): Promise<BenchBrowser> {
  const dir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'bg-bench-'));
  const args = [...CHROMIUM_ARGS];
  const ext = options.extensionDir ?? extensionDir();
  if (options.extension) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
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
    rendererMemoryMb: () => rendererPssMb(dir),
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    relaunch: async () => {
      await context.close();
      return launch({ ...options, profileDir: dir });
    },
  };
}

/** Linux: the PSS of the renderers (not extension processes) under the browser started with this profile. */
function rendererPssMb(profileDir: string): number {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        // Zygote children rewrite their command line as one space-separated string.
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]+/);
        const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return { pid: Number(pid), ppid, args };
      } catch {
        return null; // gone meanwhile
      }
    })
    .filter((p) => p !== null);
  const root = processes.find(
    (p) => p.args.some((a) => a === `--user-data-dir=${profileDir}`) && !p.args.some((a) => a.startsWith('--type=')),
  );
  if (!root) throw new Error(`No browser process for ${profileDir}`);
  const descendants = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (descendants.has(p.ppid) && !descendants.has(p.pid)) {
        descendants.add(p.pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const p of processes) {
    if (!descendants.has(p.pid) || !p.args.includes('--type=renderer') || p.args.includes('--extension-process'))
      continue;
    kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  }
  return kb / 1024;
}
