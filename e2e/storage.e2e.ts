/**
 * The glossary is in the extension's own IndexedDB after install (seeded by the background), in
 * both browsers, and a malformed message to the background gets a clear error while the
 * background keeps answering. What pages highlight with is in storage.local, and a page whose
 * storage lost it still highlights: the background publishes it again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LAUNCH_TIMEOUT, TEST_TIMEOUT, launchers, type TestBrowser, BROWSERS, useFixtures } from './harness';
import { waitForHighlight } from './pages/highlights';

for (const name of BROWSERS) {
  void describe(`${name}: the extension's database`, () => {
    let browser: TestBrowser | undefined;
    before(
      async () => {
        browser = await launchers[name]();
      },
      { timeout: LAUNCH_TIMEOUT },
    );
    after(async () => {
      await browser?.close();
    });
    const running = () => {
      if (!browser) throw new Error(`${name} did not launch`);
      return browser;
    };
    const fixture = useFixtures();

    /** Runs `keys`' removal (or a read) in storage.local from an extension page; returns what is stored. */
    const storedKeys = async (remove: string[] = []): Promise<string[]> => {
      const page = await running().openExtensionPage('popup.html');
      try {
        return await page.evaluate(async (keys) => {
          type Api = { storage: { local: { remove(k: string[]): Promise<void>; get(k: null): Promise<object> } } };
          const g = globalThis as unknown as { browser?: Api; chrome: Api };
          const local = (g.browser ?? g.chrome).storage.local;
          if (keys.length > 0) await local.remove(keys);
          return Object.keys(await local.get(null)).sort();
        }, remove);
      } finally {
        await page.close();
      }
    };

    void it(
      'keeps what pages highlight with in storage.local, and publishes it again when it is lost',
      { timeout: TEST_TIMEOUT },
      async () => {
        const first = await running().newPage();
        try {
          await first.goto(fixture('smoke.html'));
          await waitForHighlight(first, 'ETIAS');
          assert.ok((await storedKeys()).includes('compiledGlossary'));
          assert.ok((await storedKeys()).includes('knownTerms'));
        } finally {
          // Closed first: an open page watches these keys and would have them published again at once.
          await first.close();
        }

        // Lost (a cleared profile, a broken write): the next page asks the background, which publishes again.
        const left = await storedKeys(['compiledGlossary', 'knownTerms']);
        assert.ok(!left.includes('compiledGlossary') && !left.includes('knownTerms'), left.join());
        const next = await running().newPage();
        try {
          await next.goto(fixture('smoke.html'));
          await waitForHighlight(next, 'ETIAS');
          const after = await storedKeys();
          assert.ok(after.includes('compiledGlossary') && after.includes('knownTerms'), after.join());
        } finally {
          await next.close();
        }
      },
    );

    void it(
      'holds every glossary entry and the glossary version after install',
      { timeout: TEST_TIMEOUT },
      async () => {
        const page = await running().openExtensionPage('popup.html');
        try {
          const read = () =>
            page.evaluate(
              () =>
                new Promise<{ entries: number; etias: string | null; version: string | null }>((resolve, reject) => {
                  const open = indexedDB.open('benelux-glossary');
                  open.onerror = () => reject(open.error ?? new Error('open failed'));
                  open.onsuccess = () => {
                    const db = open.result;
                    if (!db.objectStoreNames.contains('entries')) {
                      db.close();
                      resolve({ entries: 0, etias: null, version: null });
                      return;
                    }
                    const tx = db.transaction(['entries', 'meta'], 'readonly');
                    const count = tx.objectStore('entries').count();
                    const etias = tx.objectStore('entries').get('etias');
                    const version = tx.objectStore('meta').get('glossaryVersion');
                    tx.oncomplete = () => {
                      db.close();
                      const e = etias.result as { expansion?: { en: string } } | undefined;
                      const v = version.result as { value: string } | undefined;
                      resolve({ entries: count.result, etias: e?.expansion?.en ?? null, version: v?.value ?? null });
                    };
                  };
                }),
            );
          // The background seeds on install; give it a moment on a slow machine.
          let data = await read();
          for (let i = 0; i < 50 && data.entries === 0; i++) {
            await new Promise((res) => setTimeout(res, 200));
            data = await read();
          }
          assert.ok(data.entries >= 70, `entries in the extension's IndexedDB: ${data.entries}`);
          assert.equal(data.etias, 'European Travel Information and Authorisation System');
          assert.match(data.version ?? '', /^\d+\.\d+\.\d+$/);
        } finally {
          await page.close();
        }
      },
    );

    void it(
      'answers a malformed message with a clear error and keeps answering',
      { timeout: TEST_TIMEOUT },
      async () => {
        const page = await running().openExtensionPage('popup.html');
        try {
          const result = await page.evaluate(async () => {
            type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            // Firefox's promise-returning API is `browser`; Chromium's `chrome` returns promises too.
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            const api = (g.browser ?? g.chrome).runtime;
            const send = (type: string, data: unknown) =>
              api.sendMessage({ id: 1, type, data, timestamp: Date.now() }) as Promise<{
                res?: unknown;
                err?: { message?: string };
              }>;
            const bad = await send('getEntry', { id: 42 });
            const good = await send('getEntry', { id: 'etias' });
            return { badError: bad?.err?.message ?? null, goodId: (good?.res as { id?: string } | null)?.id ?? null };
          });
          assert.match(result.badError ?? '', /Malformed "getEntry" message: id/);
          assert.equal(result.goodId, 'etias');
        } finally {
          await page.close();
        }
      },
    );
  });
}
