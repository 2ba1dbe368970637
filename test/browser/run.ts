/**
 * Runs every `*.browser.test.ts` in real Chromium and Firefox: each file is bundled by esbuild with
 * `vitest` aliased to ./vitest-shim.ts, served on 127.0.0.1 into a blank page, run there, and its
 * results read back by the driver (playwright-core for Chromium, puppeteer-core over WebDriver BiDi
 * for Firefox). Nothing is downloaded: the browsers come from the system. See ./README.md.
 *
 *   tsx test/browser/run.ts [--browser=chromium|firefox]… [path filter]…
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { SourceMap, type SourceMapPayload, type SourceMapping } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { BROWSER_NAMES, LAUNCH_TIMEOUT, launch, withTimeout, type BrowserName, type RunningBrowser } from './browsers';
import type { TestResult } from './vitest-shim';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const SHIM = path.join(HERE, 'vitest-shim.ts');
/** Folders never searched for test files. */
const NOT_SEARCHED = new Set(['node_modules', '.output', '.wxt', '.git', 'docs', 'e2e']);

/** Hang guard for one file in one browser, not an assertion on time. */
const FILE_TIMEOUT = 60_000;

interface FileRun {
  /** null: the page never got as far as running tests (the bundle threw before the shim loaded). */
  results: TestResult[] | null;
  pageErrors: readonly string[];
}

/** Loads one file's page and runs its tests (the shim's `__browserTests.run()`). */
async function runFile(browser: RunningBrowser, url: string): Promise<FileRun> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const results = await page.evaluate<TestResult[] | null>(
      '(globalThis.__browserTests ? globalThis.__browserTests.run() : Promise.resolve(null))',
    );
    return { results, pageErrors: page.errors };
  } finally {
    await page.close().catch(() => undefined);
  }
}

function findTestFiles(dir = REPO_ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_SEARCHED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.browser.test.ts')) found.push(path.relative(REPO_ROOT, full));
  }
  return found.sort();
}

interface Bundle {
  code: string;
  map: SourceMap;
}

/** The file's bundle, or why it could not be built (reported as a failure in every browser). */
async function bundle(file: string, index: number): Promise<Bundle | Error> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, file)],
    // Not written (write: false); names the output so the source map's paths are relative to it.
    outfile: path.join(REPO_ROOT, `${index}.js`),
    sourcemap: 'external',
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // Both browsers under test are current; nothing to lower.
    target: 'esnext',
    alias: { vitest: SHIM },
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (result instanceof Error) return result;
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'))!.text;
  return { code, map: new SourceMap(JSON.parse(map) as SourceMapPayload) };
}

/**
 * Stack frames in a bundle ("http://127.0.0.1:PORT/0.js:120:7", "…/0.js:120:7") point back to
 * the source file and line; frames of the shim and the driver are left out.
 */
