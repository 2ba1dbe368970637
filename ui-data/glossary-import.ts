import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CsvColumns, FromWorker, ImportChoices, ImportFailure, PreviewResult, ToWorker } from './import-protocol';

/** Where an import stands, as the dialog shows it. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'previewing'; file: File }
  /** A CSV whose header was not recognised: the reader says which column holds what. */
  | { phase: 'columns'; file: File; columns: string[]; failure: ImportFailure }
  | { phase: 'ready'; file: File; preview: PreviewResult; csvColumns?: CsvColumns }
  | {
      phase: 'importing';
      file: File;
      preview: PreviewResult;
      bytesRead: number;
      entries: number;
      /** performance.now() when it started, and at the last progress. */
      startedAt: number;
      at: number;
      cancelling: boolean;
    }
  | { phase: 'done'; file: File; count: number; title: string }
  | { phase: 'cancelled'; file: File }
  | { phase: 'failed'; file: File; failure: ImportFailure; during: 'preview' | 'import' };

/** The smallest interface of a Worker this needs (a test passes its own). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface ImportControllerDeps {
  createWorker: () => WorkerLike;
  /** An import was committed: tell the background (which tells every page). */
  onCommitted: () => void | Promise<void>;
  /** Drop a generation the worker no longer answers for (db cancelImport). */
  abandon: (generation: string) => Promise<void>;
  now?: () => number;
  /** How long a cancel may take before the worker is stopped and its import dropped from here. */
  cancelTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Drives the import worker for the glossary page: choose a file → preview (and, for a CSV the
 * parser could not read, its columns) → import with the reader's choices → done, cancelled or
 * failed. One worker for the page's life, started on the first file; each job is numbered so a late
 * answer to an abandoned one is dropped. A cancel the worker does not answer in time (a parser
 * busy in one long synchronous step) stops the worker, and the import is dropped from here.
 */
export class ImportController {
  state: ImportState = { phase: 'idle' };
  private worker: WorkerLike | null = null;
  private job = 0;
  private generation: string | null = null;
  /** The column mapping of the preview under way, kept with its result for the import. */
  private previewColumns: CsvColumns | undefined;
  private readonly listeners = new Set<(state: ImportState) => void>();

  constructor(private readonly deps: ImportControllerDeps) {}

  subscribe(listener: (state: ImportState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: ImportState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  private now(): number {
    return (this.deps.now ?? (() => performance.now()))();
  }

  private send(message: ToWorker): void {
    if (!this.worker) {
      const worker = this.deps.createWorker();
      worker.onmessage = (event) => this.receive(event.data);
      // A worker that fails to load or throws outside a job: the current job fails with its message.
      worker.onerror = (event) => {
        event.preventDefault?.();
        this.fail({ message: event.message || 'The import worker stopped.' });
      };
      this.worker = worker;
    }
    this.worker.postMessage(message);
  }

  private fail(failure: ImportFailure): void {
    const s = this.state;
    if (s.phase === 'previewing' || s.phase === 'importing') {
      this.set({ phase: 'failed', file: s.file, failure, during: s.phase === 'previewing' ? 'preview' : 'import' });
    }
  }

  /** A new file: read its first entries. */
  choose(file: File): void {
    this.preview(file);
  }

  /** Preview again with the reader's column mapping. */
  mapColumns(csvColumns: CsvColumns): void {
    const s = this.state;
    if (s.phase !== 'columns' && s.phase !== 'ready') return;
    this.preview(s.file, csvColumns);
  }

  private preview(file: File, csvColumns?: CsvColumns): void {
    const job = ++this.job;
    this.previewColumns = csvColumns;
    this.set({ phase: 'previewing', file });
    this.send({ type: 'preview', job, file, ...(csvColumns ? { csvColumns } : {}) });
  }

  /** Import the previewed file with these choices. */
  start(choices: ImportChoices): void {
    const s = this.state;
    if (s.phase !== 'ready') return;
    const job = ++this.job;
    this.generation = null;
    const at = this.now();
    this.set({
      phase: 'importing',
      file: s.file,
      preview: s.preview,
      bytesRead: 0,
      entries: 0,
      startedAt: at,
      at,
      cancelling: false,
    });
    this.send({
      type: 'import',
      job,
      file: s.file,
      glossaryId: s.preview.info.id,
      format: s.preview.info.format,
      ...(s.csvColumns ? { csvColumns: s.csvColumns } : {}),
      choices,
    });
  }

  /** Stop the import (or the preview); nothing it wrote stays. */
  cancel(): void {
    const s = this.state;
    const job = this.job;
    if (s.phase === 'previewing') {
      this.worker?.postMessage({ type: 'cancel', job });
      this.job++;
      this.set({ phase: 'idle' });
      return;
    }
    if (s.phase !== 'importing' || s.cancelling) return;
    this.set({ ...s, cancelling: true });
    this.worker?.postMessage({ type: 'cancel', job });
    (this.deps.setTimer ?? setTimeout)(() => {
      if (this.job !== job || this.state.phase !== 'importing') return;
      // The worker did not answer: stop it and drop what it wrote from here.
      this.worker?.terminate();
      this.worker = null;
      this.job++;
      const generation = this.generation;
      this.set({ phase: 'cancelled', file: s.file });
      if (generation) void this.deps.abandon(generation).catch(() => undefined);
    }, this.deps.cancelTimeoutMs ?? 3_000);
  }

  /** Back to choosing a file (the dialog closed, or "choose another file"). */
  reset(): void {
    if (this.state.phase === 'importing') return;
    if (this.state.phase === 'previewing') this.worker?.postMessage({ type: 'cancel', job: this.job });
    this.job++;
    this.set({ phase: 'idle' });
  }

  /** The page is going: stop the worker (an import it was writing is cleaned up as abandoned). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }

  private receive(message: FromWorker): void {
    if (message.job !== this.job) return;
    const s = this.state;
    switch (message.type) {
      case 'preview':
        if (s.phase !== 'previewing') return;
        this.set({
          phase: 'ready',
          file: s.file,
          preview: { info: message.info, count: message.count, languages: message.languages, entries: message.entries },
          ...(this.previewColumns ? { csvColumns: this.previewColumns } : {}),
        });
        return;
      case 'started':
        this.generation = message.generation;
        return;
      case 'progress':
        if (s.phase !== 'importing') return;
        this.set({ ...s, bytesRead: message.bytesRead, entries: message.entries, at: this.now() });
        return;
      case 'done':
        if (s.phase !== 'importing') return;
        this.generation = null;
        this.set({ phase: 'done', file: s.file, count: message.count, title: message.info.title });
        void Promise.resolve(this.deps.onCommitted()).catch(() => undefined);
        return;
      case 'cancelled':
        if (s.phase === 'importing') this.set({ phase: 'cancelled', file: s.file });
        return;
      case 'failed':
        if (s.phase === 'previewing' && message.failure.code === 'csv-columns' && message.failure.columns) {
          this.set({ phase: 'columns', file: s.file, columns: message.failure.columns, failure: message.failure });
          return;
        }
        this.fail(message.failure);
        return;
    }
  }
}

/** The page's import controller and its state; the worker is stopped when the page's section goes. */
export function useGlossaryImport(deps: ImportControllerDeps): [ImportState, ImportController] {
  const controller = useMemo(() => new ImportController(deps), []);
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    const stop = controller.subscribe(setState);
    return () => {
      stop();
      controller.dispose();
    };
  }, [controller]);
  return [state, controller];
}
