import { describe, expect, it, vi } from 'vitest';
import type { ImportedCandidate, ImportedHit } from './imported-search';
import { CANDIDATES, importedSearcher, type CandidateBatches } from './imported-searcher';

const candidate = (text: string): ImportedCandidate => ({
  key: `g:${text}`,
  glossary: { id: 'g', title: 'G' },
  entry: { id: text, terms: [{ lang: 'en', text }], definitions: [], subjectFields: [] },
});

/** A database stand-in: the candidates whose first word starts with the read word, in two batches. */
function fakeBatches(texts: readonly string[]) {
  const reads: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const batches: CandidateBatches = async function* (word, limit, firstBatch) {
    reads.push(word);
    const found = texts
      .filter((t) => t.startsWith(word))
      .slice(0, limit)
      .map(candidate);
    yield { candidates: found.slice(0, firstBatch), last: found.length <= firstBatch };
    if (found.length <= firstBatch) return;
    await gate;
    yield { candidates: found.slice(firstBatch), last: true };
  };
  return { batches, reads, release: () => release() };
}

const now = () => Promise.resolve();

/** A searcher that has read (and answered) `query`'s whole candidate set. */
async function afterFullRead(db: ReturnType<typeof fakeBatches>, query: string) {
  const search = importedSearcher(db.batches, now);
  const first = collect();
  search({ query, lang: 'en', limit: 20 }, first.answer);
  db.release();
  await vi.waitFor(() => expect(first.answers.at(-1)?.final).toBe(true));
  return search;
}
const keys = (hits: ImportedHit[] | null) => hits?.map((h) => h.entry.id) ?? null;

function collect() {
  const answers: { hits: string[] | null; final: boolean }[] = [];
  return { answers, answer: (hits: ImportedHit[] | null, final: boolean) => answers.push({ hits: keys(hits), final }) };
}

