import type { ImportedEntry } from '@/core/imported-schema';
import { decodeText, type DecodeOptions } from './decode';
import { EntryCollector, type CollectorSettings, type ParserHooks, type TextParser } from './entries';
import { ImportError } from './import-error';

/** Tests' shared means: files as chunks of a given size, and the error a parse throws. */

const encoder = new TextEncoder();

/** The bytes of a text (UTF-8), or bytes as they are. */
export function bytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}

/** A file cut into chunks of `size` bytes (Infinity: one chunk), as a stream would hand it over. */
export function chunked(content: string | Uint8Array, size: number): Uint8Array[] {
  const all = bytes(content);
  if (!Number.isFinite(size)) return [all];
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
  return chunks;
}

/** The same chunks as a ReadableStream, as `File.stream()` gives them; `pulled` counts the chunks read. */
export function streamOf(chunks: readonly Uint8Array[]): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  return { stream, pulled: () => i };
}

/** The ImportError a promise rejects with (fails the test if it resolves or throws something else). */
export async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError, but the import succeeded');
}

/** Runs one format's parser over a file cut into chunks, as index.ts does, and gathers what it hands out. */
export async function runParser(
  create: (hooks: ParserHooks) => TextParser,
  content: string | Uint8Array,
  chunkSize = Infinity,
  settings: CollectorSettings = {},
  decode: DecodeOptions = {},
) {
  const collector = new EntryCollector(settings);
  const parser = create({ collector });
  const entries: ImportedEntry[] = [];
  for await (const text of decodeText(chunked(content, chunkSize), decode)) {
    parser.write(text);
    for (const batch of collector.drain()) entries.push(...batch);
    if (collector.full) break;
  }
  if (!collector.full) parser.end();
  collector.flush();
  for (const batch of collector.drain()) entries.push(...batch);
  return { entries, info: parser.info(), collector, parser };
}
