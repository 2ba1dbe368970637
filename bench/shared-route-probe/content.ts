/**
 * The probe's content script. At DOMContentLoaded it walks the page's text and has it matched by the
 * route named in the page's query (?route=background|offscreen|local), first the first chunk alone (what a
 * first screen needs), then the rest two at a time, and leaves its timings on <html data-probe> for the driver.
 * `local` is today's route: the base64 compiled form read from storage.local, decoded, matched here.
 */
import { base64ToBytes } from '../../core/base64';
import { decodeCompiledGlossary } from '../../core/compiled-glossary';
import { matcherFor } from '../../core/term-matcher';
import { api, type ProbeResponse } from './probe-api';

const CHUNK_CHARS = 32_768;

async function run(): Promise<void> {
  const route = new URLSearchParams(location.search).get('route');
  if (!route) return;
  const started = performance.now();
  let scriptMs = 0;
  let t = performance.now();
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (data.trim()) texts.push(data);
  }
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const text of texts) {
    chunk.push(text);
    size += text.length;
    if (size >= CHUNK_CHARS) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) chunks.push(chunk);
  scriptMs += performance.now() - t;

  let firstChunkMs = 0;
  let matchCount = 0;
  let matchMs = 0;
  let loadMs = 0;
  if (route === 'local') {
    t = performance.now();
    const got = (await api.storage.local.get('compiled')) as { compiled: string };
    const readMs = performance.now() - t;
    t = performance.now();
    const matcher = matcherFor(decodeCompiledGlossary(base64ToBytes(got.compiled)));
    loadMs = readMs + performance.now() - t;
    scriptMs += performance.now() - t;
    chunks.forEach((c, k) => {
      t = performance.now();
      for (const text of c) matchCount += matcher.find(text).length;
      const ms = performance.now() - t;
      matchMs += ms;
      scriptMs += ms;
      if (k === 0) firstChunkMs = performance.now() - started;
    });
  } else {
    // The first chunk (a first screen) alone, then the rest with two requests in flight, so the
    // frame never serialises the whole page in one task and the host always has the next chunk.
    const ask = async (k: number): Promise<void> => {
      const s = performance.now();
      const pending = api.runtime.sendMessage({ to: route, texts: chunks[k] });
      scriptMs += performance.now() - s;
      const answer = (await pending) as ProbeResponse;
      const r = performance.now();
      for (const m of answer.matches) matchCount += m.length / 3;
      matchMs += answer.matchMs;
      loadMs = Math.max(loadMs, answer.loadMs);
      if (k === 0) firstChunkMs = performance.now() - started;
      scriptMs += performance.now() - r;
    };
    await ask(0);
    let next = 1;
    const lane = async (): Promise<void> => {
      while (next < chunks.length) await ask(next++);
    };
    await Promise.all([lane(), lane()]);
  }
  const result = {
    route,
    chunks: chunks.length,
    chars: texts.reduce((n, s) => n + s.length, 0),
    firstChunkMs,
    allMs: performance.now() - started,
    scriptMs,
    matchMs,
    loadMs,
    matchCount,
  };
  document.documentElement.setAttribute('data-probe', JSON.stringify(result));
}

void run();
