import { defineExtensionMessaging } from '@webext-core/messaging';
// zod/mini: the same validators, tree-shaken, because the content script ships on every page.
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import type { GlossaryEntry, Part } from '@/core/glossary-schema';
import { NOTE_MAX_CHARS } from '@/core/note-limits';
import type { Note } from '@/core/notes';
import type { MatchTerm } from '@/core/term-matcher';

/**
 * Every message of the extension, in one place: a validator for each request (checked where it is
 * received, before any handler runs) and the type of its response.
 */
z.config(en());

const termId = () => z.string().check(z.minLength(1), z.maxLength(100));

export const requestSchemas = {
  /** Content script → background: is the background alive? (smoke test and health check) */
  ping: z.strictObject({ from: z.string().check(z.maxLength(2000)) }),
  /** Content script → background: what the matcher needs. */
  getTermIndex: z.strictObject({}),
  /** Any → background: one entry by id. */
  getEntry: z.strictObject({ id: termId() }),
  /** Any → background: all entries grouped by part of the letter. */
  getEntriesByPart: z.strictObject({}),
  /** Tooltip → background: "I know this term" (stop highlighting it), or undo. */
  setKnown: z.strictObject({ termId: termId(), known: z.boolean() }),
  /** Tooltip / popup → background: a term's note. */
  getNote: z.strictObject({ termId: termId() }),
  /** Tooltip / popup → background: save a note typed by the user (see db/notes-repo saveNote). */
  saveNote: z.strictObject({
    termId: termId(),
    text: z.string().check(z.maxLength(NOTE_MAX_CHARS)),
    baseRevision: z.int().check(z.minimum(0)),
    baseText: z.string().check(z.maxLength(NOTE_MAX_CHARS)),
    context: z.optional(
      z.strictObject({
        title: z.string().check(z.maxLength(500)),
        url: z.string().check(z.maxLength(2000)),
        sentence: z.string().check(z.maxLength(1000)),
      }),
    ),
  }),
  /** Popup / glossary page → background: delete a note; the answer is the note, for "Undo". */
  deleteNote: z.strictObject({ termId: termId() }),
  /** Popup / glossary page → background: put a deleted note back. */
  restoreNote: z.strictObject({
    note: z.strictObject({
      termId: termId(),
      text: z.string().check(z.maxLength(NOTE_MAX_CHARS)),
      createdAt: z.int().check(z.minimum(0)),
      updatedAt: z.int().check(z.minimum(0)),
      revision: z.int().check(z.minimum(1)),
      context: z.optional(
        z.strictObject({
          title: z.string().check(z.maxLength(500)),
          url: z.string().check(z.maxLength(2000)),
          sentence: z.string().check(z.maxLength(1000)),
        }),
      ),
    }),
  }),
  /** Glossary page → background: an export file's text, imported all or nothing. */
  importNotes: z.strictObject({ json: z.string().check(z.maxLength(20_000_000)) }),
  /** Background → content scripts: the terms marked "I know this term" changed. */
  knownChanged: z.strictObject({ known: z.array(termId()).check(z.maxLength(100_000)) }),
  /** Background → extension pages (tooltips): a note changed; show it without reload. */
  notesChanged: z.strictObject({ termId: z.optional(termId()) }),
  /** Content script (top frame) → background: distinct terms on the page, for the toolbar badge. */
  reportPageTerms: z.strictObject({ distinct: z.int().check(z.minimum(0), z.maximum(100_000)), enabled: z.boolean() }),
  /** Background → content script (keyboard command): explain the term at the selection. */
  explainSelection: z.strictObject({}),
  /** Popup → content script (top frame): the terms on this page and whether we are on here. */
  getPageTerms: z.strictObject({}),
  /** Popup → content script (top frame): scroll to the term's next occurrence and flash it. */
  revealTerm: z.strictObject({ termId: termId() }),
} as const;

export type RequestName = keyof typeof requestSchemas;
/** Requests that content scripts (or tooltip frames) answer; every other one is the background's. */
export type ContentRequestName = 'explainSelection' | 'getPageTerms' | 'revealTerm' | 'notesChanged' | 'knownChanged';
export type BackgroundRequestName = Exclude<RequestName, ContentRequestName>;
export type Request<K extends RequestName> = z.infer<(typeof requestSchemas)[K]>;

export interface TermIndex {
  version: string;
  terms: MatchTerm[];
  /** Terms the user marked "I know this term": not highlighted. */
  known: string[];
}

export interface Responses {
  ping: { pong: true; glossaryVersion: string | null; entries: number };
  getTermIndex: TermIndex;
  getEntry: GlossaryEntry | null;
  getEntriesByPart: Partial<Record<Part, GlossaryEntry[]>>;
  setKnown: { known: string[] };
  getNote: Note | null;
  saveNote: { note: Note | null; conflict: boolean };
  deleteNote: { deleted: Note | null };
  restoreNote: { note: Note };
  importNotes: { added: number; updated: number; kept: number };
  notesChanged: { ok: true };
  knownChanged: { ok: true };
  reportPageTerms: { ok: true };
  explainSelection: { explained: string | null };
  getPageTerms: PageTerms;
  revealTerm: { revealed: boolean };
}

export interface PageTerms {
  /** The top frame's hostname: what "on/off for this site" applies to. */
  hostname: string;
  enabled: boolean;
  /** Occurrences per term id in the top frame's document. */
  counts: Record<string, number>;
}

/** Who sent a message, as far as handlers need to know. */
export interface Sender {
  tabId?: number;
  frameId?: number;
}

type ProtocolMap = { [K in RequestName]: (data: Request<K>) => Responses[K] };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Thrown back to the sender (serialised by the messaging library) when a request is malformed. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

/** Parses a request against its schema; a clear error names the message and the field. */
export function parseRequest<K extends RequestName>(name: K, data: unknown): Request<K> {
  const result = requestSchemas[name].safeParse(data ?? {});
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
    throw new InvalidMessageError(`Malformed "${name}" message: ${where}`);
  }
  return result.data as Request<K>;
}

/** Registers a handler that only ever sees validated requests. */
export function handle<K extends RequestName>(
  name: K,
  handler: (data: Request<K>, sender: Sender) => Promise<Responses[K]>,
): void {
  // The library's generic typing cannot follow K through the mapped protocol; the runtime shape is the same.
  onMessage(name, ((message: { data: unknown; sender?: { tab?: { id?: number }; frameId?: number } }) =>
    handler(parseRequest(name, message.data), {
      tabId: message.sender?.tab?.id,
      frameId: message.sender?.frameId,
    })) as never);
}
