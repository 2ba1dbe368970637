import { base64ToBytes, bytesToBase64 } from '../base64';
import { deviceIdSchema, SYNC_KEY_PREFIX, SYNC_FORMAT_VERSION, type Manifest, type SyncDoc } from './format';

/**
 * A document ↔ the items of `browser.storage.sync`. JSON, compressed with the platform's own
 * `CompressionStream('deflate-raw')` (Node 20, Chrome 80, Firefox 113: no library to ship), in base64
 * because sync values are JSON, cut into chunks that each fit an item with its key, plus a manifest
 * item naming the chunks and a checksum — the browser may deliver a device's items one by one, and a
 * document whose chunks don't add up yet is left for the next change.
 */

/** Chrome's and Firefox's per-item limit: the key's length plus its value's JSON. */
export const QUOTA_BYTES_PER_ITEM = 8_192;

export type SyncItems = Record<string, unknown>;

export const manifestKey = (device: string) => `${SYNC_KEY_PREFIX}${device}`;
export const chunkKey = (device: string, index: number) => `${SYNC_KEY_PREFIX}${device}.${index}`;

/** The item's size as the quotas count it: its key plus its value as JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** FNV-1a (32 bits) of the joined chunks: tells a complete document from one still arriving. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

export async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Rejects on data that is not deflate-raw. */
export async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** A device's document as sync items: the manifest and its chunks. */
export async function encodeDoc(doc: SyncDoc): Promise<SyncItems> {
  // The chunk loop below advances by an item's room beside its key: a key longer than an item (a
  // device id of kilobytes, found by the fuzz tests) left no room and looped forever.
  const device = deviceIdSchema.safeParse(doc.device);
  if (!device.success)
    throw new Error(
      `Cannot write a sync document for device id ${JSON.stringify(doc.device)?.slice(0, 40)}: ${device.error.issues[0]?.message}`,
    );
  const payload = bytesToBase64(await deflate(JSON.stringify(doc)));
  const items: SyncItems = {};
  let chunks = 0;
  for (let at = 0; at < payload.length; chunks++) {
    const key = chunkKey(doc.device, chunks);
    // base64 is ASCII and needs no escaping: a chunk's JSON is its length plus two quotes.
    const room = QUOTA_BYTES_PER_ITEM - key.length - 2;
    items[key] = payload.slice(at, at + room);
    at += room;
  }
  const manifest: Manifest = {
    v: SYNC_FORMAT_VERSION,
    device: doc.device,
    at: doc.at,
    chunks,
    length: payload.length,
    sum: checksum(payload),
  };
  items[manifestKey(doc.device)] = manifest;
  return items;
}

/** The joined payload of a manifest's chunks, or why it cannot be read yet. */
export function joinChunks(items: SyncItems, manifest: Manifest): { payload: string } | { problem: string } {
  let payload = '';
  for (let i = 0; i < manifest.chunks; i++) {
    const chunk = items[chunkKey(manifest.device, i)];
    if (typeof chunk !== 'string') return { problem: `chunk ${i} of ${manifest.chunks} is missing` };
    payload += chunk;
  }
  if (payload.length !== manifest.length || checksum(payload) !== manifest.sum) {
    return { problem: 'its chunks do not match its manifest (still arriving, or damaged)' };
  }
  return { payload };
}

/** The document's JSON from a payload; rejects on damaged data. */
export async function unpack(payload: string): Promise<unknown> {
  return JSON.parse(await inflate(base64ToBytes(payload))) as unknown;
}
