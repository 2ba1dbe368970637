/**
 * The reader's own glossary at scale, in Chromium, in one run: the letter alone, then a generated
 * IATE-shaped TBX of 100 000 concepts in 4 languages imported through the glossary page (its worker,
 * progress bar and database writes), then the same pages again with both on:
 *   - import: seconds from "Import" to "… entries imported", the progress values seen, and the seconds
 *     until the background has compiled the enabled set and published it to pages;
 *   - page pass on the 1 MB page (DOMContentLoaded → first highlight, → every planted letter term),
 *     letter only beside letter + 100 000 (the ratio is the issue's target: ≤ 1.5×);
 *   - the page's renderer memory (PSS) and its JS heap, after a garbage collection, letter only beside
 *     letter + 100 000;
 *   - the popup, letter only beside letter + 100 000: each key's main-thread time, and from a query's
 *     last key to the imported results on screen (bench/popup-typing.ts); beside them, the floor: the
 *     same keys on a page that only changes 27 rows' text (what any key that changes the list costs).
 * Prints a table; asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/import-scale.ts [--concepts=100000]
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { writeTbxFile } from '../scripts/make-tbx';
import { launch } from './chromium';
import { SEARCH_READY_MARK } from './extension-names';
import { firstResult, openFloorPage, typingCosts } from './popup-typing';
import { median } from './median';
import { makeFixture, withServer } from './page-fixtures';

const concepts = Number(process.argv.find((a) => a.startsWith('--concepts='))?.split('=')[1] ?? 100_000);
const file = `/tmp/bench-import-${concepts}.tbx`;
if (!existsSync(file)) {
  console.log(`Writing ${file} …`);
  await writeTbxFile(file, { concepts, langs: ['nl', 'en', 'fr', 'de'], title: 'Bench slice' });
}

const RUNS = 3;
/** A page pass is cheap and its time moves with the page's own first paint: more passes. */
const PAGE_RUNS = 7;
/** A first result is one number a run (a key's cost is eight): more runs. */
const FIRST_RUNS = 8;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(1)} MB`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
const fixture = makeFixture(1_000_000);
const pages = new Map([['/1mb.html', fixture.html]]);

async function pagePass(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => '__allHighlighted' in window, null, { timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __firstHighlight: number; __allHighlighted: number };
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventStart;
    return { first: w.__firstHighlight - dcl, all: w.__allHighlighted - dcl };
  });
}

let browser = await launch({ extension: true });
const ext = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
const rows: [string, string, string, string][] = [];
try {
  await withServer(pages, async (base) => {
    // The popup: a word of the generated Dutch terms typed a key at a time, in a fresh popup each run.
    const typing = async () => {
      const popup = await browser.context.newPage();
      const open = async () => {
        await popup.goto(ext('popup.html'));
        await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SEARCH_READY_MARK);
      };
      const keys: number[] = [];
      const cpu: number[] = [];
      const renders: number[] = [];
      const firsts: number[] = [];
      for (let k = 0; k < FIRST_RUNS; k++) {
        await open();
        firsts.push(await firstResult(popup, 'verdraag'));
      }
      for (let k = 0; k < RUNS; k++) {
        await open();
        const costs = await typingCosts(browser.context, popup, 'verdraag');
        keys.push(...costs.wall);
        cpu.push(...costs.cpu);
        renders.push(...costs.renders);
      }
      await popup.close();
      return {
        median: median(keys),
        worst: Math.max(...keys),
        cpuMedian: median(cpu),
        cpuWorst: Math.max(...cpu),
        first: median(firsts),
        renders: renders.reduce((sum, n) => sum + n, 0) / renders.length,
      };
    };
    const measure = async () => {
      const page = await browser.context.newPage();
      const passes = [];
      for (let k = 0; k < PAGE_RUNS; k++) passes.push(await pagePass(page, `${base}/1mb.html`));
      // After a full garbage collection, so that the figures are what the frame holds, not when V8
      // last collected: the renderer's PSS, and the JS heap of its isolate (the page's world and our
      // content script's).
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      const memory = browser.rendererMemoryMb();
      await page.close();
      return {
        first: median(passes.map((p) => p.first)),
        all: median(passes.map((p) => p.all)),
        memory,
        heap: heap.usedSize / 1e6,
      };
    };
    const letter = await measure();
    const letterTyping = await typing();
    // The baseline for a key: the least a key that changes 27 rows costs this browser here.
    const floor = await (async () => {
      const page = await browser.context.newPage();
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        await openFloorPage(page);
        const costs = await typingCosts(browser.context, page, 'verdraag');
        wall.push(...costs.wall);
        cpu.push(...costs.cpu);
      }
      await page.close();
      return { median: median(wall), worst: Math.max(...wall), cpuMedian: median(cpu), cpuWorst: Math.max(...cpu) };
    })();

    const admin = await browser.context.newPage();
    await admin.goto(ext('glossary.html#glossaries'));
    await admin.getByRole('button', { name: 'Import a glossary…' }).click();
    await admin.setInputFiles('dialog.import-dialog input[type="file"]', file);
    const start = admin.locator('dialog.import-dialog button', { hasText: /^Import$/ });
    await start.waitFor({ timeout: 60_000 });
    const began = performance.now();
    await start.click();
    const progress: number[] = [];
    let imported = '';
    for (;;) {
      const state = await admin.evaluate(() => ({
        value: Number(document.querySelector('dialog.import-dialog progress')?.getAttribute('value') ?? NaN),
        done: document.querySelector('dialog.import-dialog .import-ok, dialog.import-dialog [role="alert"]')
          ?.textContent,
      }));
      if (!Number.isNaN(state.value) && progress.at(-1) !== state.value) progress.push(state.value);
      if (state.done) {
        imported = state.done.trim();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const importSeconds = (performance.now() - began) / 1000;
    // Polled from here: playwright's waitForFunction does not await an async predicate (the promise
    // it returns is truthy), which made this wait end at once, before the background had compiled.
    const published = () =>
      admin.evaluate(async () => {
        type Api = { storage: { local: { get(k: string): Promise<Record<string, { route?: string } | undefined>> } } };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const stored = (await api.storage.local.get('compiledGlossary')).compiledGlossary;
        return stored?.route === 'background';
      });
    for (const deadline = performance.now() + 300_000; !(await published());) {
      if (performance.now() > deadline) throw new Error('The import never reached pages');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const publishedSeconds = (performance.now() - began) / 1000;
    const both = await measure();

    const bothTyping = await typing();

    // A reader reads with an import for months, across restarts: the same again after a restart of
    // the browser, when the background decodes the compiled set it kept instead of compiling it.
    browser = await browser.relaunch();
    const restarted = await measure();
    const restartedTyping = await typing();

    rows.push(
      ['import (100 000 concepts, 4 languages)', `${importSeconds.toFixed(1)} s`, imported, ''],
      ['  progress values seen', String(progress.length), progress.slice(0, 12).map(Math.round).join(' '), ''],
      ['  imported → pages told (compiled)', `${(publishedSeconds - importSeconds).toFixed(1)} s`, '', ''],
      ['1 MB page: first highlight after DCL', ms(letter.first), ms(both.first), ms(restarted.first)],
      ['1 MB page: every term after DCL', ms(letter.all), ms(both.all), ms(restarted.all)],
      ['  ratio (target ≤ 1.5×)', '1.00×', ratio(both.all, letter.all), ratio(restarted.all, letter.all)],
      ['renderer memory (PSS, after a GC)', mb(letter.memory), mb(both.memory), mb(restarted.memory)],
      ["the page's JS heap after a GC (page + content script)", mb(letter.heap), mb(both.heap), mb(restarted.heap)],
      [
        'popup: a key of "verdraag", main thread (median)',
        ms(letterTyping.median),
        ms(bothTyping.median),
        ms(restartedTyping.median),
      ],
      [
        'popup: a key of "verdraag", main thread (worst)',
        ms(letterTyping.worst),
        ms(bothTyping.worst),
        ms(restartedTyping.worst),
      ],
      [
        '  the same, its CPU time (median)',
        ms(letterTyping.cpuMedian),
        ms(bothTyping.cpuMedian),
        ms(restartedTyping.cpuMedian),
      ],
      [
        '  the same, its CPU time (worst)',
        ms(letterTyping.cpuWorst),
        ms(bothTyping.cpuWorst),
        ms(restartedTyping.cpuWorst),
      ],
      [
        '  renders of the list a key (mean)',
        letterTyping.renders.toFixed(2),
        bothTyping.renders.toFixed(2),
        restartedTyping.renders.toFixed(2),
      ],
      [
        'popup: "verdraag" typed at once, last key → imported results',
        '',
        ms(bothTyping.first),
        ms(restartedTyping.first),
      ],
      ["floor: 27 rows changed in the key's task (median / worst)", `${ms(floor.median)} / ${ms(floor.worst)}`, '', ''],
      ['  its CPU time (median / worst)', `${ms(floor.cpuMedian)} / ${ms(floor.cpuWorst)}`, '', ''],
    );
  });
} finally {
  await browser.close();
}
console.log(
  `\nThe reader's own glossary at scale (Chromium; ${concepts} concepts; medians of ${PAGE_RUNS} page passes, of ${RUNS} popups' keys, of ${FIRST_RUNS} first results)\n`,
);
console.log('| | letter only | letter + import | the same after a restart |');
console.log('|---|---|---|---|');
for (const [what, a, b, c] of rows) console.log(`| ${what} | ${a} | ${b} | ${c} |`);