describe('the popup’s search over imported glossaries', () => {
  it('answers a short query with no search and reads nothing', async () => {
    const db = fakeBatches(['energy']);
    const search = importedSearcher(db.batches, now);
    const { answers, answer } = collect();
    search({ query: 'e', lang: 'en', limit: 20 }, answer);
    await vi.waitFor(() => expect(answers).toEqual([{ hits: null, final: true }]));
    expect(db.reads).toEqual([]);
  });

  it('reads once for a word and ranks the same set again as the word grows, while it holds them all', async () => {
    const db = fakeBatches(['energy', 'energy market', 'enlargement']);
    const search = importedSearcher(db.batches, now);
    const first = collect();
    search({ query: 'en', lang: 'en', limit: 20 }, first.answer);
    await vi.waitFor(() => expect(first.answers.at(-1)?.final).toBe(true));
    expect(first.answers.at(-1)!.hits!.sort()).toEqual(['energy', 'energy market', 'enlargement']);
    const next = collect();
    search({ query: 'energy m', lang: 'en', limit: 20 }, next.answer);
    await vi.waitFor(() => expect(next.answers).toEqual([{ hits: ['energy market'], final: true }]));
    expect(db.reads).toEqual(['en']);
  });

  it('shows the first batch before the rest is read, then the whole set', async () => {
    const texts = Array.from({ length: 100 }, (_, i) => `grid ${String(i).padStart(3, '0')}`);
    const db = fakeBatches(texts);
    const search = importedSearcher(db.batches, now);
    const { answers, answer } = collect();
    search({ query: 'grid 09', lang: 'en', limit: 20 }, answer);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // The first batch (40) holds none of grid 090–099: an answer, not final, without them.
    expect(answers[0]!.final).toBe(false);
    expect(answers[0]!.hits!.filter((id) => id >= 'grid 090')).toEqual([]);
    db.release();
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]!.final).toBe(true);
    expect(answers[1]!.hits!.slice(0, 10)).toEqual(texts.slice(90));
  });

  it('reads again when the shorter word’s set was full, answering from it meanwhile', async () => {
    const texts = Array.from({ length: CANDIDATES + 5 }, (_, i) => `market ${i}`);
    const db = fakeBatches([...texts, 'marketplace']);
    const search = await afterFullRead(db, 'mar');
    const next = collect();
    search({ query: 'marketp', lang: 'en', limit: 20 }, next.answer);
    // The full set of "mar" lacks marketplace (the 206th): the interim answer has not got it, the read finds it.
    await vi.waitFor(() => expect(next.answers.at(-1)?.final).toBe(true));
    expect(next.answers[0]!.final).toBe(false);
    expect(next.answers[0]!.hits).not.toContain('marketplace');
    expect(next.answers.at(-1)!.hits![0]).toBe('marketplace');
    expect(db.reads).toEqual(['mar', 'marketp']);
  });

  it('answers a query once meanwhile and once with the whole set: its first batch does not re-render in between', async () => {
    const texts = [
      ...Array.from({ length: CANDIDATES + 5 }, (_, i) => `market ${i}`),
      ...Array.from({ length: 60 }, (_, i) => `marketing ${i}`),
    ];
    const db = fakeBatches(texts);
    const search = await afterFullRead(db, 'mar');
    const next = collect();
    search({ query: 'marketi', lang: 'en', limit: 20 }, next.answer);
    await vi.waitFor(() => expect(next.answers.at(-1)?.final).toBe(true));
    expect(next.answers.map((a) => a.final)).toEqual([false, true]);
    expect(next.answers[1]!.hits!.every((id) => id.startsWith('marketing'))).toBe(true);
  });

  it('gives no empty answer meanwhile: the rows shown stay until hits or the final answer replace them', async () => {
    // "mar"'s full set holds only "mara n" entries: for "marketing" it ranks nothing; the read finds it.
    const texts = [...Array.from({ length: CANDIDATES + 5 }, (_, i) => `mara ${i}`), 'marketing'];
    const db = fakeBatches(texts);
    const search = await afterFullRead(db, 'mar');
    const next = collect();
    search({ query: 'marketing', lang: 'en', limit: 20 }, next.answer);
    await vi.waitFor(() => expect(next.answers.at(-1)?.final).toBe(true));
    expect(next.answers.filter((a) => !a.final && a.hits?.length === 0)).toEqual([]);
    expect(next.answers.at(-1)!.hits![0]).toBe('marketing');
  });

  it('reads once for a burst of keys: a search superseded while it waits reads nothing and answers no more', async () => {
    const db = fakeBatches(['verdrag', 'verdraagzaamheid']);
    let tick!: () => void;
    const search = importedSearcher(db.batches, () => new Promise<void>((resolve) => (tick = resolve)));
    const older = collect();
    search({ query: 'verd', lang: 'en', limit: 20 }, older.answer);
    const olderTick = tick;
    const newer = collect();
    search({ query: 'verdraag', lang: 'en', limit: 20 }, newer.answer);
    olderTick();
    tick();
    await vi.waitFor(() => expect(newer.answers).toEqual([{ hits: ['verdraagzaamheid'], final: true }]));
    expect(older.answers).toEqual([]);
    expect(db.reads).toEqual(['verdraag']);
  });

  it('tells each searched word before typing pauses, so its buckets can be read meanwhile', async () => {
    const db = fakeBatches(['verdrag']);
    const told: string[] = [];
    let tick!: () => void;
    const search = importedSearcher(
      db.batches,
      () => new Promise<void>((resolve) => (tick = resolve)),
      (word) => told.push(word),
    );
    search({ query: 'v', lang: 'en', limit: 20 }, () => undefined);
    search({ query: 'Ve', lang: 'en', limit: 20 }, () => undefined);
    search({ query: 'verd', lang: 'en', limit: 20 }, () => undefined);
    expect(told).toEqual(['ve', 'verd']);
    expect(db.reads).toEqual([]); // the candidates still wait for the pause
    tick();
    await vi.waitFor(() => expect(db.reads).toEqual(['verd']));
    search({ query: 'verdr', lang: 'en', limit: 20 }, () => undefined); // the same bucket: not told again
    expect(told).toEqual(['ve', 'verd']);
  });

  it('answers no hits, final, when the database fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing: CandidateBatches = () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('database gone')) }),
    });
    const search = importedSearcher(failing, now);
    const { answers, answer } = collect();
    search({ query: 'energy', lang: 'en', limit: 20 }, answer);
    await vi.waitFor(() => expect(answers).toEqual([{ hits: [], final: true }]));
    expect(error).toHaveBeenCalled();
  });
});
