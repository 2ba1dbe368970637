import { ImportError } from './import-error';

/**
 * Bytes → text for the parsers, chunk by chunk: what `File.stream()` gives in a page or a worker, a Node file
 * stream, or plain chunks in tests. The file is never held whole: each chunk is decoded as it comes.
 *
 * - a UTF-8 BOM is dropped; UTF-16 (with a BOM, or an XML file starting `<` `\0`) is decoded as UTF-16;
 * - binary files (a ZIP such as .xlsx, a PDF, an image, anything holding NUL bytes) are refused by name;
 * - UTF-8 is decoded strictly, so a Latin-1 file fails with the byte offset and line of its first foreign byte
 *   instead of turning "café" into "caf�" in the reader's glossary;
 * - an XML declaration's encoding (ISO-8859-1, windows-1252 …) is honoured for TBX.
 */

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** How many bytes are looked at before decoding: enough for a BOM, a signature and an XML declaration. */
export const HEAD_BYTES = 1024;

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or Word .docx file is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Office document (an old Excel .xls file?)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

const SAVE_AS = 'Save the glossary as TBX, CSV (UTF-8) or JSON and import that file.';

/** A byte source that can be looked at before it is read: the head decides the format and the encoding. */
export class ByteInput {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private ended = false;

  constructor(source: ByteSource) {
    this.iterator = byteChunks(source)[Symbol.asyncIterator]();
  }

  /** At least `minBytes` from the start of the file (fewer only if the file is shorter), without consuming them. */
  async head(minBytes = HEAD_BYTES): Promise<Uint8Array> {
    while (this.bufferedBytes < minBytes && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else if (next.value.length > 0) {
        this.buffered.push(next.value);
        this.bufferedBytes += next.value.length;
      }
    }
    return concat(this.buffered);
  }

  /** Every chunk once: the looked-at ones, then the rest as the source gives them. Stopping early cancels the source. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      while (this.buffered.length > 0) yield this.buffered.shift()!;
      while (!this.ended) {
        const next = await this.iterator.next();
        if (next.done) this.ended = true;
        else if (next.value.length > 0) yield next.value;
      }
    } finally {
      if (!this.ended) {
        this.ended = true;
        await this.iterator.return?.();
      }
    }
  }
}

async function* byteChunks(source: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  if ('getReader' in source) {
    // A reader rather than `for await`: not every browser we support iterates a ReadableStream.
    const reader = source.getReader();
    let done = false;
    try {
      for (;;) {
        const next = await reader.read();
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // Stopped early (a preview, an error): let the file go instead of reading it to the end.
      if (!done) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    yield* source;
  }
}

export interface DecodeOptions {
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Honour the encoding an XML declaration names (for TBX). */
  xml?: boolean;
  /** Refuse files larger than this (for formats read whole). */
  maxBytes?: number;
  /** What the file is, for the too-large message ("JSON glossaries"). */
  maxBytesReason?: string;
}

/** The text of a file, chunk by chunk; throws ImportError for an empty, binary or wrongly encoded file. */
export async function* decodeText(source: ByteInput | ByteSource, options: DecodeOptions = {}): AsyncGenerator<string> {
  const input = source instanceof ByteInput ? source : new ByteInput(source);
  const head = await input.head();
  if (head.length === 0 || (head.length === 3 && hasUtf8Bom(head))) {
    throw new ImportError('empty', 'The file is empty.');
  }
  const encoding = chooseEncoding(head, options.xml ?? false);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const singleByteUnits = encoding !== 'utf-16le' && encoding !== 'utf-16be';
  let bytesRead = 0;
  let newlines = 0;
  // The last bytes of the previous chunk, from which a UTF-8 character may continue into the next one.
  let tail: Uint8Array = new Uint8Array(0);

  for await (const chunk of input.chunks()) {
    if (singleByteUnits) {
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        throw new ImportError(
          'binary',
          `This is not a text file: it holds binary data (a NUL byte at byte offset ${bytesRead + nul}). ${SAVE_AS}`,
          { line: newlines + countNewlines(chunk, nul) + 1 },
        );
      }
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw encodingError(encoding, tail, chunk, bytesRead, newlines);
    }
    bytesRead += chunk.length;
    if (options.maxBytes !== undefined && bytesRead > options.maxBytes) {
      throw new ImportError(
        'too-large',
        `The file is larger than ${formatBytes(options.maxBytes)}, the most ${options.maxBytesReason ?? 'this format'} may hold.`,
      );
    }
    if (singleByteUnits) newlines += countNewlines(chunk, chunk.length);
    tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : concat([tail, chunk]).slice(-3);
    options.onProgress?.(bytesRead);
    if (text) yield text;
  }

  let last: string;
  try {
    last = decoder.decode();
  } catch {
    throw new ImportError(
      'encoding',
      `The file ends in the middle of a character (byte offset ${bytesRead}): it is cut short or not ${encoding.toUpperCase()}.`,
      { line: newlines + 1 },
    );
  }
  if (last) yield last;
}