function mapStack(text: string, bundles: ReadonlyArray<Bundle | Error>): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const frame = line.match(/https?:\/\/127\.0\.0\.1:\d+\/(\d+)\.js:(\d+):(\d+)/);
    if (!frame) {
      if (/pptr:|__puppeteer_evaluation_script__|<anonymous>:\d+:\d+\)?$/.test(line)) continue;
      lines.push(line);
      continue;
    }
    const built = bundles[Number(frame[1])];
    const entry: Partial<SourceMapping> =
      built instanceof Error || !built ? {} : built.map.findEntry(Number(frame[2]) - 1, Number(frame[3]) - 1);
    if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) {
      lines.push(line);
      continue;
    }
    const source = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, entry.originalSource));
    if (source.startsWith('test/browser/') || source.startsWith('node_modules/')) continue;
    const fn = line.match(/^\s*at (?:async )?([^\s(]+) \(/)?.[1] ?? line.match(/^\s*(?:async\*)?([^@\s]*)@/)?.[1] ?? '';
    lines.push(`    at ${fn ? fn + ' ' : ''}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
  }
  return lines.join('\n').trimEnd();
}

function pageHtml(script: string): string {
  // The runner's own elements carry data-runner, so the shim's reset between tests keeps them.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" data-runner>
<title data-runner></title>
<style data-runner>html, body { margin: 0; } body { font: 16px/1.5 sans-serif; }</style>
<script data-runner defer src="${script}"></script>
</head>
<body></body>
</html>`;
}

async function serve(
  bundles: ReadonlyArray<Bundle | Error>,
): Promise<{ server: Server; url: (index: number) => string }> {
  const server = createServer((req, res) => {
    const match = /^\/(\d+)\.(html|js)$/.exec(req.url ?? '');
    const built = match ? bundles[Number(match[1])] : undefined;
    if (!match || !built || built instanceof Error) {
      res.writeHead(404).end();
      return;
    }
    const html = match[2] === 'html';
    res.writeHead(200, {
      'Content-Type': html ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(html ? pageHtml(`/${match[1]}.js`) : built.code);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: (index) => `http://127.0.0.1:${port}/${index}.html` };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

interface Tally {
  pass: number;
  fail: number;
}

/** One browser over every file; prints each file's results as a block when the file is done. */
async function runBrowser(
  name: BrowserName,
  files: readonly string[],
  bundles: ReadonlyArray<Bundle | Error>,
  url: (i: number) => string,
): Promise<Tally> {
  const tally: Tally = { pass: 0, fail: 0 };
  const fail = (what: string, error: string): void => {
    tally.fail++;
    console.log(`not ok - [${name}] ${what}\n${indent(error)}`);
  };
  let browser: RunningBrowser;
  const launched = performance.now();
  const launching = launch(name);
  try {
    browser = await withTimeout(launching, LAUNCH_TIMEOUT + 5_000, `Launching ${name}`);
  } catch (error) {
    // A launch that finishes after its hang guard must not leave a browser running.
    launching.then((late) => late.close()).catch(() => undefined);
    fail('launch', error instanceof Error ? error.message : String(error));
    return tally;
  }
  console.log(`# ${name} ${browser.version}, launched in ${Math.round(performance.now() - launched)} ms`);
  try {
    for (const [index, file] of files.entries()) {
      const built = bundles[index];
      if (built instanceof Error) {
        fail(`${file}: could not be bundled`, built.message);
        continue;
      }
      let run: FileRun;
      const started = performance.now();
      try {
        run = await withTimeout(runFile(browser, url(index)), FILE_TIMEOUT, `${file} in ${name}`);
      } catch (error) {
        fail(file, error instanceof Error ? error.message : String(error));
        continue;
      }
      const lines: string[] = [];
      if (run.results === null || run.results.length === 0) {
        tally.fail++;
        const why =
          run.pageErrors.length > 0
            ? 'the test file threw while loading'
            : run.results === null
              ? 'the test file did not load'
              : 'the test file registered no tests';
        lines.push(`not ok - [${name}] ${file}: ${why}`);
        if (run.pageErrors.length > 0) lines.push(indent(mapStack(run.pageErrors.join('\n'), bundles)));
      } else {
        for (const result of run.results) {
          if (result.ok) {
            tally.pass++;
            lines.push(`ok - [${name}] ${file} › ${result.name}`);
          } else {
            tally.fail++;
            lines.push(
              `not ok - [${name}] ${file} › ${result.name}`,
              indent(mapStack(result.error ?? '(no message)', bundles)),
            );
          }
        }
      }
      lines.push(`# [${name}] ${file}: ${Math.round(performance.now() - started)} ms`);
      console.log(lines.join('\n'));
    }
  } finally {
    await browser.close().catch((error: unknown) => console.log(`# closing ${name}: ${String(error)}`));
  }
  console.log(`# ${name}: ${tally.pass} passed, ${tally.fail} failed`);
  return tally;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { browser: { type: 'string', multiple: true } },
  });
  const browsers = (values.browser ?? [...BROWSER_NAMES]) as BrowserName[];
  for (const b of browsers) {
    if (!BROWSER_NAMES.includes(b))
      throw new Error(`Unknown browser ${b}; expected one of ${BROWSER_NAMES.join(', ')}`);
  }
  const files = findTestFiles().filter((f) => positionals.length === 0 || positionals.some((p) => f.includes(p)));
  if (files.length === 0) {
    console.log(`not ok - no *.browser.test.ts files${positionals.length ? ` matching ${positionals.join(' ')}` : ''}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const started = performance.now();
  const bundles = await Promise.all(files.map((file, index) => bundle(file, index)));
  console.log(`# bundled ${files.length} files in ${Math.round(performance.now() - started)} ms`);
  const { server, url } = await serve(bundles);
  try {
    // The two browsers run side by side; each runs its files one after another.
    const tallies = await Promise.all(browsers.map((b) => runBrowser(b, files, bundles, url)));
    const pass = tallies.reduce((n, t) => n + t.pass, 0);
    const fail = tallies.reduce((n, t) => n + t.fail, 0);
    console.log(`# tests ${pass + fail}\n# pass ${pass}\n# fail ${fail}`);
    console.log(`# duration_ms ${Math.round(performance.now() - started)}`);
    console.log(`${pass} passed, ${fail} failed`);
    return fail === 0 ? 0 : 1;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
