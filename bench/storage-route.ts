/**
 * The route for compiled glossaries that are not bundled, measured in both browsers: a frame reads
 * the compiled form from `browser.storage.local` as base64 (what settings/page-glossary.ts does) and
 * turns it back into bytes. Sizes are those of bench/compiled-form.ts: the bundled glossary, 10 000
 * and 100 000 synthetic terms. Run from an extension page (storage reads from a content script take
 * the same path through the browser process). Prints medians; asserts nothing. Needs both builds.
 *
 *   npx tsx bench/storage-route.ts
 */
import { BROWSERS, launchers } from '../e2e/harness';
import { median } from './median';

/** Base64 lengths of the compiled form (bench/compiled-form.ts, `npm run bench`). */
const SIZES: [string, number][] = [
  ['bundled (89 entries)', 583_140],
  ['10 000 terms', 5_850_000],
  ['100 000 terms', 51_590_000],
];
const RUNS = 5;

interface StorageApi {
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
}

interface Result {
  stored: boolean;
  error?: string;
  readMs: number[];
  decodeMs: number[];
}

console.log('\nCompiled glossary read from storage.local by a frame (median of 5, ms)\n');
console.log('| browser | glossary | base64 MB | stored? | storage.local.get ms | base64 → bytes ms |');
console.log('|---|---|---:|---|---:|---:|');
for (const name of BROWSERS) {
  const browser = await launchers[name]();
  try {
    const page = await browser.openExtensionPage('popup.html');
    for (const [label, length] of SIZES) {
      const result = await page.evaluate(
        async ({ length, runs }): Promise<Result> => {
          const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
          const api = (g.browser ?? g.chrome)!;
          // Realistic base64 (random bytes, no padding inside), built in the page so no driver carries 50 MB.
          const bytes = crypto.getRandomValues(new Uint8Array(65535));
          let chunk = '';
          for (let i = 0; i < bytes.length; i += 0x8000) chunk += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          const unit = btoa(chunk);
          const base64 = unit.repeat(Math.ceil(length / unit.length)).slice(0, length - (length % 4));
          const out: Result = { stored: true, readMs: [], decodeMs: [] };
          try {
            await api.storage.local.set({ benchRoute: { format: 1, version: 'bench', base64 } });
          } catch (error) {
            return { ...out, stored: false, error: String(error) };
          }
          for (let k = 0; k < runs; k++) {
            const t0 = performance.now();
            const got = (await api.storage.local.get('benchRoute')) as { benchRoute: { base64: string } };
            const t1 = performance.now();
            const native = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
            let decoded: Uint8Array;
            if (native.fromBase64) decoded = native.fromBase64(got.benchRoute.base64);
            else {
              const binary = atob(got.benchRoute.base64);
              decoded = new Uint8Array(binary.length);
              for (let i = 0; i < binary.length; i++) decoded[i] = binary.charCodeAt(i);
            }
            out.readMs.push(t1 - t0);
            out.decodeMs.push(performance.now() - t1 + decoded.length * 0);
          }
          await api.storage.local.remove('benchRoute');
          return out;
        },
        { length, runs: RUNS },
      );
      console.log(
        `| ${name} | ${label} | ${(length / 1_048_576).toFixed(2)} | ${result.stored ? 'yes' : `no: ${result.error}`} | ${result.stored ? median(result.readMs).toFixed(1) : '—'} | ${result.stored ? median(result.decodeMs).toFixed(1) : '—'} |`,
      );
    }
  } finally {
    await browser.close();
  }
}