/** Throws ImportError when a file's head shows it empty or binary: checked before its format is guessed. */
export function checkHead(head: Uint8Array): void {
  if (head.length === 0 || (head.length === 3 && hasUtf8Bom(head))) {
    throw new ImportError('empty', 'The file is empty.');
  }
  chooseEncoding(head, false);
  if (!(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff) && head.includes(0)) {
    throw new ImportError('binary', `This is not a text file: it holds binary data (NUL bytes). ${SAVE_AS}`);
  }
}

/** The TextDecoder label for a file's head; throws for binary files and encodings we cannot read. */
function chooseEncoding(head: Uint8Array, xml: boolean): string {
  for (const { bytes, what } of SIGNATURES) {
    if (bytes.every((b, i) => head[i] === b)) {
      throw new ImportError('binary', `This is not a text file: it looks like ${what}. ${SAVE_AS}`);
    }
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (hasUtf8Bom(head)) return 'utf-8';
  // UTF-16 without a BOM is recognisable in XML only: it starts with "<".
  if (xml && head[0] === 0x3c && head[1] === 0) return 'utf-16le';
  if (xml && head[0] === 0 && head[1] === 0x3c) return 'utf-16be';
  if (xml) {
    const declared = declaredEncoding(head);
    if (declared) return declared;
  }
  return 'utf-8';
}

/** The encoding an XML declaration names, when it is one TextDecoder reads and not a form of UTF-16. */
function declaredEncoding(head: Uint8Array): string | undefined {
  const start = String.fromCharCode(...head.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start);
  if (!match) return undefined;
  const label = match[1]!;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    throw new ImportError(
      'encoding',
      `The file says it is in the encoding "${label}", which cannot be read. ${SAVE_AS}`,
      {
        line: 1,
      },
    );
  }
  // A declaration read as ASCII cannot be telling the truth about UTF-16.
  return encoding.startsWith('utf-16') ? undefined : encoding;
}

function encodingError(encoding: string, tail: Uint8Array, chunk: Uint8Array, offset: number, newlines: number) {
  if (encoding !== 'utf-8') {
    return new ImportError(
      'encoding',
      `The file is not valid ${encoding.toUpperCase()} near byte offset ${offset}. ${SAVE_AS}`,
    );
  }
  // May be negative: the character began in the previous chunk.
  const at = firstBadUtf8Byte(tail, chunk);
  const line = newlines + countNewlines(chunk, Math.max(0, at)) + 1;
  const value = at >= 0 ? chunk[at]! : tail[tail.length + at]!;
  const byte = value.toString(16).toUpperCase().padStart(2, '0');
  return new ImportError(
    'encoding',
    `The file is not UTF-8: byte 0x${byte} at byte offset ${offset + at} (line ${line}) is not part of a UTF-8 character. ` +
      'It was probably saved as Latin-1 or Windows-1252; save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.',
    { line },
  );
}

/**
 * Where in `chunk` (negative: in `tail`, from its end) strict UTF-8 decoding first fails, given the previous chunk's last bytes (a character may have
 * begun there). Found by bisecting with TextDecoder itself, so "invalid" means exactly what the decoder refused;
 * then moved back to the lead byte of an unfinished sequence ("caf\xE9 " fails at the space; the culprit is \xE9).
 */
function firstBadUtf8Byte(tail: Uint8Array, chunk: Uint8Array): number {
  // Start the carried bytes at a lead byte: continuation bytes there finished a character already decoded.
  let from = 0;
  while (from < tail.length && (tail[from]! & 0xc0) === 0x80) from++;
  const carry = tail.subarray(from);
  const bytes = concat([carry, chunk]);
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodesAsUtf8(bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  let at = bad - 1;
  for (let back = 1; back <= 3 && at - back >= 0; back++) {
    const b = bytes[at - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (needs > back) at -= back;
    break;
  }
  return at - carry.length;
}

function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function hasUtf8Bom(head: Uint8Array): boolean {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
