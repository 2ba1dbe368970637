/**
 * Fuzz: random and mutated messages on every channel, through the validators where each is received
 * (and, for the background, on through the real handlers and database). Each is accepted or rejected
 * with an error that names the message and the field; nothing throws anything else, nothing hangs.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHandlers, type Handlers } from '@/entrypoints/background/handlers';
import { openDatabase } from '@/db';
import { backgroundReceiver, type BackgroundRequestName } from '@/messaging/background';
import { contentReceiver } from '@/messaging/content';
import { extensionPagesReceiver } from '@/messaging/extension-pages';
import { InvalidMessageError, type Receiver, type RequestSchemas } from '@/messaging/receiver';
import { handlePdfViewerRequests, pdfViewer } from '@/messaging/pdf-viewer';
import { handshakeMessage, HANDSHAKE_TYPE, hostToTooltip, tooltipToHost } from '@/messaging/tooltip-channel';
import { decodeSyncArea, encodeDoc, manifestKey, type SyncDoc } from '@/core/sync';
import { syncGlossarySchema, syncKnownSchema, syncNoteSchema, tombstoneSchema } from '@/core/sync/format';
import { sampleGlossary } from '@/test/sample-glossary';
import { fcOptions, isClearMessage, messageLike, mutated, mutatedText, report, RUNS, Tally, TIME_LIMIT } from './fuzz';

const T0 = 1_800_000_000_000;
const context = { title: 'Page', url: 'https://example.org/', sentence: 'ETIAS starts.' };
const note = { termId: 'etias', text: 'A note', createdAt: T0, updatedAt: T0, revision: 1, context };

/** One or more valid requests of every background message: the seeds the mutations start from. */
const BACKGROUND: Record<BackgroundRequestName, unknown[]> = {
  ensureSeeded: [{}],
  publishPageGlossary: [{}],
  getEntry: [{ id: 'etias' }, { id: 'iate-energy:7' }],
  setKnown: [{ termId: 'nsec', known: true }],
  getNote: [{ termId: 'etias' }],
  saveNote: [{ termId: 'etias', text: 'New text', baseRevision: 0, baseText: '', context }],
  deleteNote: [{ termId: 'etias' }],
  restoreNote: [{ note }],
  importNotes: [
    {
      json: JSON.stringify({ format: 'benelux-glossary-notes', version: 2, exportedAt: '2026-12-01', notes: [note] }),
    },
  ],
  getImportedEntry: [{ id: 'iate-energy:7' }],
  glossariesChanged: [{}],
  matchTexts: [{ version: '1.0.0', texts: ['ETIAS and NSEC'], enabledIds: ['etias'], knownIds: [] }],
  reportPageTerms: [{ distinct: 3, enabled: true }],
  openPdfInViewer: [{}],
};

// Typed by the receivers' schemas: a new message without a sample fails the typecheck.
const CONTENT: Record<keyof typeof contentReceiver.schemas, unknown[]> = {
  getPageTerms: [{}],
  getPageDefinitions: [{}],
  revealTerm: [{ termId: 'etias' }],
  explainSelection: [{}],
  termAtMenuPoint: [{}],
  noteAtMenuPoint: [{}],
  relayNotesChanged: [{ termId: 'etias' }, {}],
};

const EXTENSION_PAGES: Record<keyof typeof extensionPagesReceiver.schemas, unknown[]> = {
  notesChanged: [{ termId: 'etias' }, {}],
};

const tallies: Tally[] = [];
afterAll(() => report(tallies));

/** A receiver's parse: the value back, or an InvalidMessageError naming the message and the field. */
function checkReceiver<S extends RequestSchemas>(
  receiver: Receiver<S, { [K in keyof S]: unknown }>,
  name: keyof S & string,
  data: unknown,
  tally: Tally,
): { ok: true; value: unknown } | { ok: false } {
  try {
    const value = receiver.parse(name, data);
    // What passed is what the schema describes: it passes again, unchanged.
    expect(receiver.parse(name, value)).toEqual(value);
    tally.accept();
    return { ok: true, value };
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidMessageError);
    expect((error as Error).message).toMatch(new RegExp(`^Malformed "${name}" message: \\S.*: \\S`));
    tally.reject();
    return { ok: false };
  }
}

