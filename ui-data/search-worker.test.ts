import { describe, expect, it, vi } from 'vitest';
import type { ImportedHit } from '@/core/imported-search';
import type { SearchImported } from '@/core/imported-searcher';
import { workerSearch, type SearchReply, type SearchRequest } from './search-worker';

const hit = (text: string): ImportedHit => ({
  key: `g:${text}`,
  glossary: { id: 'g', title: 'G' },
  entry: { id: text, terms: [{ lang: 'en', text }], definitions: [], subjectFields: [] },
  stage: 'exact',
  matched: null,
});

/** A stand-in worker: answers each request twice (interim, final) with its query, or dies on the first request. */
class FakeWorker extends EventTarget {
  requests: SearchRequest[] = [];
  terminated = false;
  constructor(private readonly behaviour: 'answer' | 'die') {
    super();
  }
  postMessage(request: SearchRequest) {
    this.requests.push(request);
    const send = (data: SearchReply) => this.dispatchEvent(new MessageEvent('message', { data }));
    queueMicrotask(() => {
      if (this.behaviour === 'die') this.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
      else {
        send({ id: request.id, hits: [], final: false });
        send({ id: request.id, hits: [hit(request.query)], final: true });
      }
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const query = (text: string) => ({ query: text, lang: 'en', limit: 20 });
const ids = (hits: ImportedHit[] | null) => hits?.map((h) => h.entry.id) ?? null;

describe('the popup’s imported search in a worker', () => {
  it('is asked of one worker, and only the latest search is answered', async () => {
    const worker = new FakeWorker('answer');
    const create = vi.fn(() => worker as unknown as Worker);
    const fallback = vi.fn<SearchImported>();
    const search = workerSearch(create, fallback);
    expect(create).toHaveBeenCalledTimes(1);
    const older = vi.fn();
    const newer = vi.fn();
    search(query('energy'), (hits, final) => void older(ids(hits), final));
    search(query('grid'), (hits, final) => void newer(ids(hits), final));
    await vi.waitFor(() => expect(newer).toHaveBeenCalledTimes(2));
    expect(newer.mock.calls).toEqual([
      [[], false],
      [['grid'], true],
    ]);
    expect(older).not.toHaveBeenCalled();
    expect(worker.requests.map((r) => r.query)).toEqual(['energy', 'grid']);
    expect(create).toHaveBeenCalledTimes(1);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('searches on this thread when the worker dies: the pending search and every later one', async () => {
    const worker = new FakeWorker('die');
    const fallback = vi.fn<SearchImported>((q, answer) => answer([hit(`here:${q.query}`)], true));
    const search = workerSearch(() => worker as unknown as Worker, fallback);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = vi.fn();
    search(query('energy'), (hits) => void first(ids(hits)));
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith(['here:energy']));
    expect(worker.terminated).toBe(true);
    const second = vi.fn();
    search(query('grid'), (hits) => void second(ids(hits)));
    expect(second).toHaveBeenCalledWith(['here:grid']);
    expect(worker.requests).toHaveLength(1);
  });
});
