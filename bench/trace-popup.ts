/**
 * Where the popup's time goes until its first query can be answered: opens popup.html in a fresh
 * browser several times, each under a Chromium trace (DevTools protocol), and prints for the first
 * and the last open the popup's main-thread work by kind (script compile, evaluation, IndexedDB,
 * layout…) before the search-ready mark, the page's load milestones and each resource's timing.
 * Asserts nothing. Needs `npm run build` first.
 *
 *   npx tsx bench/trace-popup.ts [opens, default 3]
 */
import { launch } from './chromium';
import { SEARCH_READY_MARK } from './extension-names';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      functionName?: string;
      frame?: string;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    name?: string;
  };
}

/** Self time per function from the trace's ProfileChunk events of one process, between two timestamps. */
function selfTimes(events: TraceEvent[], pid: number, from: number, to: number): [string, number][] {
  const nodes = new Map<number, string>();
  const byFn = new Map<string, number>();
  let ts: number | undefined;
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid);
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile?.id) continue;
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      nodes.set(n.id, `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber}`);
    }
    ts ??= (profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts;
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    samples.forEach((node, i) => {
      ts! += deltas[i] ?? 0;
      if (ts! < from || ts! > to) return;
      const name = nodes.get(node) ?? '?';
      byFn.set(name, (byFn.get(name) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    });
  }
  return [...byFn].sort((a, b) => b[1] - a[1]);
}

const opens = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const browser = await launch({ extension: true });
const id = browser.extensionId!;
try {
  for (let i = 0; i < opens; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.compile',
        'IndexedDB',
        'loading',
        'disabled-by-default-v8.cpu_profiler',
      ].join(','),
      transferMode: 'ReportEvents',
    });
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SEARCH_READY_MARK);
    const timing = await page.evaluate((mark) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ready: performance.getEntriesByName(mark)[0]!.startTime,
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        nav: {
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        },
        resources: performance
          .getEntriesByType('resource')
          .map((r) => [r.name.split('/').pop()!, r.startTime, (r as PerformanceResourceTiming).responseEnd] as const),
      };
    }, SEARCH_READY_MARK);
    await page.waitForTimeout(300);
    await cdp.send('Tracing.end');
    await done;
    await page.close();
    if (i !== 0 && i !== opens - 1) continue;

    console.log(`\nOpen ${i + 1}: search ready at ${timing.ready.toFixed(0)} ms`);
    console.log(
      '  marks:',
      timing.marks.map(([n, t]) => `${n.replace('benelux-glossary:', '')} ${t.toFixed(0)}`).join(', '),
    );
    console.log(
      '  page:',
      Object.entries(timing.nav)
        .map(([n, t]) => `${n} ${t.toFixed(0)}`)
        .join(', '),
    );
    for (const [name, start, end] of timing.resources)
      console.log(`  resource ${name}: ${start.toFixed(0)} → ${end.toFixed(0)} ms`);

    // The popup's main thread: the thread that ran the user-timing mark.
    const markEvent = events.find((e) => e.name === SEARCH_READY_MARK);
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === markEvent?.pid);
    if (!markEvent || !nav) {
      console.log('  (no trace events for the popup)');
      continue;
    }
    const main = events.filter(
      (e) => e.pid === markEvent.pid && e.ph === 'X' && e.ts >= nav.ts && e.ts <= markEvent.ts,
    );
    const busy = main
      .filter((e) => e.name === 'RunTask' && e.tid === nav.tid)
      .reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
    console.log(`  main thread busy ${busy.toFixed(0)} ms of ${((markEvent.ts - nav.ts) / 1000).toFixed(0)} ms`);
    const byName = new Map<string, number>();
    for (const e of main) {
      if (e.tid !== nav.tid || e.name === 'RunTask') continue;
      const url = e.args?.data?.url;
      const label = url ? `${e.name} ${url.split('/').pop()}` : e.name;
      byName.set(label, (byName.get(label) ?? 0) + (e.dur ?? 0) / 1000);
    }
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    // Script by function (self time, from the sampling profiler) until the mark.
    console.log('  script self time by function (sampled):');
    for (const [fn, ms] of selfTimes(events, markEvent.pid, nav.ts, markEvent.ts).slice(0, 20))
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
    // Tasks in order, to see the waits between them.
    console.log('  tasks over 2 ms (start → end, ms after navigation start):');
    for (const task of main.filter((e) => e.name === 'RunTask' && e.tid === nav.tid && (e.dur ?? 0) > 2000)) {
      const inside = main
        .filter((e) => e.tid === task.tid && e !== task && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0))
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
        );
      console.log(
        `    ${((task.ts - nav.ts) / 1000).toFixed(0)} → ${((task.ts + (task.dur ?? 0) - nav.ts) / 1000).toFixed(0)}: ${inside.join(', ')}`,
      );
    }
  }
} finally {
  await browser.close();
}
