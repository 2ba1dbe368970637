/**
 * Bytes ↔ base64, for binary data that must travel as a string (browser.storage and runtime messages
 * carry JSON). Uses the native Uint8Array methods where the browser has them (Chrome 140, Firefox 133).
 */
interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = bytes as Uint8Array & { toBase64?: () => string };
  if (typeof native.toBase64 === 'function') return native.toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const native = Uint8Array as unknown as NativeBase64;
  if (typeof native.fromBase64 === 'function') return native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
