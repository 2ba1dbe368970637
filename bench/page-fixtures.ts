/**
 * The generated pages of the page benchmarks (seeded): paragraphs of Dutch/English-like words with
 * the bundled glossary's forms planted, an in-page timer of our first and last highlight, the
 * floor pass (?floor), and a server for them and mark.js.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Glossary } from '../core/glossary-schema';
import { buildTermIndex } from '../core/term-index';
import { compileMatcher } from '../core/term-matcher';
import { prng } from '../test/prng';
import { HIGHLIGHT_NAME } from './extension-names';

const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Glossary;
const terms = buildTermIndex(glossary.entries);
const matcher = compileMatcher(terms);
export const surface = glossary.entries.filter((e) => e.highlight).flatMap((e) => e.aliases.map((a) => a.text));

const WORDS = (
  'de het een en van in op te dat die voor met is zijn niet aan er om ook als bij door over naar the of and to ' +
  'samenwerking grensoverschrijdende voorzitterschap regering ministers landen beleid cooperation presidency ' +
  'government policy energie klimaat veiligheid energy climate security café coördinatie België'
).split(' ');

/** Paragraphs of ~600 characters, a planted glossary form every ~40 words. */
function paragraphs(bytes: number, seed: number): string[] {
  const random = prng(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    while (words.join(' ').length < 600) {
      words.push(
        random() < 0.025
          ? surface[Math.floor(random() * surface.length)]!
          : WORDS[Math.floor(random() * WORDS.length)]!,
      );
    }
    const text = words.join(' ') + '.';
    out.push(text);
    size += text.length;
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Fixture {
  html: string;
  expected: number;
}
export function makeFixture(bytes: number): Fixture {
  const paras = paragraphs(bytes, bytes);
  const expected = paras.reduce((n, p) => n + matcher.find(p).length, 0);
  // The page notes, each frame, when our first highlight and the last one are there (in both browsers).
  // ?floor runs the floor pass at DOMContentLoaded, so it is timed from the same moment as ours.
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bench</title>
<script>globalThis.__name=(f)=>f;window.__longTasks=[];
(function poll(){ const size = CSS.highlights.get(${JSON.stringify(HIGHLIGHT_NAME)})?.size ?? 0; if (size > 0 && !window.__firstHighlight) window.__firstHighlight = performance.now(); if (size >= ${expected}) window.__allHighlighted = performance.now(); else requestAnimationFrame(poll); })();new PerformanceObserver(l=>{for(const e of l.getEntries())window.__longTasks.push({start:e.startTime,duration:e.duration})}).observe({type:'longtask',buffered:true});
if (location.search.includes('floor')) document.addEventListener('DOMContentLoaded', () => { window.__floor = (${FLOOR.toString()})(${JSON.stringify(surface)}); window.__floor.done = performance.now(); });</script>
</head><body>${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</body></html>`;
  return { html, expected };
}

const FLOOR = (forms: string[]) => {
  const started = performance.now();
  const re = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${forms
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'gu',
  );
  const h = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    for (const m of text.matchAll(re)) {
      h.add(
        new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }),
      );
    }
  }
  CSS.highlights.set('floor', h);
  return { ms: performance.now() - started, count: h.size };
};

export async function withServer<T>(pages: Map<string, string>, run: (base: string) => Promise<T>): Promise<T> {
  const markJs = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');
  const server = createServer((req, res) => {
    const route = (req.url ?? '').split('?')[0] ?? '';
    const body = route === '/mark.js' ? markJs : pages.get(route);
    if (body === undefined) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': req.url === '/mark.js' ? 'text/javascript' : 'text/html; charset=utf-8' })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}
