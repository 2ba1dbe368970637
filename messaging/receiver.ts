import { defineExtensionMessaging } from '@webext-core/messaging';
import { formatPath } from '@/core/notes-export';
import type { z } from '@/core/zod';

/**
 * One receiver's messages: a validator for each request, checked where it is received before any
 * handler runs, and the type of each response. Callers use the receiver's typed client
 * (`background.saveNote(…)`), never a message name.
 */
export type RequestSchemas = Record<string, z.ZodMiniType>;
export type RequestOf<S extends RequestSchemas, K extends keyof S> = z.infer<S[K]>;

/** Who sent a message, as far as handlers need to know. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  /** The sender's URL (an extension page's, or the page a content script runs in). */
  url?: string;
}

/** Thrown back to the sender (serialised by the messaging library) when a request is malformed. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

/** Where a message goes: the background or extension pages (nothing), or one tab's frame. */
export type Target = { tabId: number; frameId?: number } | undefined;

export type Client<S extends RequestSchemas, R extends { [K in keyof S]: unknown }> = {
  [K in keyof S & string]: (data: RequestOf<S, K>) => Promise<R[K]>;
};

export type Handler<S extends RequestSchemas, R extends { [K in keyof S]: unknown }, K extends keyof S> = (
  data: RequestOf<S, K>,
  sender: Sender,
) => Promise<R[K]>;

export interface Receiver<S extends RequestSchemas, R extends { [K in keyof S]: unknown }> {
  schemas: S;
  /** A client that sends to `target` (undefined: the background, or every extension page). */
  client(target?: Target): Client<S, R>;
  /** Registers the handler of one message; returns its remover. */
  handle<K extends keyof S & string>(name: K, handler: Handler<S, R, K>): () => void;
  /** Parses a request against its schema; the error names the message and the field. */
  parse<K extends keyof S & string>(name: K, data: unknown): RequestOf<S, K>;
}

interface Received {
  data: unknown;
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
}

/** The messaging library's envelope (its `sendMessage`), and its reply: `{ res }` or `{ err }` (a serialised Error). */
interface Envelope {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}
type Reply = { res?: unknown; err?: { name?: unknown; message?: unknown } | null } | undefined;

let nextId = Math.floor(Math.random() * 10_000);

/**
 * Sends a message to a tab's frame (every frame when `frameId` is unset) in the library's envelope,
 * through the promise form of `tabs.sendMessage`: a tab without our content script (a new-tab page, a
 * browser page, a tab open since before the install) rejects. The library's own path to tabs
 * (@webext-core/messaging 4.0.0) passes a callback that never reads `runtime.lastError`, so each such
 * message — the popup's on every open there, the background's note broadcast to every tab — put an
 * "Unchecked runtime.lastError" among the extension's errors in chrome://extensions.
 */
async function sendToTab(type: string, data: unknown, { tabId, frameId }: NonNullable<Target>): Promise<unknown> {
  const message: Envelope = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = await browser.tabs.sendMessage<Envelope, Reply>(
    tabId,
    message,
    frameId === undefined ? undefined : { frameId },
  );
  if (!reply) throw new Error('No response');
  if (reply.err != null) {
    const error = new Error(typeof reply.err.message === 'string' ? reply.err.message : 'Failed');
    if (typeof reply.err.name === 'string') error.name = reply.err.name;
    throw error;
  }
  return reply.res;
}

/**
 * Defines a receiver. Message names must be unique across receivers: every receiver in one
 * JavaScript context shares `runtime.onMessage`.
 */
export function defineReceiver<S extends RequestSchemas, R extends { [K in keyof S]: unknown }>(
  schemas: S,
): Receiver<S, R> {
  // The library types one message map; ours is checked by the schemas at the receiving end.
  const messaging = defineExtensionMessaging<Record<string, (data: unknown) => unknown>>();

  const parse = <K extends keyof S & string>(name: K, data: unknown): RequestOf<S, K> => {
    const result = schemas[name]!.safeParse(data ?? {});
    if (!result.success) {
      const where = result.error.issues.map((i) => `${formatPath(i.path, '(data)')}: ${i.message}`);
      throw new InvalidMessageError(`Malformed "${name}" message: ${where.join('; ')}`);
    }
    return result.data as RequestOf<S, K>;
  };

  const client = (target?: Target): Client<S, R> =>
    Object.fromEntries(
      Object.keys(schemas).map((name) => [
        name,
        (data: unknown) => (target ? sendToTab(name, data, target) : messaging.sendMessage(name, data)),
      ]),
    ) as Client<S, R>;

  const handle = <K extends keyof S & string>(name: K, handler: Handler<S, R, K>): (() => void) =>
    messaging.onMessage(name, (message: Received) =>
      handler(parse(name, message.data), {
        tabId: message.sender?.tab?.id,
        frameId: message.sender?.frameId,
        url: message.sender?.url,
      }),
    );

  return { schemas, client, handle, parse };
}
