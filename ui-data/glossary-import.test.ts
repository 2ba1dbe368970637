import { describe, expect, it, vi } from 'vitest';
import type { ImportedGlossaryInfo } from '@/core/imported-schema';
import { ImportController, type WorkerLike } from './glossary-import';
import type { FromWorker, ToWorker } from './import-protocol';

const info: ImportedGlossaryInfo = { id: 'energy', title: 'Energy', fileName: 'energy.csv', format: 'csv' };
const file = (name = 'energy.csv') => new File(['id,en\n1,grid'], name);

/** A worker that records what it is sent; `answer` plays its replies. */
function fakeWorker() {
  const sent: ToWorker[] = [];
  const terminate = vi.fn();
  const worker: WorkerLike & { answer(m: FromWorker): void } = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => sent.push(m),
    terminate,
    answer(m) {
      this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
    },
  };
  return { worker, sent, terminate };
}

function controller(overrides: Partial<ConstructorParameters<typeof ImportController>[0]> = {}) {
  const { worker, sent, terminate } = fakeWorker();
  const timers: (() => void)[] = [];
  const deps = {
    createWorker: vi.fn(() => worker),
    onCommitted: vi.fn(),
    abandon: vi.fn(() => Promise.resolve()),
    now: () => 1_000,
    setTimer: (fn: () => void) => timers.push(fn),
    ...overrides,
  };
  return { c: new ImportController(deps), worker, sent, deps, timers, terminate };
}

const previewOf = (job: number): FromWorker => ({
  type: 'preview',
  job,
  info,
  count: 1,
  languages: ['en'],
  entries: [{ id: '1', terms: [{ lang: 'en', text: 'grid' }], definitions: [], subjectFields: [] }],
});

describe('the import dialog’s controller', () => {
  it('previews a chosen file, then imports it under the preview’s glossary id', () => {
    const { c, worker, sent, deps } = controller();
    c.choose(file());
    expect(c.state.phase).toBe('previewing');
    const job = sent[0]!.job;
    worker.answer(previewOf(job));
    expect(c.state).toMatchObject({ phase: 'ready', preview: { info, count: 1 } });
    c.start({ languages: ['en'], skipDeprecated: true });
    expect(sent[1]).toMatchObject({
      type: 'import',
      glossaryId: 'energy',
      format: 'csv',
      choices: { languages: ['en'] },
    });
    const importJob = sent[1]!.job;
    worker.answer({ type: 'progress', job: importJob, bytesRead: 5, entries: 1 });
    expect(c.state).toMatchObject({ phase: 'importing', bytesRead: 5, entries: 1 });
    worker.answer({ type: 'done', job: importJob, info, count: 1, languages: ['en'] });
    expect(c.state).toMatchObject({ phase: 'done', count: 1, title: 'Energy' });
    expect(deps.onCommitted).toHaveBeenCalledTimes(1);
    expect(deps.createWorker).toHaveBeenCalledTimes(1);
  });

  it('asks for a CSV’s columns when the parser cannot read its header, and imports with them', () => {
    const { c, worker, sent } = controller();
    c.choose(file());
    worker.answer({
      type: 'failed',
      job: sent[0]!.job,
      failure: { code: 'csv-columns', message: 'Line 1: …', columns: ['Begrip', 'Uitleg'] },
    });
    expect(c.state).toMatchObject({ phase: 'columns', columns: ['Begrip', 'Uitleg'] });
    const columns = { 0: { kind: 'term' as const, lang: 'nl' } };
    c.mapColumns(columns);
    expect(sent[1]).toMatchObject({ type: 'preview', csvColumns: columns });
    worker.answer(previewOf(sent[1]!.job));
    c.start({});
    expect(sent[2]).toMatchObject({ type: 'import', csvColumns: columns });
  });

  it('drops a late answer about a file the reader has since replaced', () => {
    const { c, worker, sent } = controller();
    c.choose(file('a.csv'));
    c.choose(file('b.csv'));
    worker.answer(previewOf(sent[0]!.job));
    expect(c.state).toMatchObject({ phase: 'previewing', file: { name: 'b.csv' } });
  });

  it('shows a bad file’s message, naming what and where', () => {
    const { c, worker, sent } = controller();
    c.choose(file());
    worker.answer({
      type: 'failed',
      job: sent[0]!.job,
      failure: { code: 'xml', message: 'Line 3: bad XML.', line: 3 },
    });
    expect(c.state).toMatchObject({ phase: 'failed', during: 'preview', failure: { message: 'Line 3: bad XML.' } });
  });

  it('cancels through the worker, which drops what it wrote', () => {
    const { c, worker, sent, timers, deps } = controller();
    c.choose(file());
    worker.answer(previewOf(sent[0]!.job));
    c.start({});
    const job = sent[1]!.job;
    worker.answer({ type: 'started', job, generation: 'energy@1' });
    c.cancel();
    expect(sent[2]).toEqual({ type: 'cancel', job });
    expect(c.state).toMatchObject({ phase: 'importing', cancelling: true });
    worker.answer({ type: 'cancelled', job });
    expect(c.state.phase).toBe('cancelled');
    timers.forEach((t) => t());
    expect(deps.abandon).not.toHaveBeenCalled();
  });

  it('stops a worker that does not answer a cancel, and drops its import itself', () => {
    const { c, worker, sent, timers, deps, terminate } = controller();
    c.choose(file());
    worker.answer(previewOf(sent[0]!.job));
    c.start({});
    worker.answer({ type: 'started', job: sent[1]!.job, generation: 'energy@1' });
    c.cancel();
    timers.forEach((t) => t());
    expect(terminate).toHaveBeenCalled();
    expect(deps.abandon).toHaveBeenCalledWith('energy@1');
    expect(c.state.phase).toBe('cancelled');
    // The next file gets a new worker.
    c.choose(file());
    expect(deps.createWorker).toHaveBeenCalledTimes(2);
  });

  it('fails the job under way when the worker itself fails', () => {
    const { c, worker } = controller();
    c.choose(file());
    worker.onerror?.({ message: 'SyntaxError in worker', preventDefault: () => undefined } as ErrorEvent);
    expect(c.state).toMatchObject({ phase: 'failed', failure: { message: 'SyntaxError in worker' } });
  });
});
