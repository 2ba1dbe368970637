/**
 * The harness can restart a browser on the same profile, and the extension keeps its origin and
 * its data across the restart (what the notes-survive-a-restart tests build on). The data here is
 * a probe IndexedDB database written from an extension page, i.e. in the extension's origin.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_TIMEOUT, launchers, type TestBrowser, BROWSERS } from './harness';

const DB = 'e2e-restart-probe';

for (const name of BROWSERS) {
  void describe(`${name}: restart on the same profile`, () => {
    let profileDir: string | undefined;
    let browser: TestBrowser | undefined;
    before(async () => {
      profileDir = await mkdtemp(path.join(tmpdir(), `benelux-e2e-${name}-restart-`));
    });
    after(async () => {
      await browser?.close().catch(() => undefined);
      if (profileDir) await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    });

    void it('keeps the extension id and its IndexedDB across a restart', { timeout: 2 * TEST_TIMEOUT }, async () => {
      assert.ok(profileDir);
      browser = await launchers[name]({ profileDir });
      const firstBase = browser.extensionBaseUrl;
      const token = `written before the restart ${Date.now()}`;
      const writer = await browser.openExtensionPage('popup.html');
      await writer.evaluate(
        ({ db, token }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open(db, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('kv');
            open.onerror = () => reject(open.error ?? new Error('open failed'));
            open.onsuccess = () => {
              const tx = open.result.transaction('kv', 'readwrite');
              tx.objectStore('kv').put(token, 'token');
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error ?? new Error('write failed'));
            };
          }),
        { db: DB, token },
      );
      await browser.close();
      browser = undefined;

      browser = await launchers[name]({ profileDir });
      assert.equal(browser.extensionBaseUrl, firstBase, 'the extension origin changed across the restart');
      const reader = await browser.openExtensionPage('popup.html');
      const read = await reader.evaluate(
        (db) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open(db, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('kv');
            open.onerror = () => reject(open.error ?? new Error('open failed'));
            open.onsuccess = () => {
              const get = open.result.transaction('kv').objectStore('kv').get('token');
              get.onsuccess = () => resolve(get.result ?? null);
              get.onerror = () => reject(get.error ?? new Error('read failed'));
            };
          }),
        DB,
      );
      assert.equal(read, token);
    });
  });
}
