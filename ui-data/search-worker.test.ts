import { describe, expect, it, vi } from 'vitest';
import type { ImportedHit } from '@/core/imported-search';
import type { SearchImported } from '@/core/imported-searcher';
import type { SearchHit } from '@/core/search';
import { PAIR_MS, searchWorker, type LetterSetup, type SearchReply, type SearchRequest } from './search-worker';

const hit = (text: string): ImportedHit => ({
  key: `g:${text}`,
  glossary: { id: 'g', title: 'G' },
  entry: { id: text, terms: [{ lang: 'en', text }], definitions: [], subjectFields: [] },
  stage: 'exact',
  matched: null,
});
const letterHit = (id: string): SearchHit => ({ id, stage: 'exact', matched: null }) as unknown as SearchHit;

/**
 * A stand-in worker: answers each imported search twice (interim, final) with its query, each letter
 * setup once and each letter search with its query as the hit's id — or dies on the first request.
 */
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
      else if (request.kind === 'imported') {
        send({ kind: 'imported', id: request.id, hits: [], final: false });
        send({ kind: 'imported', id: request.id, hits: [hit(request.query)], final: true });
      } else if (request.kind === 'letter-setup') send({ kind: 'letter-setup', id: request.id });
      else send({ kind: 'letter', id: request.id, hits: [letterHit(request.query)] });
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const query = (text: string) => ({ query: text, lang: 'en', limit: 20 });
const ids = (hits: ImportedHit[] | null) => hits?.map((h) => h.entry.id) ?? null;
const setup: LetterSetup = { glossary: [], lang: 'en', notes: new Map(), prominence: new Map() };
const idle = () => new FakeWorker('answer') as unknown as Worker;
const queries = (worker: FakeWorker) => worker.requests.flatMap((r) => ('query' in r ? [r.query] : []));

/** A stand-in worker that answers only when the test says so. */
class ManualWorker extends EventTarget {
  requests: SearchRequest[] = [];
  postMessage(request: SearchRequest) {
    this.requests.push(request);
  }
  reply(data: SearchReply) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  terminate() {}
}

/** Both workers under the test's control, the letter's already set up. */
function manualPair() {
  const letterWorker = new ManualWorker();
  const importedWorker = new ManualWorker();
  const client = searchWorker({
    letter: () => letterWorker as unknown as Worker,
    imported: () => importedWorker as unknown as Worker,
  });
  const seen: string[] = [];
  const ask = (text: string) => {
    client.letter.search(
      { query: text },
      (hits) => seen.push(`letter ${hits[0]!.id}`),
      () => [],
    );
    client.imported(vi.fn())(query(text), (hits, final) => seen.push(`imported ${ids(hits)?.join()} ${final}`));
  };
  const lastId = (worker: ManualWorker) => worker.requests.at(-1)!.id;
  const answerLetter = (text: string) =>
    letterWorker.reply({ kind: 'letter', id: lastId(letterWorker), hits: [letterHit(text)] });
  const answerImported = (text: string, final: boolean) =>
    importedWorker.reply({ kind: 'imported', id: lastId(importedWorker), hits: [hit(text)], final });
  return { ask, answerLetter, answerImported, seen };
}