function fuzzReceiver<S extends RequestSchemas>(
  label: string,
  receiver: Receiver<S, { [K in keyof S]: unknown }>,
  valids: Record<string, unknown[]>,
  after?: (name: string, value: unknown) => Promise<void>,
) {
  const tally = new Tally(label);
  tallies.push(tally);
  const names = Object.keys(valids);
  it(
    `${label}: ${RUNS} random and mutated messages, each accepted or refused with the field named`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), messageLike(valids[name]!))),
          async ([name, data]) => {
            const result = checkReceiver(receiver, name, data, tally);
            if (result.ok && after) await after(name, result.value);
          },
        ),
        fcOptions(),
      );
    },
    TIME_LIMIT,
  );
}

describe('fuzz: messages', () => {
  // Accepted background requests go on to the real handlers, on one database that keeps what they write.
  const db = openDatabase('fuzz-messages');
  const handlers: Handlers = createHandlers(db, sampleGlossary('1.0.0', ['etias', 'nsec', 'gbvb']));
  const handlerFailures = new Tally('background handlers (failures are clear errors)');
  fuzzReceiver('background messages', backgroundReceiver, BACKGROUND, async (name, value) => {
    const handler = handlers[name as BackgroundRequestName] as (data: unknown, sender: object) => Promise<unknown>;
    try {
      const answer = await handler(value, { tabId: 1, frameId: 0 });
      // Every answer crosses a JSON boundary in Chrome.
      expect(() => JSON.stringify(answer)).not.toThrow();
      handlerFailures.accept();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(isClearMessage((error as Error).message), (error as Error).stack).toBe(true);
      handlerFailures.reject();
    }
  });
  tallies.push(handlerFailures);

  fuzzReceiver('content-script messages', contentReceiver, CONTENT);
  fuzzReceiver('extension-page messages', extensionPagesReceiver, EXTENSION_PAGES);

  // The tooltip port: both ends drop what their schema refuses (tooltip-host.ts receive, tooltip App).
  const port = new Tally('tooltip port messages');
  tallies.push(port);
  it(
    `tooltip port: ${RUNS} random and mutated messages each way and handshakes`,
    () => {
      const schemas = [hostToTooltip, tooltipToHost, handshakeMessage] as const;
      const valids = [
        [
          { type: 'show', termId: 'etias', candidates: ['nsec'], lang: 'nl', pinned: false, context },
          { type: 'pin' },
          { type: 'notesChanged', termId: 'etias' },
          { type: 'hide' },
        ],
        [
          { type: 'size', width: 300, height: 200 },
          { type: 'shown', termId: 'etias' },
          { type: 'pointer', inside: true },
          { type: 'known', termId: 'nsec' },
          { type: 'close' },
        ],
        [{ type: HANDSHAKE_TYPE, nonce: 'a'.repeat(32) }],
      ];
      fc.assert(
        fc.property(
          fc.nat({ max: 2 }).chain((i) => fc.tuple(fc.constant(i), messageLike(valids[i]!))),
          ([i, data]) => {
            const result = schemas[i]!.safeParse(data);
            if (result.success) {
              expect(schemas[i]!.parse(result.data)).toEqual(result.data);
              port.accept();
            } else {
              expect(result.error.issues.length).toBeGreaterThan(0);
              for (const issue of result.error.issues) expect(issue.message).toMatch(/\S/);
              port.reject();
            }
          },
        ),
        fcOptions(RUNS * 3),
      );
    },
    TIME_LIMIT,
  );

  // The PDF viewer's runtime messages (popup → the viewer in a tab), through the listener the viewer
  // registers: every viewer hears every runtime message, so it must answer its own tab's, refuse a
  // malformed one, and leave the rest (another channel, another viewer's tab) unanswered.
  const pdf = new Tally('PDF viewer messages');
  tallies.push(pdf);
  it(
    `PDF viewer: ${RUNS} random and mutated messages, answered, refused with the field named, or left to others`,
    async () => {
      const TAB = 7;
      const pageTerms = { hostname: 'example.org', enabled: true, counts: { etias: 2 }, title: 'A PDF', url: '' };
      const calls: unknown[][] = [];
      const remove = handlePdfViewerRequests(TAB, {
        getPageTerms: () => (calls.push(['getPageTerms']), Promise.resolve(pageTerms)),
        revealTerm: (termId) => (calls.push(['revealTerm', termId]), Promise.resolve({ revealed: termId === 'etias' })),
      });
      // The seeds are what the popup's client sends: to this viewer, and to another tab's.
      const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ res: null });
      await pdfViewer(TAB).getPageTerms();
      await pdfViewer(TAB).revealTerm('etias');
      await pdfViewer(TAB + 1).revealTerm('nsec');
      const valids: unknown[] = sent.mock.calls.map(([message]) => message);
      sent.mockRestore();
      const channel = (valids[0] as { channel: string }).channel;
      const field = (value: unknown, key: string) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              messageLike(valids),
              // The request mutated inside a well-addressed envelope: most reach the schema.
              messageLike(valids.map((v) => field(v, 'request'))).map((request) => ({ channel, request })),
            ),
            async (message) => {
              calls.length = 0;
              let resolve: (answer: unknown) => void = () => {};
              const answered = new Promise<unknown>((r) => (resolve = r));
              // The fake's trigger is typed for its own listeners' arguments; ours takes sendResponse too.
              const onMessage = fakeBrowser.runtime.onMessage as unknown as {
                trigger(...args: unknown[]): Promise<unknown[]>;
              };
              const [kept] = await onMessage.trigger(message, {}, resolve);
              const request = field(message, 'request');
              if (!kept) {
                // Unanswered only when it is not ours: another channel, or a well-formed request for another tab.
                expect(field(message, 'channel') !== channel || field(request, 'tabId') !== TAB).toBe(true);
                expect(calls).toEqual([]);
                pdf.ignore();
                return;
              }
              const answer = (await answered) as { res?: unknown; err?: string };
              expect(() => JSON.stringify(answer)).not.toThrow();
              if (answer.err !== undefined) {
                expect(answer.err).toMatch(/^Malformed PDF viewer request: \S.*: \S/);
                expect(calls).toEqual([]);
                pdf.reject();
                return;
              }
              // Answered: addressed to this tab, one handler called with what was asked.
              expect(field(message, 'channel')).toBe(channel);
              expect(field(request, 'tabId')).toBe(TAB);
              const name = field(request, 'name');
              expect(calls).toEqual([name === 'revealTerm' ? [name, field(request, 'termId')] : [name]]);
              expect(answer.res).toEqual(
                name === 'revealTerm' ? { revealed: field(request, 'termId') === 'etias' } : pageTerms,
              );
              pdf.accept();
            },
          ),
          fcOptions(),
        );
      } finally {
        remove();
      }
    },
    TIME_LIMIT,
  );

  // Sync: what other devices wrote in storage.sync, damaged in the document, the manifest or the chunks.
  const sync = new Tally('sync documents (accepted: read with no problem)');
  tallies.push(sync);
  it(
    `sync data: ${RUNS} mutated documents and storage areas, read with problems named, never thrown`,
    async () => {
      const doc: SyncDoc = {
        v: 1,
        device: 'deva',
        at: T0,
        notes: [{ note, clock: { deva: 2 } }],
        tombstones: [{ kind: 'note', id: 'gbvb', at: T0, clock: { deva: 1 } }],
        known: [{ id: 'nsec', at: T0 }],
        glossaries: [],
        settings: { highlightMode: { value: 'first', at: T0 } },
      };
      const items = await encodeDoc(doc);
      const mutatedItems = fc.oneof(
        // The document itself (entities, shell) mutated, then encoded as a device would.
        mutated(doc).map(async (d) => encodeDoc(d as SyncDoc).catch(() => ({ [manifestKey('deva')]: d }))),
        // The items: manifest fields, chunk text, keys.
        mutated(items).map((i) => Promise.resolve(i as Record<string, unknown>)),
        fc
          .tuple(fc.constantFrom(...Object.keys(items)), fc.nat())
          .chain(([key]) =>
            typeof items[key] === 'string'
              ? mutatedText(items[key]).map((text) => Promise.resolve({ ...items, [key]: text }))
              : fc.constant(Promise.resolve(items)),
          ),
      );
      await fc.assert(
        fc.asyncProperty(mutatedItems, async (pending) => {
          const value: unknown = await pending;
          // storage.sync.get(null) is always an object: anything else stands in for the manifest.
          const area =
            value && typeof value === 'object' && !Array.isArray(value)
              ? (value as Record<string, unknown>)
              : { [manifestKey('deva')]: value };
          const decoded = await decodeSyncArea(area, 'devb');
          for (const problem of decoded.problems) expect(problem.reason).toMatch(/\S/);
          for (const d of decoded.docs) {
            for (const n of d.notes) expect(syncNoteSchema.safeParse(n).success).toBe(true);
            for (const t of d.tombstones) expect(tombstoneSchema.safeParse(t).success).toBe(true);
            for (const k of d.known) expect(syncKnownSchema.safeParse(k).success).toBe(true);
            for (const g of d.glossaries) expect(syncGlossarySchema.safeParse(g).success).toBe(true);
          }
          if (decoded.problems.length === 0) sync.accept();
          else sync.reject();
        }),
        fcOptions(),
      );
    },
    TIME_LIMIT,
  );
});
