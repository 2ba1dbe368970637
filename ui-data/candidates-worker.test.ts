import { describe, expect, it, vi } from 'vitest';
import type { ImportedCandidate } from '@/core/imported-search';
import { workerCandidates, type CandidatesRequest } from './candidates-worker';

const candidate = (key: string): ImportedCandidate => ({
  key,
  glossary: { id: 'g', title: 'G' },
  entry: { id: key, terms: [{ lang: 'en', text: key }], definitions: [], subjectFields: [] },
});

/** A stand-in worker: answers each request with `answer`, or dies on the first request. */
class FakeWorker extends EventTarget {
  requests: CandidatesRequest[] = [];
  terminated = false;
  constructor(private readonly behaviour: 'answer' | 'die') {
    super();
  }
  postMessage(request: CandidatesRequest) {
    this.requests.push(request);
    queueMicrotask(() => {
      if (this.behaviour === 'die') this.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
      else
        this.dispatchEvent(
          new MessageEvent('message', { data: { id: request.id, candidates: [candidate(request.prefix)] } }),
        );
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the popup’s candidates read in a worker', () => {
  it('are asked of one worker, each answer to its own request', async () => {
    const worker = new FakeWorker('answer');
    const create = vi.fn(() => worker as unknown as Worker);
    const fallback = vi.fn(() => Promise.resolve([]));
    const find = workerCandidates(create, fallback);
    expect(create).toHaveBeenCalledTimes(1);
    const [a, b] = await Promise.all([find('energy', 200), find('grid', 200)]);
    expect(a.map((c) => c.key)).toEqual(['energy']);
    expect(b.map((c) => c.key)).toEqual(['grid']);
    expect(create).toHaveBeenCalledTimes(1);
    expect(worker.requests.map((r) => r.limit)).toEqual([200, 200]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('come from this thread when the worker dies: the pending request and every later one', async () => {
    const worker = new FakeWorker('die');
    const fallback = vi.fn((prefix: string) => Promise.resolve([candidate(`here:${prefix}`)]));
    const find = workerCandidates(() => worker as unknown as Worker, fallback);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await find('energy', 5)).map((c) => c.key)).toEqual(['here:energy']);
    expect(worker.terminated).toBe(true);
    expect((await find('grid', 5)).map((c) => c.key)).toEqual(['here:grid']);
    expect(worker.requests).toHaveLength(1);
  });
});
