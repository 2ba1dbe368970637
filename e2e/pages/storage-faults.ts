/**
 * Storage faults in the extension's origin, for e2e/faults.e2e.ts.
 *
 * Quota: Firefox is launched with a small storage limit (`FIREFOX_QUOTA_PREFS`) and the origin is
 * really filled: a filler database in the extension's origin grows until IndexedDB refuses even
 * 2 KB (`QuotaExceededError`); deleting it gives the space back. A few typed words may still be
 * saved then (the database's write-ahead log has room already: seen), so the test pastes some 8 KB,
 * which Firefox refuses as an `AbortError` whose `inner` is the `QuotaExceededError`. Chromium offers no real way: it
 * treats an extension's origin as unlimited (ours also asks `unlimitedStorage`), and
 * `Storage.overrideQuotaForOrigin` on it changed `getUsageAndQuota`'s answer but no write failed
 * (seen: a 2 MB put went through with a 1-byte quota, with and without `unlimitedStorage`). There
 * the test throws the browser's own `QuotaExceededError` DOMException from IndexedDB's `put` and
 * `add` inside the service worker — the same error at the same place, everything above it real.
 */
import type { TestBrowser, TestPage } from '../harness';
import { DB_NAME } from './tooltip-notes';

/** Firefox: a global limit of 20 MB, so an origin's group limit is Firefox's minimum, 10 MB. */
export const FIREFOX_QUOTA_PREFS = { 'dom.quotaManager.temporaryStorage.fixedLimit': 20_000 };

const FILLER_DB = 'e2e-filler';

export interface Exhausted {
  /** Gives the space back. */
  restore(): Promise<void>;
}

/** Uses up the extension origin's storage; `page` is one of its pages (Firefox writes from there). */
export async function exhaustQuota(browser: TestBrowser, page: TestPage): Promise<Exhausted> {
  if (browser.name === 'chromium') {
    const worker = browser.raw.serviceWorkers().findLast((w) => w.url().startsWith(browser.extensionBaseUrl));
    if (!worker) throw new Error('no service worker of ours to make short of space');
    // Source text, not a function: tsx would wrap named inner functions in a helper the worker lacks.
    await worker.evaluate(`(() => {
      const proto = IDBObjectStore.prototype;
      const full = () => {
        throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
      };
      proto.e2eQuota = { put: proto.put, add: proto.add };
      proto.put = full;
      proto.add = full;
    })()`);
    return {
      restore: () =>
        worker.evaluate(`(() => {
          const proto = IDBObjectStore.prototype;
          if (!proto.e2eQuota) throw new Error('the service worker restarted: the space came back by itself');
          Object.assign(proto, proto.e2eQuota);
          delete proto.e2eQuota;
        })()`),
    };
  }
  // An eighth of the size at each refusal: ~1 s from 1 MB pieces down to a refused 2 KB.
  for (let size = 1 << 20, tries = 0; size >= 2048; tries++) {
    if (tries > 200) throw new Error(`the filler never filled the origin (Firefox's storage limit not applied?)`);
    const result = await page.evaluate(
      ({ db, size }) =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open(db, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('fill');
          open.onerror = () => resolve(`open: ${open.error?.name}`);
          open.onsuccess = () => {
            const tx = open.result.transaction('fill', 'readwrite');
            tx.objectStore('fill').put(new Blob([new Uint8Array(size).fill(7)]), Math.random());
            tx.oncomplete = () => (open.result.close(), resolve('ok'));
            tx.onabort = () => (open.result.close(), resolve(String(tx.error?.name)));
          };
        }),
      { db: FILLER_DB, size },
    );
    if (result === 'QuotaExceededError') size >>= 3;
    else if (result !== 'ok') throw new Error(`filling the origin: ${result}`);
  }
  return {
    restore: async () => {
      const result = await page.evaluate(
        (db) =>
          new Promise<string>((resolve) => {
            const del = indexedDB.deleteDatabase(db);
            del.onsuccess = () => resolve('ok');
            del.onerror = () => resolve(String(del.error?.name));
            del.onblocked = () => resolve('blocked');
          }),
        FILLER_DB,
      );
      if (result !== 'ok') throw new Error(`deleting the filler: ${result}`);
    },
  };
}

/** Pastes `text` at the end of the note editor (one input event, as a paste gives). */
export function pasteIntoNote(page: TestPage, text: string): Promise<void> {
  return page.evaluate((text) => {
    const area = document.querySelector<HTMLTextAreaElement>('textarea.note-text');
    if (!area) throw new Error('no note editor');
    area.focus();
    area.value += text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
  }, text);
}

/** Some 8 KB of words that do not compress (IndexedDB compresses what it stores). */
export function incompressibleWords(seed: number, count = 1_100): string {
  let x = seed;
  const word = () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x.toString(36);
  };
  return Array.from({ length: count }, word).join(' ');
}

/** Deletes the extension's database from `page` (an extension page), as another page of ours could. */
export function deleteDatabase(page: TestPage): Promise<string> {
  return page.evaluate(
    (db) =>
      new Promise<string>((resolve) => {
        const del = indexedDB.deleteDatabase(db);
        del.onsuccess = () => resolve('deleted');
        del.onerror = () => resolve(`error: ${del.error?.name}`);
        // Reported, not final: success follows once the open connections close.
        del.onblocked = () => console.warn('deleteDatabase blocked for now');
      }),
    DB_NAME,
  );
}