describe('the popup’s searches in workers', () => {
  it('hands over a key’s first answers together, whichever comes first: the list renders once', () => {
    const { ask, answerLetter, answerImported, seen } = manualPair();
    ask('verdrag');
    answerLetter('verdrag');
    expect(seen).toEqual([]); // waits for the imported glossaries' first answer
    answerImported('verdrag-i', false);
    expect(seen).toEqual(['letter verdrag', 'imported verdrag-i false']);
    // Later answers to the same query are not held.
    answerImported('verdrag-f', true);
    expect(seen.at(-1)).toBe('imported verdrag-f true');

    seen.length = 0;
    ask('verdragen');
    answerImported('verdragen-i', false);
    expect(seen).toEqual([]); // waits for the letter's
    answerLetter('verdragen');
    expect(seen).toEqual(['imported verdragen-i false', 'letter verdragen']);
  });

  it('waits PAIR_MS at most for the other answer, and drops a held answer to a query typed over', () => {
    vi.useFakeTimers();
    try {
      const { ask, answerLetter, answerImported, seen } = manualPair();
      ask('nsec');
      answerLetter('nsec');
      vi.advanceTimersByTime(PAIR_MS - 1);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['letter nsec']);
      answerImported('nsec-i', true);
      expect(seen).toEqual(['letter nsec', 'imported nsec-i true']);

      seen.length = 0;
      ask('gbv');
      answerLetter('gbv');
      ask('gbvb'); // the held answer to "gbv" will never be shown
      vi.advanceTimersByTime(PAIR_MS);
      expect(seen).toEqual([]);
      answerLetter('gbvb');
      answerImported('gbvb-i', true);
      expect(seen).toEqual(['letter gbvb', 'imported gbvb-i true']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is asked of one worker, and only the latest imported search is answered', async () => {
    const worker = new FakeWorker('answer');
    const create = vi.fn(() => worker as unknown as Worker);
    const fallback = vi.fn<SearchImported>();
    const search = searchWorker({
      letter: () => new FakeWorker('answer') as unknown as Worker,
      imported: create,
    }).imported(fallback);
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
    expect(queries(worker)).toEqual(['energy', 'grid']);
    expect(create).toHaveBeenCalledTimes(1);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('says when the letter’s search is built, and answers only the latest letter search', async () => {
    const worker = new FakeWorker('answer');
    const { letter } = searchWorker({ letter: () => worker as unknown as Worker, imported: idle });
    const built = vi.fn();
    letter.setup(setup, built);
    await vi.waitFor(() => expect(built).toHaveBeenCalledTimes(1));
    const here = vi.fn(() => [letterHit('here')]);
    const older = vi.fn();
    const newer = vi.fn();
    letter.search({ query: 'eti' }, older, here);
    letter.search({ query: 'etias' }, newer, here);
    await vi.waitFor(() => expect(newer).toHaveBeenCalledWith([letterHit('etias')]));
    expect(older).not.toHaveBeenCalled();
    expect(here).not.toHaveBeenCalled();
    expect(worker.requests.map((r) => r.kind)).toEqual(['letter-setup', 'letter', 'letter']);
  });

  it('has one letter search with the worker at a time: keys typed meanwhile replace each other', async () => {
    const worker = new FakeWorker('answer');
    const { letter } = searchWorker({ letter: () => worker as unknown as Worker, imported: idle });
    const answers: string[] = [];
    const answer = (hits: SearchHit[]) => answers.push(hits[0]!.id);
    for (const query of ['e', 'et', 'eti', 'etia', 'etias']) letter.search({ query }, answer, () => []);
    await vi.waitFor(() => expect(answers).toEqual(['etias']));
    // "e" went at once; "et" … "etia" were typed over before it came back.
    expect(queries(worker)).toEqual(['e', 'etias']);
  });

  it('searches on this thread when the worker dies: the pending searches and every later one', async () => {
    const worker = new FakeWorker('die');
    const letterWorker = new FakeWorker('die');
    const client = searchWorker({
      letter: () => letterWorker as unknown as Worker,
      imported: () => worker as unknown as Worker,
    });
    const fallback = vi.fn<SearchImported>((q, answer) => answer([hit(`here:${q.query}`)], true));
    const search = client.imported(fallback);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = vi.fn();
    const letterFirst = vi.fn();
    search(query('energy'), (hits) => void first(ids(hits)));
    client.letter.search({ query: 'eti' }, letterFirst, () => [letterHit('here:eti')]);
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith(['here:energy']));
    expect(letterFirst).toHaveBeenCalledWith([letterHit('here:eti')]);
    expect(worker.terminated).toBe(true);
    expect(letterWorker.terminated).toBe(true);
    const second = vi.fn();
    const letterSecond = vi.fn();
    search(query('grid'), (hits) => void second(ids(hits)));
    client.letter.search({ query: 'nsec' }, letterSecond, () => [letterHit('here:nsec')]);
    expect(second).toHaveBeenCalledWith(['here:grid']);
    expect(letterSecond).toHaveBeenCalledWith([letterHit('here:nsec')]);
    const built = vi.fn();
    client.letter.setup(setup, built);
    // Only the one each was sent before it died.
    expect(worker.requests).toHaveLength(1);
    expect(letterWorker.requests).toHaveLength(1);
    expect(built).not.toHaveBeenCalled();
  });
});
