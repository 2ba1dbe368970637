import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveState } from '@/components/NoteEditor';
import type { Note } from '@/core/notes';
import { useNoteEditor, type DraftStore, type NoteSaver } from './use-note-editor';

/** What a full disk or a used-up quota makes IndexedDB throw, as it reaches the page from the background. */
const quotaError = () =>
  Object.assign(new Error('The current transaction exceeded its quota'), { name: 'QuotaExceededError' });

let root: HTMLElement | null = null;

/** A view with the hook; `retryMs` stands in for the 2 s … 30 s back-off. */
function mount(save: NoteSaver, retryMs = 40) {
  const seen: { text: string; state: SaveState; onInput: (t: string) => void; retry: () => void }[] = [];
  const draft: { value: ReturnType<DraftStore['get']> } = { value: null };
  const drafts: DraftStore = {
    get: () => draft.value,
    set: (d) => void (draft.value = d),
    clear: () => void (draft.value = null),
  };
  function View() {
    seen.push(useNoteEditor(null, save, drafts, () => retryMs));
    return null;
  }
  root = document.createElement('div');
  document.body.append(root);
  render(h(View, {}), root);
  const now = () => seen[seen.length - 1]!;
  return { now, draft };
}

const until = async (test: () => boolean, what: string, ms = 2_000) => {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const saved = (text: string, revision: number): { note: Note; conflict: boolean } => ({
  note: { termId: 'etias', text, createdAt: 1, updatedAt: 1, revision },
  conflict: false,
});

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('a note save that finds no room', () => {
  it('keeps the text and the draft, says so, and saves by itself once space returns', async () => {
    let full = true;
    const calls: string[] = [];
    const { now, draft } = mount(({ text }) => {
      calls.push(text);
      return full ? Promise.reject(quotaError()) : Promise.resolve(saved(text, 1));
    });
    now().onInput('a note');
    await until(() => now().state === 'full', 'state "full"');
    expect(now().text).toBe('a note');
    expect(draft.value?.text).toBe('a note');
    // No tight loop: one try, then one per back-off period.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.length).toBeLessThanOrEqual(4);
    full = false;
    await until(() => now().state === 'saved', 'saved after space returned');
    expect(calls[calls.length - 1]).toBe('a note');
    expect(draft.value).toBe(null);
  });

  it('saves at once on retry() and on the next keystroke, with the latest text', async () => {
    let full = true;
    const calls: string[] = [];
    const { now } = mount(({ text }) => {
      calls.push(text);
      return full ? Promise.reject(quotaError()) : Promise.resolve(saved(text, 1));
    }, 60_000); // no timer retry within the test: only retry() and typing save
    now().onInput('one');
    await until(() => now().state === 'full', 'state "full"');
    now().retry();
    await until(() => calls.length === 2 && now().state === 'full', 'a second try on retry(), failed');
    now().onInput('one two');
    await until(() => calls.length === 3, 'a try after the keystroke');
    expect(calls[2]).toBe('one two');
    full = false;
    now().retry();
    await until(() => now().state === 'saved', 'saved on retry()');
    expect(calls[calls.length - 1]).toBe('one two');
    expect(now().text).toBe('one two');
  });

  it('tells any other failure apart from a full disk', async () => {
    const { now } = mount(() => Promise.reject(new Error('No response')), 60_000);
    now().onInput('x');
    await until(() => now().state === 'error', 'state "error"');
    expect(now().text).toBe('x');
  });
});
