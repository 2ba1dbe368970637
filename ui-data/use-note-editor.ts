import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SaveState } from '@/components/NoteEditor';
import type { Note } from '@/core/notes';
import { isQuotaExceeded, retryDelayMs } from '@/core/storage-errors';

export interface NoteSaver {
  (input: { text: string; baseRevision: number; baseText: string }): Promise<{ note: Note | null; conflict: boolean }>;
}

/** A synchronous place for the text being typed, so closing the view mid-edit loses nothing. */
export interface DraftStore {
  get(): { text: string; baseRevision: number; baseText: string } | null;
  set(draft: { text: string; baseRevision: number; baseText: string }): void;
  clear(): void;
}

const SAVE_DELAY_MS = 250;

/**
 * Saves as the user types: one save at a time, each based on the revision the previous one
 * returned; a conflict adopts the merged text and says so. Changes made elsewhere (`stored`) are
 * taken in when nothing local is pending.
 *
 * A failed save keeps the text (in the editor and the draft) and says why — `full` when the
 * browser has no room left for the extension's data — and saves again on the next keystroke, on
 * `retry()` (the Retry button, the editor taking focus) and by itself after 2, 4, 8 … 30 s, so it
 * is saved once space returns.
 */
export function useNoteEditor(
  stored: Note | null | undefined,
  save: NoteSaver,
  drafts?: DraftStore,
  retryAfterMs: (failures: number) => number = retryDelayMs,
) {
  const [text, setText] = useState(stored?.text ?? '');
  const [state, setState] = useState<SaveState>('idle');
  const base = useRef({ revision: stored?.revision ?? 0, text: stored?.text ?? '' });
  const pending = useRef<string | null>(null);
  const inFlight = useRef(false);
  const failures = useRef(0);
  const mounted = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Callers may pass new functions each render; the latest ones are used.
  const io = useRef({ save, drafts, retryAfterMs });
  io.current = { save, drafts, retryAfterMs };

  const schedule = (ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), ms);
  };

  const flush = useCallback(async () => {
    if (inFlight.current || pending.current === null) return;
    const next = pending.current;
    pending.current = null;
    inFlight.current = true;
    let failed = false;
    setState('saving');
    try {
      const result = await io.current.save({
        text: next,
        baseRevision: base.current.revision,
        baseText: base.current.text,
      });
      base.current = { revision: result.note?.revision ?? 0, text: result.note?.text ?? '' };
      if (pending.current === null) {
        io.current.drafts?.clear();
        if (result.conflict && result.note) setText(result.note.text);
      }
      failures.current = 0;
      setState(result.conflict ? 'conflict' : 'saved');
    } catch (error) {
      failed = true;
      pending.current ??= next; // kept: the next keystroke, retry() or the timer saves it
      failures.current += 1;
      setState(isQuotaExceeded(error) ? 'full' : 'error');
      // Once the view is gone its draft is what remains; the next view to open it saves it.
      if (mounted.current) schedule(io.current.retryAfterMs(failures.current));
    } finally {
      inFlight.current = false;
      // Typed while this save was on its way: save that now (after a failure, the timer does).
      if (!failed && pending.current !== null) void flush();
    }
  }, []);

  // A draft left by a view that closed mid-edit is saved first.
  useEffect(() => {
    const draft = drafts?.get();
    // A draft whose text the stored note already holds was saved before the view closed.
    if (draft && stored?.text.includes(draft.text)) drafts?.clear();
    else if (draft && draft.text !== (stored?.text ?? '')) {
      base.current = { revision: draft.baseRevision, text: draft.baseText };
      setText(draft.text);
      pending.current = draft.text;
      void flush();
    }
  }, []); // only on mount

  // A change made elsewhere shows here when nothing of ours is waiting.
  useEffect(() => {
    if (!stored && base.current.revision === 0) return;
    if (pending.current !== null || inFlight.current) return;
    if ((stored?.revision ?? 0) === base.current.revision) return;
    base.current = { revision: stored?.revision ?? 0, text: stored?.text ?? '' };
    setText(stored?.text ?? '');
  }, [stored?.revision, stored?.text]);

  const onInput = (value: string) => {
    setText(value);
    pending.current = value;
    io.current.drafts?.set({ text: value, baseRevision: base.current.revision, baseText: base.current.text });
    schedule(SAVE_DELAY_MS);
  };

  /** Saves now what a failed save left, if anything (the Retry button, the editor taking focus). */
  const retry = () => {
    if (pending.current === null) return;
    if (timer.current) clearTimeout(timer.current);
    void flush();
  };

  useEffect(() => {
    const now = () => void flush();
    addEventListener('pagehide', now);
    mounted.current = true;
    return () => {
      mounted.current = false;
      removeEventListener('pagehide', now);
      if (timer.current) clearTimeout(timer.current);
      void flush();
    };
  }, [flush]);

  return { text, state, onInput, retry };
}

export function localDrafts(termId: string): DraftStore {
  const key = `note-draft:${termId}`;
  return {
    get() {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as { text: string; baseRevision: number; baseText: string }) : null;
      } catch {
        return null;
      }
    },
    set(draft) {
      try {
        localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // storage unavailable: the debounced save still runs
      }
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
