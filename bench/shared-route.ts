/**
 * Routes for a glossary too big to copy into every frame, measured at 100 000 synthetic terms in both
 * browsers on generated pages of 0.1, 1 and 4 MB:
 *   - local:      today's route — every frame reads the base64 compiled form from storage.local,
 *                 decodes it and matches its own text (settings/page-glossary.ts);
 *   - background: one decoded copy in the background (Chromium's service worker, Firefox's background
 *                 page); the frame sends its text in chunks of 32 K characters and gets matches back;
 *   - offscreen:  the same in a Chromium offscreen document (the service worker can be stopped after
 *                 30 s idle; the document lives until closed).
 * A small probe extension (bench/shared-route-probe/, built here with esbuild) stands in for ours, so the
 * routes are compared with the same matcher on the same pages. Per route: the first chunk's matches
 * (what a first screen needs) and all of them, in ms after the content script starts (DOMContentLoaded),
 * the content script's own synchronous time, and the host's one-time load (fetch + decode of the
 * binary form: what a stopped service worker pays again on wake). Medians of 3 after a warm-up;
 * asserts nothing.
 *
 *   npx tsx bench/shared-route.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bytesToBase64 } from '../core/base64';
import { compileGlossary, encodeCompiledGlossary } from '../core/compiled-glossary';
import { BROWSERS, launchers, type TestBrowser } from '../e2e/harness';
import { median } from './median';
import { withServer } from './page-fixtures';
import { makeGlossary, makeText } from './synthetic-glossary';

const TERMS = 100_000;
const PAGES: [string, number][] = [
  ['0.1 MB', 100_000],
  ['1 MB', 1_000_000],
  ['4 MB', 4_000_000],
];
const RUNS = 3;

interface ProbeResult {
  route: string;
  chunks: number;
  chars: number;
  firstChunkMs: number;
  allMs: number;
  scriptMs: number;
  matchMs: number;
  loadMs: number;
  matchCount: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

console.log(`\nCompiling ${TERMS.toLocaleString('en')} synthetic terms…`);
const terms = makeGlossary(TERMS);
const bytes = encodeCompiledGlossary(compileGlossary('probe', terms));
const pages = new Map<string, string>();
for (const [label, size] of PAGES) {
  const text = makeText(terms, size);
  const paragraphs = text.match(/[^]{1,600}(?:\s|$)/g) ?? [];
  pages.set(
    `/${label.replace(' ', '')}.html`,
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>probe</title></head><body>${paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n')}</body></html>`,
  );
}

async function buildProbe(browser: 'chromium' | 'firefox'): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `shared-route-${browser}-`));
  const entries = browser === 'chromium' ? ['background', 'offscreen', 'content'] : ['background', 'content'];
  await build({
    entryPoints: entries.map((name) => path.resolve('bench/shared-route-probe', `${name}.ts`)),
    outdir: dir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  writeFileSync(path.join(dir, 'glossary.bin'), bytes);
  writeFileSync(path.join(dir, 'probe.html'), '<!doctype html><title>probe</title>');
  writeFileSync(path.join(dir, 'offscreen.html'), '<!doctype html><script src="offscreen.js"></script>');
  const contentScripts = [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_end' }];
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'shared route probe',
          version: '1.0',
          background: { service_worker: 'background.js' },
          permissions: ['storage', 'unlimitedStorage', 'offscreen'],
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'shared route probe',
          version: '1.0',
          background: { scripts: ['background.js'] },
          permissions: ['storage', 'unlimitedStorage'],
          content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: 'shared-route-probe@example.org' } },
        };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** The `local` route reads the base64 form from storage.local; the driver puts it there, as our background does. */
async function storeBase64(browser: TestBrowser): Promise<void> {
  const page = await browser.openExtensionPage('probe.html');
  const base64 = bytesToBase64(bytes);
  // Sent in pieces: no driver carries 50 MB in one call.
  await page.evaluate(() => {
    (globalThis as unknown as { parts: string[] }).parts = [];
  });
  for (let at = 0; at < base64.length; at += 4_000_000) {
    await page.evaluate(
      (part: string) => void (globalThis as unknown as { parts: string[] }).parts.push(part),
      base64.slice(at, at + 4_000_000),
    );
  }
  await page.evaluate(async () => {
    const g = globalThis as unknown as {
      parts: string[];
      browser?: { storage: { local: { set(o: object): Promise<void> } } };
      chrome?: { storage: { local: { set(o: object): Promise<void> } } };
    };
    await (g.browser ?? g.chrome)!.storage.local.set({ compiled: g.parts.join('') });
  });
  await page.close();
}

async function probe(browser: TestBrowser, url: string): Promise<ProbeResult> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const json = await page.waitForFunction(() => document.documentElement.getAttribute('data-probe'), undefined, {
      timeout: 120_000,
    });
    return JSON.parse(json) as ProbeResult;
  } finally {
    await page.close();
  }
}

const f = (n: number) => n.toFixed(0);
const rows: string[] = [];
await withServer(pages, async (base) => {
  for (const name of BROWSERS) {
    const dir = await buildProbe(name);
    const browser = await launchers[name]({ extensionDir: dir });
    try {
      await storeBase64(browser);
      const routes = name === 'chromium' ? ['local', 'background', 'offscreen'] : ['local', 'background'];
      for (const route of routes) {
        // Warm-up: the first request of a route loads its host's copy (its load time is what a wake costs).
        const cold = await probe(browser, `${base}/0.1MB.html?route=${route}`);
        for (const [label] of PAGES) {
          const runs: ProbeResult[] = [];
          for (let k = 0; k < RUNS; k++)
            runs.push(await probe(browser, `${base}/${label.replace(' ', '')}.html?route=${route}`));
          const m = (key: keyof ProbeResult) => median(runs.map((r) => r[key] as number));
          rows.push(
            `| ${name} | ${route} | ${label} | ${m('chunks')} | ${f(m('firstChunkMs'))} | ${f(m('allMs'))} | ${f(m('scriptMs'))} | ${f(m('matchMs'))} | ${route === 'local' ? f(m('loadMs')) + ' (every frame)' : f(cold.loadMs) + ' (once per host start)'} | ${m('matchCount')} |`,
          );
          console.error(rows.at(-1));
        }
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

console.log(
  `\nA ${TERMS.toLocaleString('en')}-term glossary (${(bytes.length / 1_048_576).toFixed(1)} MB compiled): where frames get their matches (median of ${RUNS}, ms after the content script starts)\n`,
);
console.log(
  '| browser | route | page | chunks | first chunk matched ms | all matched ms | content script sync ms | matching ms | glossary load ms | matches |',
);
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
